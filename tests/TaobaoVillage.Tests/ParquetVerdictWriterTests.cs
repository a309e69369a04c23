using TaobaoVillage.Testing.National;
using System.Globalization;
using Newtonsoft.Json.Linq;
using Parquet;
using TaobaoVillage.IO;
using TaobaoVillage.Parquet;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class ParquetVerdictWriterTests
{
    // One file, three formats: every row's verdict, outcomes and shortfalls read back the same from each.
    [Fact]
    public async Task Score_GeneratedFileAsJsonLinesCsvAndParquet_SameVerdictsAndShortfalls()
    {
        using var folder = new TempFolder();
        var input = folder.File("generated.csv");
        using (var writer = new StreamWriter(input))
        {
            NationalRecords.Write(writer, new NationalRecordsOptions { Seed = 11, Rows = 3_000, BrokenRate = 0.01 });
        }

        var outputs = new[] { "v.jsonl", "v.csv", "v.parquet" }.Select(folder.File).ToArray();
        foreach (var output in outputs)
        {
            var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--output", output);
            Assert.True(code == PlannerApp.Ok, err);
        }

        var fromJson = File.ReadLines(outputs[0]).Select(FromJson).ToList();
        var fromCsv = FromCsv(outputs[1]);
        var fromParquet = await FromParquet(outputs[2]);

        Assert.Equal(3_000, fromJson.Count);
        Assert.Contains(fromJson, r => r.StartsWith("invalid", StringComparison.Ordinal));
        Assert.Contains(fromJson, r => r.StartsWith("eligible", StringComparison.Ordinal));
        Assert.Equal(fromJson, fromCsv);
        Assert.Equal(fromJson, fromParquet);
    }

    [Fact]
    public async Task Write_NoRows_AFileWithTheColumnsAndNoRows()
    {
        var bytes = new MemoryStream();

        await ParquetVerdictWriter.WriteAsync(bytes, [], [BuiltInRuleSets.AliResearch]);

        bytes.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(bytes);
        Assert.Equal(new VerdictTable([BuiltInRuleSets.AliResearch]).Columns, reader.Schema.GetDataFields().Select(f => f.Name));
        Assert.Equal(0, Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount));
    }

    [Theory]
    [InlineData("9999999.0000000000000000001")]
    [InlineData("0.0000000000000000001")]
    [InlineData("170141183460469231732")]
    [InlineData("100000000000000000000")]
    public void Score_SalesDecimalParquetCannotHold_RefusedInOneLineNoFileLeft(string sales)
    {
        using var folder = new TempFolder();
        var input = folder.File("v.csv");
        File.WriteAllText(input, $"village_code,committee,households,active_shops,annual_sales_cny\n330782100201,village,400,150,{sales}\n");
        var output = folder.File("v.parquet");

        var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--output", output);

        Assert.Equal(1, code);
        Assert.Contains("cannot hold exactly", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Write_SalesWithEighteenPlaces_HeldExactly()
    {
        using var folder = new TempFolder();
        var input = folder.File("v.csv");
        File.WriteAllText(input, "village_code,committee,households,active_shops,annual_sales_cny\n330782100201,village,400,150,9999999999.000000000000000001\n");
        var output = folder.File("v.parquet");

        var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--output", output);

        Assert.True(code == PlannerApp.Ok, err);
        Assert.Contains("|9999999999.000000000000000001", Assert.Single(await FromParquet(output)), StringComparison.Ordinal);
    }

    private static readonly string[] Numeric = ["annual-sales", "active-shop-count", "active-shop-share"];

    /// <summary>verdict | outcome per criterion | shortfall per numeric criterion | value per numeric criterion.</summary>
    private static string Key(string verdict, IEnumerable<string?> outcomes, IEnumerable<decimal?> shortfalls, IEnumerable<decimal?> values) =>
        $"{verdict}|{string.Join(",", outcomes)}|{string.Join(",", shortfalls.Select(Text))}|{string.Join(",", values.Select(Text))}";

    private static string Text(decimal? value) => value is { } v ? (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "";

    private static string FromJson(string line)
    {
        var json = JObject.Parse(line);
        var criteria = (json["criteria"] as JArray)?.Cast<JObject>().ToDictionary(c => (string)c["id"]!) ?? [];
        string?[] ids = ["administrative-village", "annual-sales", "active-shops", "active-shop-count", "active-shop-share"];
        return Key((string)json["verdict"]!,
            ids.Select(id => criteria.TryGetValue(id!, out var c) ? (string?)c["outcome"] : null),
            Numeric.Select(id => criteria.TryGetValue(id, out var c) && c["shortfall"] is JObject s ? (decimal?)s["amount"] : null),
            Numeric.Select(id => criteria.TryGetValue(id, out var c) && c["actual"]?.Type is JTokenType.Integer or JTokenType.Float ? (decimal?)c["actual"] : null));
    }

    private static List<string> FromCsv(string path)
    {
        var rows = new List<string>();
        using var csv = CsvHelper.CsvReader.Create(new StreamReader(path), new CsvHelper.CsvReaderOptions(), leaveOpen: false);
        var header = csv.Headers!.ToList();
        string Cell(string name) => csv.GetString(header.IndexOf(name));
        decimal? Number(string name) => Cell(name) is { Length: > 0 } t ? decimal.Parse(t, CultureInfo.InvariantCulture) : null;
        while (csv.Read())
        {
            rows.Add(Key(Cell("verdict"),
                new[] { "administrative-village", "annual-sales", "active-shops", "active-shop-count", "active-shop-share" }.Select(id => Cell(id) is { Length: > 0 } o ? o : null),
                Numeric.Select(id => Number(VerdictTable.ShortfallColumn(id))),
                Numeric.Select(id => Number(VerdictTable.ValueColumn(id)))));
        }

        return rows;
    }

    private static async Task<List<string>> FromParquet(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        var rows = new List<string>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            async Task<string?[]> Strings(string name)
            {
                var values = new string?[n];
                await group.ReadAsync(fields[name], values.AsMemory()!);
                return values;
            }

            async Task<decimal?[]> Decimals(string name)
            {
                var values = new decimal?[n];
                await group.ReadAsync(fields[name], values.AsMemory());
                return values;
            }

            var verdicts = await Strings("verdict");
            var outcomes = new List<string?[]>();
            foreach (var id in new[] { "administrative-village", "annual-sales", "active-shops", "active-shop-count", "active-shop-share" })
            {
                outcomes.Add(await Strings(id));
            }

            var shortfalls = new List<decimal?[]>();
            var values = new List<decimal?[]>();
            foreach (var id in Numeric)
            {
                shortfalls.Add(await Decimals(VerdictTable.ShortfallColumn(id)));
                values.Add(await Decimals(VerdictTable.ValueColumn(id)));
            }
            for (var i = 0; i < n; i++)
            {
                rows.Add(Key(verdicts[i]!, outcomes.Select(o => o[i]), shortfalls.Select(s => s[i]), values.Select(v => v[i])));
            }
        }

        return rows;
    }
}
