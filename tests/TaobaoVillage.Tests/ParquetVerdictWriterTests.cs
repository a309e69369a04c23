using System.Globalization;
using Newtonsoft.Json.Linq;
using Parquet;
using TaobaoVillage.IO;
using TaobaoVillage.Parquet;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Tests;

public class ParquetVerdictWriterTests
{
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

    private static readonly string[] Numeric = ["annual-sales", "active-shop-count", "active-shop-share"];

    /// <summary>verdict | outcome per criterion | shortfall per numeric criterion | value per numeric criterion.</summary>
    private static string Key(string verdict, IEnumerable<string?> outcomes, IEnumerable<decimal?> shortfalls, IEnumerable<decimal?> values) =>
        $"{verdict}|{string.Join(",", outcomes)}|{string.Join(",", shortfalls.Select(Text))}|{string.Join(",", values.Select(Text))}";

    private static string Text(decimal? value) => value is { } v ? (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "";

    internal static string FromJson(string line)
    {
        var json = JObject.Parse(line);
        var criteria = (json["criteria"] as JArray)?.Cast<JObject>().ToDictionary(c => (string)c["id"]!) ?? [];
        string?[] ids = ["administrative-village", "annual-sales", "active-shops", "active-shop-count", "active-shop-share"];
        return Key((string)json["verdict"]!,
            ids.Select(id => criteria.TryGetValue(id!, out var c) ? (string?)c["outcome"] : null),
            Numeric.Select(id => criteria.TryGetValue(id, out var c) && c["shortfall"] is JObject s ? (decimal?)s["amount"] : null),
            Numeric.Select(id => criteria.TryGetValue(id, out var c) && c["actual"]?.Type is JTokenType.Integer or JTokenType.Float ? (decimal?)c["actual"] : null));
    }

    internal static List<string> FromCsv(string path)
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

    internal static async Task<List<string>> FromParquet(string path)
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
