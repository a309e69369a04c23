namespace TaobaoVillage.Tests;

/// <summary>Figures that add up past what a sum holds: every aggregating command says so, never a stack trace.</summary>
public class SumOverflowPlannerTests
{
    private const string Villages = "village_code,year,province,city,county,township,committee,households,active_shops,annual_sales_cny\n"
        + "330782100201,2020,浙江省,金华市,义乌市,苏溪镇,village,400,9223372036854775807,20000000\n"
        + "330782100202,2020,浙江省,金华市,义乌市,苏溪镇,village,400,9223372036854775807,79228162514264337593543950335\n";

    [Theory]
    [InlineData("towns")]
    [InlineData("counties")]
    [InlineData("plan", "--villages", "1")]
    [InlineData("report")]
    public void Run_ShopsAndSalesSummingPastTheirLimits_NoCrash(string command, params string[] extra)
    {
        using var folder = new TempFolder();
        var input = folder.File("big.csv");
        File.WriteAllText(input, Villages);
        var output = command == "report" ? new[] { "--output", folder.File("r.html") } : [];

        var (code, stdout, stderr, _) = PlannerRun.Run([command, "--input", input, .. extra, .. output]);

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_ShopsSummingPastALong_TownshipInvalidAndTheReasonSaid()
    {
        using var folder = new TempFolder();
        var input = folder.File("big.csv");
        File.WriteAllText(input, Villages);

        var (code, stdout, _, _) = PlannerRun.Run("towns", "--input", input, "--all", "--format", "jsonl");

        Assert.Equal(0, code);
        Assert.Contains("\"verdict\":\"invalid\"", stdout, StringComparison.Ordinal);
    }
}
