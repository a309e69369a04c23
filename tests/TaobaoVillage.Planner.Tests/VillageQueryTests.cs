using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class VillageQueryTests
{
    private static string TwoYears(TempFolder folder)
    {
        var input = folder.File("two-years.csv");
        File.WriteAllLines(input, [
            "village_code,village_name,year,committee,households,active_shops,annual_sales_cny",
            "330782100201,前岙村,2015,village,400,150,9000000",
            "330782100201,前岙村,2016,village,400,150,12000000",
            "330782100202,前店村,2016,village,400,150,12000000",
            "330782100203,后宅村,2016,village,400,150,12000000",
        ]);
        return input;
    }

    [Theory]
    [InlineData("330782100203", "330782100203 后宅村")]
    [InlineData("后宅村", "330782100203 后宅村")]
    [InlineData("后宅", "330782100203 后宅村")]
    [InlineData("3307821002", null)]
    [InlineData("前", null)]
    public void Explain_ByCodeNameOrUniqueStart_OneVillageOrTheCandidates(string wanted, string? heading)
    {
        using var folder = new TempFolder();

        var (code, _, stderr, console) = PlannerRun.Run("explain", wanted, "--input", TwoYears(folder));

        if (heading is null)
        {
            Assert.Equal(PlannerApp.Failed, code);
            Assert.Contains("names", stderr, StringComparison.Ordinal);
            Assert.Contains("前岙村", stderr, StringComparison.Ordinal);
            Assert.Contains("give the code", stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(PlannerApp.Ok, code);
            Assert.Contains(heading, console, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Explain_VillageInTwoYears_EachYearShownOrOneAsked()
    {
        using var folder = new TempFolder();
        var input = TwoYears(folder);

        var both = PlannerRun.Run("explain", "前岙村", "--input", input, "--rules", "auto").Console;
        var one = PlannerRun.Run("explain", "前岙村", "--input", input, "--rules", "auto", "--year", "2016").Console;

        Assert.Contains(", 2015, line 2", both, StringComparison.Ordinal);
        Assert.Contains(", 2016, line 3", both, StringComparison.Ordinal);
        Assert.DoesNotContain(", 2015, line 2", one, StringComparison.Ordinal);
        Assert.Contains("eligible under aliresearch-2014", one, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NoSuchVillage_OneLine()
    {
        using var folder = new TempFolder();

        var (code, _, stderr, _) = PlannerRun.Run("explain", "没有村", "--input", TwoYears(folder));

        Assert.Equal(PlannerApp.Failed, code);
        Assert.StartsWith("error: no village '没有村'", stderr, StringComparison.Ordinal);
    }
}

public class YearsInOutputsTests
{
    [Fact]
    public void NearMisses_TwoYears_YearColumnAndYearFilter()
    {
        using var folder = new TempFolder();
        var input = folder.File("y.csv");
        File.WriteAllLines(input, [
            "village_code,village_name,year,committee,households,active_shops,annual_sales_cny",
            "330782100201,前岙村,2015,village,400,150,9000000",
            "330782100201,前岙村,2016,village,400,150,9500000",
        ]);

        var both = PlannerRun.Run("near-misses", "--input", input, "--format", "csv").Out.TrimEnd('\n').Split('\n');
        var one = PlannerRun.Run("near-misses", "--input", input, "--format", "csv", "--year", "2015").Out.TrimEnd('\n').Split('\n');

        Assert.Equal(3, both.Length);
        Assert.Equal(["2016", "2015"], both.Skip(1).Select(l => l.Split(',')[3]));
        Assert.Equal("1,330782100201,前岙村,2015", string.Join(",", one[1].Split(',')[..4]));
        Assert.Equal(2, one.Length);
    }

    [Fact]
    public void Score_NamedRuleSetOutsideItsYears_WarnsAndNamesAuto()
    {
        var (code, _, stderr, _) = PlannerRun.Run("score", "--rules", "aliresearch", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("warning: aliresearch@2022.2 does not cover 2016 (330 rows) (its years: 2020 onward); --rules auto judges each row by the rules of its year.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", PlannerRun.Run("score", "--format", "jsonl").Err, StringComparison.Ordinal);
    }
}
