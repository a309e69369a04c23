using System.Text.RegularExpressions;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>Under <c>--lang zh-CN</c> the terminal speaks Chinese: no English word is left in what a planner reads.</summary>
public partial class ChineseOutputTests
{
    private static string List => TestData.File("taobao-villages-2014-2016.csv");

    private static string Workbook => Path.Combine(AppContext.BaseDirectory, "data", "义乌-电商统计.xlsx");


    public static TheoryData<string> Commands() =>
    [
        "near-misses", "what-if --min-sales 8000000", "what-if --min-sales 800万", "plan --villages 5", "plan --effort 3",
        "towns --list LIST --year 2016", "towns --list LIST --all", "counties --list LIST --top 5", "counties --list LIST --by province",
        "compare-years --list LIST --from 2015 --to 2016", "compare-years --list LIST --from 2014 --to 2016 --level village",
        "compare-years --list LIST --from 2014 --to 2015 --level province", "score", "score --rules classic", "explain 330782002203 --input WORKBOOK",
        "near-misses --input WORKBOOK", "rules list", "--", "generate --rows 5 --output OUT", "rules validate RULEFILE",
    ];

    [Fact]
    public void Report_LangZhCn_NoEnglishWordInTheText()
    {
        using var folder = new TempFolder();
        var output = folder.File("报告.html");

        var (code, _, _, _) = PlannerRun.Run("report", "--output", output, "--lang", "zh-CN");

        Assert.Equal(PlannerApp.Ok, code);
        var html = File.ReadAllText(output);
        var text = Tags().Replace(html[html.IndexOf("<body>", StringComparison.Ordinal)..], " ");
        Assert.Empty(EnglishWords(System.Net.WebUtility.HtmlDecode(text)));
    }

    [Fact]
    public void RulesValidate_BadFileLangZhCn_EveryProblemInChinese()
    {
        using var folder = new TempFolder();
        var rules = folder.File("省标准.json");
        File.WriteAllText(rules, """
            { "id": "x", "version": "no version!", "title": "X", "target": "village", "effectiveYears": { "from": 1899 },
              "criteria": { "id": "root", "allOf": [
                { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": -1, "unit": "cny" },
                { "id": "d", "metric": "households", "comparison": "atLeast", "threshold": 1.5, "unit": "households" } ] } }
            """);

        var (code, stdout, stderr, console) = PlannerRun.Run("rules", "validate", rules, "--lang", "zh-CN");

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Contains("阈值不能为负数。", stdout, StringComparison.Ordinal);
        Assert.Empty(EnglishWords(console + stdout + stderr));
    }

    [Fact]
    public void Score_BadRuleFileLangZhCn_OneChineseLine()
    {
        using var folder = new TempFolder();
        var rules = folder.File("省标准.json");
        File.WriteAllText(rules, "{ \"id\": \"x\",");

        var (code, _, stderr, console) = PlannerRun.Run("score", "--rules", rules, "--lang", "zh-CN");

        Assert.NotEqual(PlannerApp.Ok, code);
        Assert.Contains("规则文件不完整", stderr + console, StringComparison.Ordinal);
        Assert.Empty(EnglishWords(console + stderr));
    }

    [Fact]
    public void Score_BadRowsLangZhCn_EveryProblemAndListInChinese()
    {
        using var folder = new TempFolder();
        var input = folder.File("村.csv");
        File.WriteAllText(input, "village_code,village_name,households,engaged_households,annual_sales_cny,main_platform\n"
            + "330782100001,甲村,100,30,12000000,taobao\n330782100002,乙村,100,30,x,taobao\n330782100004,丁村,100,30,1,taobao,9\n330782100003,\"丙村,100\n");

        var (code, stdout, stderr, console) = PlannerRun.Run("score", "--input", input, "--lang", "zh-CN");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("该行不是有效的 CSV", console + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("; ", console + stdout + stderr, StringComparison.Ordinal);
        Assert.Empty(EnglishWords(console + stdout + stderr));
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [Theory]
    [MemberData(nameof(Commands))]
    public void Run_LangZhCn_NoEnglishWordInTheTerminalOutput(string command)
    {
        using var folder = new TempFolder();
        var rules = folder.File("省标准.json");
        File.WriteAllText(rules, RuleSetJson.Save(BuiltInRuleSets.AliResearch));
        string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => a != "--")
            .Select(a => a switch { "LIST" => List, "WORKBOOK" => Workbook, "OUT" => folder.File("全国.csv"), "RULEFILE" => rules, _ => a }), "--lang", "zh-CN"];

        var (code, stdout, stderr, console) = PlannerRun.Run(args);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Empty(EnglishWords(console + stdout + stderr));
    }

    // File names, rule-set ids with versions, problem codes, field and criterion names, and the option value auto are
    // names, not English: what is left must be Chinese, figures and codes.
    private static List<string> EnglishWords(string text)
    {
        var names = Names().Replace(text, " ");
        return [.. Words().Matches(names).Select(m => m.Value).Where(w => w != "auto").Distinct()];
    }

    // Also options with their value (--format csv), data quoted back (“about 12 million”), field names, rule-set ids and
    // the web sites the citations name (news.fznews.com.cn), and JSON paths in a rule file ($.criteria.allOf[0]).
    [GeneratedRegex(@"\$[\w.\[\]]*|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|cn|org|net)\b|--[a-z-]+( [a-z0-9]+)?|“[^”]*”|[a-z0-9-]+@[0-9.]+|\b[a-z]+([_-][a-z0-9]+)+\b|\[[a-z-]+\]|[\w./-]*\.(csv|json|jsonl|xlsx|html)\b|\b(village_code|village_name|province|city|county|township|year|committee|households|classic|aliresearch|auto|csv|jsonl|xlsx|JSON|CSV|UTF-8|README|TaobaoVillage)\b")]
    private static partial Regex Names();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex Words();
}
