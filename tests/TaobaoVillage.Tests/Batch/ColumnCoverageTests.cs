using TaobaoVillage.Batch;

namespace TaobaoVillage.Tests;

public class ColumnCoverageTests
{
    private static ColumnCoverage Of(bool infer, params string[] header) =>
        ColumnCoverage.Of(header, infer, ColumnMap.Empty, [BuiltInRuleSets.Classic, BuiltInRuleSets.AliResearch], BuiltInRuleSets.AliResearch);

    [Fact]
    public void Of_ChineseHeader_RenamedAndIgnoredInHeaderOrder()
    {
        var coverage = Of(true, "村代码", "村名", "户数", "备注");

        Assert.Equal(["村代码 → village_code", "村名 → village_name", "户数 → households"], coverage.Renamed.Select(r => r.ToString()));
        Assert.Equal(["备注"], coverage.Ignored);
    }

    [Fact]
    public void Of_NoYearColumn_OnlyTheSetForRowsWithoutAYearIsChecked()
    {
        var coverage = Of(true, "village_code", "village_name", "households", "active_shops", "annual_sales_cny");

        // classic's e-commerce household share is not checked: no row has a year that would pick classic.
        Assert.DoesNotContain(coverage.Undecidable, u => u.MissingColumns.Contains("ecommerce_households"));
    }

    [Fact]
    public void Of_NameWithoutInference_CommitteeUndecidable()
    {
        var withInference = Of(true, "village_code", "village_name", "households", "active_shops", "annual_sales_cny");
        var without = Of(false, "village_code", "village_name", "households", "active_shops", "annual_sales_cny");

        Assert.DoesNotContain(withInference.Undecidable, u => u.MissingColumns.Contains("committee"));
        Assert.Contains(without.Undecidable, u => u.MissingColumns.Contains("committee"));
    }

    [Fact]
    public void Of_YearColumn_EverySetChecked()
    {
        var coverage = Of(true, "village_code", "village_name", "year", "households", "active_shops", "annual_sales_cny");

        Assert.Contains(coverage.Undecidable, u => u.MissingColumns.Contains("ecommerce_households"));
    }
}
