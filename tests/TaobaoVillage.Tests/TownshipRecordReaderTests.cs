using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public class TownshipRecordReaderTests
{
    [Fact]
    public void Read_NoTownshipCodeOrName_MissingTownshipNotMissingVillageCode()
    {
        var row = TownshipRecordReader.Read(new StringReader("township_code,township,taobao_villages\n,,3\n")).Single();

        Assert.Null(row.Township);
        Assert.Equal(RecordProblemCodes.MissingTownship, Assert.Single(row.Problems).Code);
    }

    [Fact]
    public void Read_FiguresByMetricName_ReadIntoTheTownship()
    {
        var row = TownshipRecordReader.Read(new StringReader("township_code,year,taobao_villages,annual_sales_cny,active_shops,households,ecommerce_households\n330782100,2020,3,30000000.01,301,5000,900\n")).Single();

        Assert.Equal(new TownshipFigures("330782100") { Year = 2020, Kind = TownshipKind.Township, TaobaoVillages = 3, AnnualSales = Cny.FromYuan(30_000_000.01m), ActiveShops = 301, Households = 5000, EcommerceHouseholds = 900 }, row.Township);
    }
}
