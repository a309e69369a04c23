using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class TotalRowsTests
{
    private const string Header = "village_code,village_name,households,active_shops,annual_sales_cny\n";

    private static List<InputRow> ReadCsv(string text) => [.. CsvRecordReader.Read(new StringReader(Header + text))];

    [Fact]
    public void CompareWithSums_TotalEqualsTheSums_SetAsideSayingSo()
    {
        var rows = ReadCsv("330782100201,甲村,100,10,1000000.10\n330782100202,乙村,200,20,2000000.20\n合计,,300,30,3000000.30\n");

        var problem = Assert.Single(rows[^1].Problems);

        Assert.Equal((RecordProblemCodes.TotalRow, FieldNames.VillageCode, TotalRowLabels.SumsDetail), (problem.Code, problem.Field, problem.Detail));
        Assert.Contains("equal the sums of the rows above", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareWithSums_TotalDiffersByOneFen_SetAsideWithoutTheSumsNote()
    {
        var rows = ReadCsv("330782100201,甲村,100,10,1000000.10\n330782100202,乙村,200,20,2000000.20\n合计,,300,30,3000000.31\n");

        var problem = Assert.Single(rows[^1].Problems);

        Assert.Equal((RecordProblemCodes.TotalRow, null), (problem.Code, problem.Detail));
    }

    [Fact]
    public void CompareWithSums_SubtotalsThenGrandTotal_EachComparedWithItsOwnRows()
    {
        var rows = ReadCsv("330782100201,甲村,100,10,1\n佛堂镇小计,,100,10,1\n330782100202,乙村,200,20,2\n小计,,200,20,2\n,总计,300,30,3\n");

        Assert.All([rows[1], rows[3], rows[4]], r => Assert.Equal(TotalRowLabels.SumsDetail, r.Problems[0].Detail));
        Assert.Equal(FieldNames.VillageName, rows[4].Problems[0].Field);
    }

    [Fact]
    public void CompareWithSums_JsonLinesTotal_SameAsCsv()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"330782100201\",\"households\":5}\n{\"village_code\":\"Total\",\"households\":5}\n")).ToList();

        Assert.Equal((RecordProblemCodes.TotalRow, TotalRowLabels.SumsDetail), (rows[1].Problems[0].Code, rows[1].Problems[0].Detail));
    }

    [Fact]
    public void Score_TotalRow_CountedAsRejectedAndAsATotalRow()
    {
        var counts = new BatchCounts();

        _ = new BatchScorer(BuiltInRuleSets.AliResearch).Score(ReadCsv("330782100201,甲村,100,10,1\n合计,,100,10,1\n"), counts).ToList();

        Assert.Equal((2L, 1L, 1L), (counts.Read, counts.Rejected, counts.TotalRows));
        Assert.True(counts.AddsUp);
    }

    [Property(MaxTest = 200)]
    public Property CompareWithSums_AnyVillagesAndTheirExactSum_TotalSaysItEqualsTheSums() =>
        Prop.ForAll(Gen.Choose(1, 1_000_000).Select(n => (long)n).Zip(Gen.Choose(0, 99_999_999).Select(c => c / 100m)).ListOf().Where(l => l.Count > 0).ToArbitrary(), villages =>
        {
            var lines = villages.Select((v, i) => $"3307821{i + 10000:D5},村{i},{v.Item1},,{v.Item2.ToString(CultureInfo.InvariantCulture)}\n");
            var total = $"合计,,{villages.Sum(v => v.Item1)},,{villages.Sum(v => v.Item2).ToString(CultureInfo.InvariantCulture)}\n";
            var rows = ReadCsv(string.Concat(lines) + total);
            return rows[^1].Problems[0].Detail == TotalRowLabels.SumsDetail && rows.Take(villages.Count).All(r => r.IsValid);
        });

    // Found by the property above (households 0): a rejected village's figures are not summed, so the total is set
    // aside without claiming that its figures are the sums.
    [Fact]
    public void CompareWithSums_AVillageRejectedAboveTheTotal_SetAsideWithoutClaimingTheSums()
    {
        var rows = ReadCsv("330782110000,村0,0,,5.5\n330782110001,村1,7,,0\n合计,,7,,5.5\n");

        Assert.Equal(RecordProblemCodes.ZeroHouseholds, Assert.Single(rows[0].Problems).Code);
        var total = Assert.Single(rows[^1].Problems);
        Assert.Equal((RecordProblemCodes.TotalRow, null), (total.Code, total.Detail));
    }
}
