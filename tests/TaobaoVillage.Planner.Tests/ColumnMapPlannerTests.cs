using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class ColumnMapPlannerTests
{
    [Fact]
    public void Score_ColumnsFromAnEndlessDevice_UsageErrorOneLine()
    {
        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--columns", "/dev/zero");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("error: /dev/zero: the column map is longer than the limit of 1,048,576 characters; it is not read further.", stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Score_ColumnsOption_FileScoredWithTheMap()
    {
        using var input = new TempFile(".csv");
        using var map = new TempFile(".json");
        File.WriteAllText(input.Path, ColumnMapTests.Csv);
        File.WriteAllText(map.Path, """{"编号": "village_code", "户籍人口户数": "households", "网店": "active_shops", "销售（万）": "年销售额(万元)"}""");

        var without = PlannerRun.Run("score", "--input", input.Path, "--rules", "aliresearch", "--format", "csv");
        var with = PlannerRun.Run("score", "--input", input.Path, "--rules", "aliresearch", "--format", "csv", "--columns", map.Path);
        var bad = PlannerRun.Run("score", "--input", input.Path, "--columns", input.Path);

        Assert.Equal(1, without.Code);
        Assert.Contains("has no village-code column: it has '编号'", without.Err, StringComparison.Ordinal);
        Assert.Contains("330782100001,,indeterminate", with.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("error: ", bad.Err, StringComparison.Ordinal);
    }
}
