using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public class TownshipRecordReaderPlannerTests
{
    [Fact]
    public void Towns_ListRowWithBadYear_ReportedNotLost()
    {
        using var list = new TempFile(".csv");
        File.WriteAllText(list.Path, "year,province,city,county,township,village\n2016,浙江省,金华市,义乌市,苏溪镇,西山下村\nabc,浙江省,金华市,义乌市,苏溪镇,东山下村\n");

        var (code, _, err, _) = PlannerRun.Run("towns", "--list", list.Path, "--all");

        Assert.Equal(0, code);
        Assert.Contains($"{list.Path}:3: year 'abc': The year is not a number. [not-a-number] (row rejected)", err, StringComparison.Ordinal);
    }
}
