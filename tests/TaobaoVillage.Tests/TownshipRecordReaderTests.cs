using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public class TownshipRecordReaderTests
{
    [Fact]
    public void Read_SameTownshipTwiceInAYear_SecondRejected()
    {
        var rows = TownshipRecordReader.Read(new StringReader("township_code,year,taobao_villages\n330782100,2020,3\n330782100,2020,0\n330782100,2021,0\n")).ToList();

        Assert.Equal([true, false, true], rows.Select(r => r.IsValid));
        Assert.Equal(RecordProblemCodes.DuplicateTownship, rows[1].Problems.Single().Code);
    }

    [Fact]
    public void Read_NegativeCount_NegativeNotNotANumber()
    {
        var row = TownshipRecordReader.Read(new StringReader("township_code,year,taobao_villages\n330782100,2020,-3\n")).Single();

        Assert.Equal(RecordProblemCodes.Negative, Assert.Single(row.Problems).Code);
    }

    [Fact]
    public void Read_NoTownshipCodeOrName_MissingTownshipNotMissingVillageCode()
    {
        var row = TownshipRecordReader.Read(new StringReader("township_code,township,taobao_villages\n,,3\n")).Single();

        Assert.Null(row.Value);
        Assert.Equal(RecordProblemCodes.MissingTownship, Assert.Single(row.Problems).Code);
    }

    [Fact]
    public void Read_FiguresByMetricName_ReadIntoTheTownship()
    {
        var row = TownshipRecordReader.Read(new StringReader("township_code,year,taobao_villages,annual_sales_cny,active_shops,households,ecommerce_households\n330782100,2020,3,30000000.01,301,5000,900\n")).Single();

        Assert.Equal(new TownshipFigures("330782100") { Year = 2020, Kind = TownshipKind.Township, TaobaoVillages = 3, AnnualSales = Cny.FromYuan(30_000_000.01m), ActiveShops = 301, Households = 5000, EcommerceHouseholds = 900 }, row.Value);
    }
}

public class OfficialListReaderTests
{
    [Fact]
    public void Read_SameVillageThreeTimesInAYear_CountedOnceAndTheRepeatsRejectedWithTheirLines()
    {
        const string Row = "2020,浙江省,金华市,义乌市,佛堂镇,前岙村\n";
        var rows = OfficialListReader.Read(new StringReader("year,province,city,county,township,village\n" + Row + Row + "2021,浙江省,金华市,义乌市,佛堂镇,前岙村\n" + Row)).ToList();

        Assert.Equal(2, rows.Count(r => r.IsValid));
        Assert.Equal([3L, 5L], rows.Where(r => !r.IsValid).Select(r => r.Line));
        Assert.All(rows.Where(r => !r.IsValid), r => Assert.Equal(RecordProblemCodes.DuplicateVillage, r.Problems.Single().Code));
        Assert.Contains("first at line 2", rows[1].Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_EveryRow_SameShapeWithItsSource()
    {
        using var list = new TempFile(".csv");
        File.WriteAllText(list.Path, "year,province,city,county,township,village\n2016,浙江省,金华市,义乌市,苏溪镇,西山下村\n");

        var row = OfficialListReader.ReadFile(list.Path).Single();

        Assert.True(row.IsValid);
        Assert.Equal(list.Path, row.Source);
        Assert.Equal(2, row.Line);
        Assert.Empty(row.Problems);
    }
}
