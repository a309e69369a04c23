using System.Globalization;
using Parquet;
using Parquet.Schema;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Files;
using TaobaoVillage.Parquet;

namespace TaobaoVillage.Tests;

public class ParquetRecordReaderTests
{
    internal static List<string> Verdicts(IEnumerable<InputRow> rows) =>
        [.. BatchScorer.ForYears().Score(rows).Select(r => $"{r.Key} {r.StatusName} {r.Verdict?.RuleSet.Id} {r.Record?.AnnualSales?.Yuan.ToString(CultureInfo.InvariantCulture)} {string.Join(";", r.Problems.Select(p => p.Code))}")];

    [Fact]
    public async Task ReadFile_DoubleColumns_WholeNumbersReadCentsRefusedAsInexact()
    {
        using var folder = new TempFolder();
        var path = folder.File("doubles.parquet");
        await WriteAsync(path, [
            "village_code,village_name,committee,households,active_shops,annual_sales_cny",
            "330782100201,青岩刘村,village,400,150,12345678",
            "330782100202,下骆宅村,village,400,39,9999999.99",
        ], decimals: false);

        var rows = ParquetRecordReader.ReadFile(path).ToList();

        Assert.Equal(12345678m, rows[0].Value!.AnnualSales!.Value.Yuan);
        Assert.False(rows[1].IsValid);
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal(RecordProblemCodes.Inexact, problem.Code);
        Assert.Equal("annual_sales_cny", problem.Field);
        Assert.Equal("330782100202", rows[1].Parsed.Key);
    }

    [Fact]
    public async Task ReadFile_DecimalColumn_ExactToTheLastPlace()
    {
        using var folder = new TempFolder();
        var path = folder.File("cents.parquet");
        await WriteAsync(path, ["village_code,households,active_shops,annual_sales_cny", "330782100202,400,39,9999999.99"], decimals: true);

        var row = Assert.Single(ParquetRecordReader.ReadFile(path));

        Assert.Equal(9999999.99m, row.Value!.AnnualSales!.Value.Yuan);
    }

    [Fact]
    public async Task ReadFile_RequiredInt64AndInt32Columns_Read()
    {
        using var folder = new TempFolder();
        var path = folder.File("required.parquet");
        var code = new DataField<string>("village_code");
        var households = new DataField<long>("households");
        var shops = new DataField<int>("active_shops");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(code, households, shops), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(code, new ArraySegment<string>(["330782100201"]));
            await group.WriteAsync<long>(households, new long[] { 400 }.AsMemory());
            await group.WriteAsync<int>(shops, new[] { 150 }.AsMemory());
        }

        var row = Assert.Single(ParquetRecordReader.ReadFile(path));

        Assert.Equal(400, row.Value!.Households);
        Assert.Equal(150, row.Value.ActiveShops);
    }

    [Fact]
    public void Open_ParquetNamedFileThatIsNot_InvalidDataException()
    {
        using var folder = new TempFolder();
        var path = folder.File("fake.parquet");
        File.WriteAllText(path, "village_code\n330782100201\n");

        var error = Assert.Throws<InvalidDataException>(() => RecordFiles.Open(path));

        Assert.Contains("not a Parquet file", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A CSV (without quoted commas) as Parquet: whole-number columns INT64, other numbers DECIMAL(38, 4) or DOUBLE, the rest strings.</summary>
    internal static async Task WriteAsync(string path, string[] csv, bool decimals)
    {
        var header = csv[0].Split(',');
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        string? Cell(string[] row, int c) => c < row.Length && row[c].Length > 0 ? row[c] : null;
        bool All(int c, Func<string, bool> test) => rows.All(r => Cell(r, c) is not { } v || test(v));
        var fields = header.Select((name, c) =>
            name is "village_code" or "township_code" || !All(c, v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) ? new DataField<string>(name)
            : All(c, v => long.TryParse(v, CultureInfo.InvariantCulture, out _)) && decimals ? new DataField<long?>(name)
            : decimals ? new DecimalDataField(name, 38, 4, isNullable: true)
            : (DataField)new DataField<double?>(name)).ToArray();
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var texts = rows.Select(r => Cell(r, c)).ToArray();
            switch (fields[c])
            {
                case DecimalDataField field:
                    await group.WriteAsync<decimal>(field, texts.Select(t => t is null ? (decimal?)null : decimal.Parse(t, CultureInfo.InvariantCulture)).ToArray().AsMemory());
                    break;
                case DataField<long?> field:
                    await group.WriteAsync<long>(field, texts.Select(t => t is null ? (long?)null : long.Parse(t, CultureInfo.InvariantCulture)).ToArray().AsMemory());
                    break;
                case DataField<double?> field:
                    await group.WriteAsync<double>(field, texts.Select(t => t is null ? (double?)null : double.Parse(t, CultureInfo.InvariantCulture)).ToArray().AsMemory());
                    break;
                default:
                    await group.WriteAsync(fields[c], new ArraySegment<string>(texts!));
                    break;
            }
        }
    }
}
