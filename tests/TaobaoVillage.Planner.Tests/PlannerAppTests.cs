using Newtonsoft.Json.Linq;
using Spectre.Console.Testing;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class PlannerAppTests
{
    private static (int Code, string Out, string Err, string Console) Run(params string[] args) => PlannerRun.Run(args);

    [Fact]
    public void Run_NoArguments_ScoresBundledSampleAndSummarises()
    {
        var (code, _, err, console) = Run();

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Equal(string.Empty, err);
        Assert.Contains("sample-villages.csv", console, StringComparison.Ordinal);
        Assert.Contains("332 rows read = 330 scored + 2 rejected", console, StringComparison.Ordinal);

        // The summary's count of eligible villages is the count of eligible verdicts the same run writes as data.
        var eligible = Run("score", "-f", "jsonl").Out.Split('\n').Count(l => l.Contains("\"verdict\":\"eligible\"", StringComparison.Ordinal));
        Assert.InRange(eligible, 1, 329);
        Assert.Matches($@"(?m)^\s*eligible\s+█*\s*{eligible}\s*$", console);
        Assert.Contains("zero-households", console, StringComparison.Ordinal);
        Assert.Contains("Taobao Villages by province", console, StringComparison.Ordinal);
        Assert.Contains("浙江省 金华市 义乌市", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Jsonl_OneLinePerInputRowInOrder()
    {
        using var outputFile = new TempFile(".jsonl");
        var output = outputFile.Path;
        var (code, stdout, _, _) = Run("score", "--input", TestData.File("mixed.csv"), "--rules", "aliresearch", "--format", "jsonl", "--output", output);

        Assert.Equal(PlannerApp.Ok, code);
        var lines = File.ReadAllLines(output).Select(JObject.Parse).ToList();
        Assert.Equal(18, lines.Count);
        Assert.Equal(Enumerable.Range(2, 18), lines.Select(l => (int)l["line"]!));
        Assert.Equal(
            ["eligible", "eligible", "not_eligible", "eligible", "not_eligible", "indeterminate", "not_eligible", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "eligible", "invalid", "invalid", "eligible"],
            lines.Select(l => (string)l["verdict"]!));
        Assert.Contains("read 18, scored 9", stdout, StringComparison.Ordinal);
        Assert.Contains("rejected 9", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_JsonlToStdout_DataOnStdoutCountsOnStderr()
    {
        var (code, stdout, stderr, _) = Run("score", "-i", TestData.File("mixed.csv"), "-f", "jsonl", "--parallel", "1");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Equal(18, stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("read 18", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ParallelAndSequential_IdenticalOutput()
    {
        var one = Run("score", "-i", TestData.File("mixed.csv"), "-f", "jsonl", "--parallel", "1").Out;
        var four = Run("score", "-i", TestData.File("mixed.csv"), "-f", "jsonl", "--parallel", "4").Out;

        Assert.Equal(one, four);
    }

    [Fact]
    public void Score_Csv_HeaderAndOneRowPerInput()
    {
        var (code, stdout, _, _) = Run("score", "-i", TestData.File("mixed.csv"), "-r", "classic", "-f", "csv");

        Assert.Equal(PlannerApp.Ok, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(19, lines.Length);
        Assert.Equal("line,village_code,year,verdict,rule_set,rule_set_version,main-platform-taobao,annual-transactions,ecommerce-households-share,needs,errors,village_name,annual-transactions shortfall,ecommerce-households-share shortfall,annual-transactions value,ecommerce-households-share value", lines[0]);
        Assert.Equal(Enumerable.Range(2, 18).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Score_Table_ShowsVerdictsAndNeeds()
    {
        var (code, _, _, console) = Run("score", "-i", TestData.File("mixed.csv"));

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("差一分村", console, StringComparison.Ordinal);
        Assert.Contains("CN¥0.01 more annual e-commerce sales", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_MissingFile_OneLineErrorExitOne()
    {
        var (code, stdout, stderr, _) = Run("score", "--input", "/nonexistent/villages.csv");

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_BrokenRuleFile_OneLineErrorExitOne()
    {
        using var rulesFile = new TempFile(".json");
        var rules = rulesFile.Path;
        File.WriteAllText(rules, "{\"id\": \"x\", \"criteria\": {\"id\": \"a\", \"metric\": \"nope\"}}");
        var (code, _, stderr, _) = Run("score", "--rules", rules);

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("$.criteria.metric (line 1): Unknown metric 'nope'", stderr, StringComparison.Ordinal);
        Assert.EndsWith("[unknown-metric] (and 5 more; see 'rules validate')", stderr.TrimEnd('\n'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("score", "--format", "xml")]
    [InlineData("score", "--bogus")]
    [InlineData("frobnicate")]
    public void Run_BadCommandLine_UsageExitTwo(params string[] args)
    {
        var (code, _, stderr, _) = Run(args);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_UnknownRuleSetId_NamesTheBuiltIns()
    {
        var (code, _, stderr, _) = Run("score", "--rules", "nope");

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Contains("aliresearch", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_TownshipRuleSet_RejectedWithHint()
    {
        var (code, _, stderr, _) = Run("score", "--rules", "aliresearch-town");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("towns", stderr, StringComparison.Ordinal);
    }
}

public class RegionCommandsTests
{
    private static (int Code, string Out, string Err, string Console) Run(params string[] args) => PlannerRun.Run(args);

    [Fact]
    public void Towns_List2016Jsonl_135TownsWithContractFields()
    {
        var (code, stdout, stderr, _) = Run("towns", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--year", "2016", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        var lines = stdout.TrimEnd('\n').Split('\n').Select(JObject.Parse).ToList();
        Assert.Equal(135, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal("eligible", (string?)l["verdict"]);
            Assert.True((int)l["taobao_villages"]! >= 3);
            Assert.Equal((int)l["taobao_villages"]!, l["villages"]!.Count());
            Assert.NotNull(l["province"]);
            Assert.NotNull(l["township"]);
            Assert.Equal(2016, (int)l["year"]!);
        });
        Assert.Contains("2016: 135 Taobao Towns", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_FromRecords_UsesScoredVillages()
    {
        var (code, _, _, console) = Run("towns", "--input", TestData.File("mixed.csv"), "--all");

        // mixed.csv's township 江东街道 holds the five rows eligible under aliresearch and the one indeterminate row that
        // Score_Jsonl_OneLinePerInputRowInOrder lists, and its 2016 residents' committee: judged by the 2016 rules
        // (aliresearch-2014, residents' committees admitted) it is a sixth Taobao Village.
        Assert.Equal(PlannerApp.Ok, code);
        Assert.Matches(@"江东街道 │ 6 \(\+1 open\)\s+│ eligible │", console);
        Assert.Matches(@"江东街道 │ 5 \(\+1 open\)\s+│ eligible │", Run("towns", "--input", TestData.File("mixed.csv"), "--all", "--village-rules", "aliresearch").Console);
    }

    [Fact]
    public void Counties_List_RanksYiwuFirstIn2016()
    {
        var (code, stdout, _, _) = Run("counties", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--year", "2016", "--top", "3", "--format", "csv");

        Assert.Equal(PlannerApp.Ok, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2016,1,浙江省,金华市,义乌市,65,0,6,cluster", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CompareYears_SameYear_Usage()
    {
        var (code, _, stderr, _) = Run("compare-years", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--from", "2016", "--to", "2016");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareYears_Villages_NewKeptLostAddUp()
    {
        var (code, stdout, _, _) = Run("compare-years", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--from", "2015", "--to", "2016", "--level", "village", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        var changes = stdout.TrimEnd('\n').Split('\n').Select(l => (string)JObject.Parse(l)["change"]!).ToList();
        Assert.Equal(1311, changes.Count(c => c is "new" or "kept"));
        Assert.Equal(780, changes.Count(c => c is "lost" or "kept"));
    }

    [Fact]
    public void Towns_BothInputAndList_Usage()
    {
        var (code, _, _, _) = Run("towns", "--list", "a.csv", "--input", "b.csv");

        Assert.Equal(PlannerApp.Usage, code);
    }
}

public class WorkbenchCommandsTests
{
    private static (int Code, string Out, string Err, string Console) Run(params string[] args) => PlannerRun.Run(args);

    [Fact]
    public void Explain_OneFenShort_SaysWhatIsMissingAndCites()
    {
        var (code, _, _, console) = Run("explain", "330782100003", "--input", TestData.File("mixed.csv"));

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("not eligible", console, StringComparison.Ordinal);
        Assert.Contains("CN¥9,999,999.99", console, StringComparison.Ordinal);
        Assert.Contains("CN¥0.01 more annual e-commerce sales", console, StringComparison.Ordinal);
        Assert.Contains("zgzzs.com.cn", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_UnknownVillage_ExitOne()
    {
        var (code, _, stderr, _) = Run("explain", "999", "--input", TestData.File("mixed.csv"));

        Assert.Equal(PlannerApp.Failed, code);
        Assert.StartsWith("error: no village '999'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NearMisses_Csv_RankedByReadinessWithCheapestPath()
    {
        var (code, stdout, _, _) = Run("near-misses", "--input", TestData.File("mixed.csv"), "--format", "csv");

        Assert.Equal(PlannerApp.Ok, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("rank,village_code,village_name,year,county,township,verdict,readiness,needs", lines[0]);
        Assert.StartsWith("1,330782100003,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",not_eligible,99,needs CN¥0.01 more annual e-commerce sales", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(",eligible,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("330782100007", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_LowerSales_OneFenVillageGained()
    {
        var (code, stdout, _, _) = Run("what-if", "--input", TestData.File("mixed.csv"), "--min-sales", "9999999.99", "--format", "csv");

        Assert.Equal(PlannerApp.Ok, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("4,330782100003,差一分村,not_eligible,eligible", lines[1]);
    }

    [Fact]
    public void WhatIf_AgainstClassic_ListsChanges()
    {
        var (code, _, _, console) = Run("what-if", "--input", TestData.File("mixed.csv"), "--rules", "aliresearch", "--against", "classic");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("aliresearch@2022.2 → classic@2013.1", console, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_NothingChanged_Usage() => Assert.Equal(PlannerApp.Usage, Run("what-if").Code);

    [Theory]
    [InlineData("--set", "livestream_sales_cny=5000000", "--set livestream_sales_cny: aliresearch@2022.2 has no threshold on livestream_sales_cny")]
    [InlineData("--set", "households=100", "--set households: aliresearch@2022.2 has no threshold on households")]
    public void WhatIf_SetMetricTheRuleSetDoesNotUse_UsageErrorNamingItsMetrics(string option, string value, string message)
    {
        var (code, stdout, stderr, _) = Run("what-if", "--rules", "aliresearch", option, value);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error: " + message, stderr, StringComparison.Ordinal);
        Assert.EndsWith("its thresholds are on annual_sales_cny, active_shops, active_shop_share.\n", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("near-misses", "--top", "0")]
    [InlineData("near-misses", "--top", "-1")]
    [InlineData("score", "--parallel", "0")]
    [InlineData("score", "--parallel", "-3")]
    public void Run_CountOptionBelowOne_UsageErrorNothingListed(string command, string option, string value)
    {
        var (code, stdout, stderr, console) = Run(command, option, value);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal((string.Empty, string.Empty), (stdout, console));
        Assert.StartsWith($"error: {option}: '{value}' is below 1; give 1 or more.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_List_ShowsBuiltIns()
    {
        var (code, _, _, console) = Run("rules", "list");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("aliresearch-town-2014", console, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesValidate_BrokenFile_EveryProblemAndExitOne()
    {
        using var pathFile = new TempFile(".json");
        var path = pathFile.Path;
        File.WriteAllText(path, RuleSetJson.Save(BuiltInRuleSets.AliResearch).Replace("\"threshold\": 100,", "\"treshold\": 100,", StringComparison.Ordinal).Replace("\"unit\": \"cny\"", "\"unit\": \"yuan\"", StringComparison.Ordinal));
        var (code, stdout, stderr, _) = Run("rules", "validate", path);

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Contains("unknown-property", stdout, StringComparison.Ordinal);
        Assert.Contains("wrong-unit", stdout, StringComparison.Ordinal);
        Assert.Contains("problem(s)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesShow_ThenScoreWithIt_WorksLikeTheBuiltIn()
    {
        using var pathFile = new TempFile(".json");
        var path = pathFile.Path;
        File.WriteAllText(path, Run("rules", "show", "aliresearch").Out);
        var custom = Run("score", "-i", TestData.File("mixed.csv"), "-r", path, "-f", "csv").Out;
        var builtIn = Run("score", "-i", TestData.File("mixed.csv"), "-r", "aliresearch", "-f", "csv").Out;

        Assert.Equal(builtIn, custom);
    }

    [Fact]
    public void Report_Sample_SelfContainedHtmlWithCharts()
    {
        using var pathFile = new TempFile(".html");
        var path = pathFile.Path;
        var (code, _, _, _) = Run("report", "--output", path);

        Assert.Equal(PlannerApp.Ok, code);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.True(html.Split("<svg").Length - 1 >= 4);
        Assert.Contains("Near misses", html, StringComparison.Ordinal);
        Assert.Contains("zero-households", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Gb18030File_ReadsChineseNames()
    {
        using var pathFile = new TempFile(".csv");
        var path = pathFile.Path;
        File.WriteAllBytes(path, TaobaoVillage.Csv.CsvRecordReaderOptions.Gb18030.GetBytes("village_code,village_name,committee,households,active_shops,annual_sales_cny\n330782100201,青岩刘村,village,400,150,12000000\n"));

        var (code, _, _, console) = Run("score", "-i", path, "--encoding", "gb18030");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("青岩刘村", console, StringComparison.Ordinal);
        Assert.Matches(@"│ 330782100201 青岩刘村 │ eligible │", console);
    }

    [Fact]
    public void Score_EmptyFile_NothingReadExitZero()
    {
        using var pathFile = new TempFile(".csv");
        var path = pathFile.Path;
        File.WriteAllText(path, string.Empty);

        var (code, _, stderr, _) = Run("score", "-i", path, "-f", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("read 0, scored 0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_HugeValues_RejectedOrScoredNeverCrash()
    {
        using var pathFile = new TempFile(".csv");
        var path = pathFile.Path;
        File.WriteAllText(path, "village_code,households,ecommerce_households,active_shops,annual_sales_cny\n1,9223372036854775807,9223372036854775807,9223372036854775807,79228162514264337593543950335\n2,1,0,0,1e300\n3,99999999999999999999,1,1,1\n");

        var (code, stdout, _, _) = Run("score", "-i", path, "-f", "csv", "-r", "classic");

        Assert.Equal(PlannerApp.Ok, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Contains("out-of-range", lines[2], StringComparison.Ordinal);
        Assert.Contains("out-of-range", lines[3], StringComparison.Ordinal);
    }
}

public class TownshipRecordsTests
{
    [Fact]
    public void Towns_GivenTownshipRecords_DecidedDirectlyThreeValued()
    {
        using var file = new TempFile(".csv");
        File.WriteAllText(file.Path, """
            township_code,province,county,township,year,taobao_villages,annual_sales_cny,active_shops
            330782100,浙江省,义乌市,苏溪镇,2020,3,,
            330782101,浙江省,义乌市,大陈镇,2020,0,30000000.01,301
            330782102,浙江省,义乌市,佛堂镇,2020,0,30000000,301
            330782103,浙江省,义乌市,赤岸镇,2020,2,,400
            330782104,浙江省,义乌市,后宅街道,2020,x,1,1
            """);

        var (code, stdout, stderr, _) = PlannerRun.Run("towns", "--townships", file.Path, "--all", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        var verdicts = stdout.TrimEnd('\n').Split('\n').Select(l => (string)JObject.Parse(l)["verdict"]!).ToList();
        Assert.Equal(["eligible", "eligible", "not_eligible", "indeterminate"], verdicts);
        Assert.Contains(":6: taobao_villages", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_TownshipRowsWithoutAYearOrBefore2014_DecidedNowOrRejectedNeverTheRunAborted()
    {
        using var file = new TempFile(".csv");
        File.WriteAllText(file.Path, "township_code,township,year,taobao_villages\n330782100,苏溪镇,,3\n330782101,大陈镇,2010,3\n330782102,佛堂镇,2020,3\n");

        var (code, stdout, stderr, _) = PlannerRun.Run("towns", "--townships", file.Path, "--all", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        var towns = stdout.TrimEnd('\n').Split('\n').Select(JObject.Parse).ToList();
        Assert.Equal(["苏溪镇", "佛堂镇"], towns.Select(t => (string)t["township"]!));
        Assert.Equal("aliresearch-town", (string)towns[0]["rule_set"]!["id"]!);
        Assert.Contains(":3: ", stderr, StringComparison.Ordinal);
        Assert.Contains("(row rejected)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TownshipRow_AllFigures()
    {
        var row = TaobaoVillage.Csv.TownshipRecordReader.Read(new StringReader("township,year,kind,taobao_villages,annual_sales_cny,active_shops,households,ecommerce_households\n苏溪镇,2019,township,4,50000000,500,12000,900\n")).Single();

        Assert.Empty(row.Problems);
        Assert.Equal("苏溪镇", row.Value!.Code);
        Assert.Equal(TaobaoVillage.Domain.TownshipKind.Township, row.Value.Kind);
        Assert.Equal(4, row.Value.TaobaoVillages);
        Assert.Equal(900, row.Value.EcommerceHouseholds);
    }
}

public class ProgressDisplayTests
{
    [Fact]
    public void Run_NotInteractive_RunsBodyWithoutDrawing()
    {
        var console = new TestConsole();
        var reported = new List<long>();

        ProgressDisplay.Run(console, TestData.File("mixed.csv"), report =>
        {
            report(5);
            reported.Add(5);
        });

        Assert.Equal([5L], reported);
        Assert.Equal(string.Empty, console.Output);
    }
}
