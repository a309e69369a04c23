using Newtonsoft.Json.Linq;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class PlanCommandTests
{
    private static string County(TempFolder folder)
    {
        var input = folder.File("county.csv");
        File.WriteAllLines(input, [
            "village_code,village_name,township,year,committee,households,active_shops,annual_sales_cny",
            "330782100001,甲村,佛堂镇,2016,village,400,150,20000000",
            "330782100002,乙村,佛堂镇,2016,village,400,150,20000000",
            "330782100003,丙村,佛堂镇,2016,village,400,150,7500000",
            "330782200001,丁村,某乡,2016,village,400,150,9999999.99",
        ]);
        return input;
    }

    [Theory]
    [InlineData("--villages", "100000", "Budget: 100,000 village(s) asked; 2 village(s) used, what helping every candidate costs.")]
    [InlineData("--effort", "10000", "Budget: effort 10000 asked; effort 0.251 used, what helping every candidate costs.")]
    [InlineData("--villages", "1", "Budget: 1 village(s).")]
    public void Plan_Budget_SaysTheBudgetUsedClippedToTheCandidates(string option, string value, string expected)
    {
        using var folder = new TempFolder();

        var (code, _, _, console) = PlannerRun.Run("plan", "--input", County(folder), option, value);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains(expected, console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan", "--villages", "1")]
    [InlineData("towns")]
    public void Command_DataBeforeTownsWereCounted_RefusedTheSameWay(params string[] args)
    {
        using var folder = new TempFolder();
        var input = folder.File("2013.csv");
        File.WriteAllLines(input, [
            "village_code,village_name,township,year,households,active_shops,annual_sales_cny,ecommerce_households",
            "330782100001,甲村,佛堂镇,2013,400,150,20000000,100",
        ]);

        var (code, _, err, _) = PlannerRun.Run([.. args.Take(1), "--input", input, .. args.Skip(1)]);

        // One year policy (BuiltInRuleSets.FirstTownshipYear): plan no longer borrows the 2014 town rules.
        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("Taobao Towns were first counted in 2014; the data has 2013.", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OneVillage_PicksTheOneThatCompletesATown()
    {
        using var folder = new TempFolder();

        var (code, stdout, _, _) = PlannerRun.Run("plan", "--input", County(folder), "--villages", "1", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        var line = JObject.Parse(Assert.Single(stdout.TrimEnd('\n').Split('\n')));
        Assert.Equal(("330782100003", "丙村", "330782100", 2016, 0.25m, "330782100"),
            ((string)line["village_code"]!, (string)line["village_name"]!, (string)line["township_code"]!, (int)line["year"]!, (decimal)line["effort"]!, (string?)line["completes_town"]));
        Assert.Equal("annual_sales_cny", (string)line["shortfalls"]![0]!["metric"]!);
        Assert.Equal(2_500_000m, (decimal)line["shortfalls"]![0]!["amount"]!);
    }

    [Fact]
    public void Plan_TwoVillagesAsTable_BeforeAfterAndBoth()
    {
        using var folder = new TempFolder();

        var (code, _, _, console) = PlannerRun.Run("plan", "--input", County(folder), "--villages", "2");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("Taobao Villages 2 → 4, Taobao Towns 0 → 1: 3 new designation(s).", console, StringComparison.Ordinal);
        Assert.Contains("Optimal", console, StringComparison.Ordinal);
        Assert.Contains("330782100003 丙村", console, StringComparison.Ordinal);
        Assert.Contains("330782200001 丁村", console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "--villages K or --effort E")]
    [InlineData(new[] { "--villages", "1", "--effort", "1" }, "not both")]
    public void Plan_BudgetNotSaid_Usage(string[] budget, string message)
    {
        var (code, _, stderr, _) = PlannerRun.Run(["plan", .. budget]);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_Sample_HasASupportPlanOfTen()
    {
        using var folder = new TempFolder();
        var output = folder.File("report.html");

        Assert.Equal(PlannerApp.Ok, PlannerRun.Run("report", "--output", output).Code);

        var html = File.ReadAllText(output);
        Assert.Contains("<h2>Support plan</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Helping these 10 villages", html, StringComparison.Ordinal);
    }
}
