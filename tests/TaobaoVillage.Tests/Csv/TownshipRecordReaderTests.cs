using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests.CsvTests;

public class TownshipRecordReaderTests
{
    [Fact]
    public void Read_AKindThatIsNoKind_RejectedWithItsOwnCodeNotAsMalformed()
    {
        var rows = TownshipRecordReader.Read(new StringReader("township_code,year,kind,taobao_villages\n330782001,2020,hamlet,3\n330782002,2020,subdistrict,3\n")).ToList();

        var problem = Assert.Single(rows[0].Problems);
        Assert.Equal((RecordProblemCodes.UnknownTownshipKind, "kind", "hamlet"), (problem.Code, problem.Field, problem.Value));
        Assert.Equal(TownshipKind.Subdistrict, rows[1].Value!.Kind);
    }

    [Fact]
    public void Read_SeveralBadCellsInALine_ToldInTheColumnsReadingOrder()
    {
        var rows = TownshipRecordReader.Read(new StringReader("township_code,year,kind,annual_sales_cny,taobao_villages\n330782001,x,hamlet,-1,y\n")).ToList();

        Assert.Equal(["annual_sales_cny", "kind", "year", "taobao_villages"], rows[0].Problems.Select(p => p.Field));
    }
}
