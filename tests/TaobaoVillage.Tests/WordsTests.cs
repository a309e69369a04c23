using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class WordsTests
{
    [Fact]
    public void Run_LangZhCn_VerdictWordsAndSummaryInChinese()
    {
        var (code, _, _, console) = PlannerRun.Run("--lang", "zh-CN");

        Assert.Equal(0, code);
        Assert.Contains("符合", console, StringComparison.Ordinal);
        Assert.Contains("不符合", console, StringComparison.Ordinal);
        Assert.Contains("按县统计", console, StringComparison.Ordinal);
        Assert.DoesNotContain("not eligible", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ChineseSystemCultureWithoutLang_SpeaksChinese()
    {
        var output = CultureScope.Run("zh-CN", () =>
        {
            var console = Spectre.Console.Testing.TestConsoleExtensions.Width(new Spectre.Console.Testing.TestConsole(), 220);
            PlannerApp.Run([], new StringWriter(), new StringWriter(), console);
            return console.Output;
        });
        var english = CultureScope.Run("de-DE", () => Words.Language(null).Name);

        Assert.Contains("不符合", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, english);
    }

    [Fact]
    public void Score_LangZhCn_MachineFormatsStayEnglish()
    {
        var zh = PlannerRun.Run("score", "--format", "csv", "--lang", "zh-CN");
        var en = PlannerRun.Run("score", "--format", "csv", "--lang", "en");

        Assert.Equal(en.Out, zh.Out);
        Assert.Contains(",not_eligible,", zh.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownLanguage_UsageError()
    {
        var (code, _, err, _) = PlannerRun.Run("--lang", "fr");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("en or zh-CN", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Eligibility.Eligible, "符合")]
    [InlineData(Eligibility.NotEligible, "不符合")]
    [InlineData(Eligibility.Indeterminate, "待定")]
    [InlineData(Eligibility.Invalid, "无效")]
    public void Verdict_Chinese_TheWordsOfDesign(Eligibility status, string word)
    {
        Assert.Equal(word, CultureScope.Run("zh-CN", () => Words.Verdict(status)));
    }
}

public class SampleWorkbookTests
{
    // The bundled county-office workbook (Chinese headers, codes as numbers, sales in 万元, no committee column) gives
    // the verdicts its rows have in the contract CSV.
    [Fact]
    public void Score_ChineseWorkbook_SameVerdictsAsTheCsvRows()
    {
        var workbook = Path.Combine(AppContext.BaseDirectory, "data", "义乌-电商统计.xlsx");
        var fromXlsx = Verdicts(PlannerRun.Run("score", "--input", workbook, "--format", "csv").Out);
        var fromCsv = Verdicts(PlannerRun.Run("score", "--format", "csv").Out);

        Assert.Equal(12, fromXlsx.Count);
        Assert.All(fromXlsx, v => Assert.Equal(fromCsv[v.Key], v.Value));
        Assert.Contains("eligible", fromXlsx.Values);
    }

    [Fact]
    public void NearMisses_WorkbookInTenThousandYuan_AdviceInTenThousandYuanAndAfterwardsYuanAgain()
    {
        var workbook = Path.Combine(AppContext.BaseDirectory, "data", "义乌-电商统计.xlsx");

        var (code, _, _, console) = PlannerRun.Run("near-misses", "--input", workbook, "--top", "3", "--lang", "zh-CN");
        var (_, _, _, yuan) = PlannerRun.Run("near-misses", "--top", "3");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("电商销售额再增加 73.75 万元", console, StringComparison.Ordinal);
        Assert.DoesNotContain("万元", yuan, StringComparison.Ordinal);
        Assert.Contains("CN¥", yuan, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_Workbook_TheFirstRowsTexts()
    {
        var workbook = Path.Combine(AppContext.BaseDirectory, "data", "义乌-电商统计.xlsx");

        var header = TaobaoVillage.Excel.ExcelRecordReader.ReadHeader(workbook);

        Assert.Contains(header, h => h.Contains("万元", StringComparison.Ordinal));
        Assert.Contains("村代码", header);
        Assert.Empty(TaobaoVillage.Excel.ExcelRecordReader.ReadHeader(BatchScorerTests.TestFile("mixed.csv")));
    }

    private static Dictionary<string, string> Verdicts(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
        .Select(l => l.Split(',')).ToDictionary(c => c[1], c => c[3]);
}

public class ReportLanguageTests
{
    [Fact]
    public void Report_LangZhCn_ChineseHeadingsAndAChineseFontStack()
    {
        using var output = new TempFile(".html");
        var (code, _, _, _) = PlannerRun.Run("report", "--output", output.Path, "--lang", "zh-CN");
        var html = File.ReadAllText(output.Path);

        Assert.Equal(0, code);
        Assert.Contains("<h2>各县淘宝村</h2>", html, StringComparison.Ordinal);
        Assert.Contains("不符合", html, StringComparison.Ordinal);
        Assert.Contains("'Noto Sans CJK SC'", html, StringComparison.Ordinal);
        Assert.Contains("'Microsoft YaHei'", html, StringComparison.Ordinal);
    }
}

public class ReportChartTests
{
    // Regression: the tallest bar's count was drawn where the threshold label is (both near the top of the chart).
    [Fact]
    public void Report_Histograms_ThresholdLabelAboveEveryBarCount()
    {
        using var output = new TempFile(".html");
        PlannerRun.Run("report", "--output", output.Path);
        var html = File.ReadAllText(output.Path);

        var thresholds = System.Text.RegularExpressions.Regex.Matches(html, "<text x=\"[0-9.]+\" y=\"([0-9.]+)\" font-size=\"12\" fill=\"#c62828\">").Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var counts = System.Text.RegularExpressions.Regex.Matches(html, "<text x=\"[0-9.]+\" y=\"([0-9.]+)\" font-size=\"11\">[0-9]+</text>").Select(m => decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        // One chart per numeric criterion of aliresearch: sales, active shops, active shops per household.
        Assert.Equal(3, thresholds.Count);
        Assert.NotEmpty(counts);
        Assert.True(counts.Min() - thresholds.Max() >= 14, $"a bar count at y={counts.Min()} meets the threshold label at y={thresholds.Max()}");
    }
}

public class WordsHelpTests
{
    [Fact]
    public void Translate_Chinese_EveryCommandOptionAndArgumentHasChineseHelp()
    {
        var english = CultureScope.Run("", () => Help());
        var chinese = CultureScope.Run("zh-CN", () => Help());
        CultureScope.Run("", () => Help());

        var untranslated = english.Where(e => !chinese.TryGetValue(e.Key, out var zh) || zh == e.Value)
            .Select(e => $"{e.Key}\t{e.Value.Replace("\n", "\\n", StringComparison.Ordinal)}").ToList();
        Assert.True(untranslated.Count == 0, "untranslated:\n" + string.Join("\n", untranslated));
        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
    }

    [Fact]
    public void Commands_TreeBuiltInAnotherLanguageAfterward_FirstTreeKeepsItsOwnHelp()
    {
        // The shared options were one object for every tree, translated in place: a tree built in English after one in
        // Chinese turned the Chinese tree's help English (runs in two languages at once: the flaky failure above).
        static string RawCells(System.CommandLine.RootCommand tree) => tree.Options.Single(o => o.Name == "--raw-cells").Description ?? string.Empty;
        var chinese = CultureScope.Run("zh-CN", () => PlannerApp.Commands(new PlannerIO(TextWriter.Null, TextWriter.Null, null!)));
        var before = RawCells(chinese);

        var english = CultureScope.Run("", () => PlannerApp.Commands(new PlannerIO(TextWriter.Null, TextWriter.Null, null!)));

        Assert.Equal(before, RawCells(chinese));
        Assert.NotEqual(RawCells(english), RawCells(chinese));
    }

    private static Dictionary<string, string> Help() =>
        Words.HelpKeys(PlannerApp.Commands(new PlannerIO(TextWriter.Null, TextWriter.Null, null!))).ToDictionary(k => k.Key, k => k.Symbol.Description ?? string.Empty);
}

public class WordsResourceTests
{
    [Fact]
    public void Get_EveryChineseResource_ComesBackAsWritten()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TaobaoVillage.sln")))
        {
            folder = folder.Parent;
        }

        var resx = System.Xml.Linq.XDocument.Load(Path.Combine(folder!.FullName, "samples", "TaobaoVillage.Planner", "Resources", "Strings.zh-CN.resx"));
        var entries = resx.Root!.Elements("data").Select(d => (Name: (string)d.Attribute("name")!, Value: (string)d.Element("value")!)).ToList();

        // The resource compiler drops names that differ only in case ("County", "county"), with a mere warning.
        var lost = CultureScope.Run("zh-CN", () => entries.Where(e => Words.Get(e.Name) != e.Value).Select(e => e.Name).ToList());
        Assert.Empty(lost);
        Assert.Equal(entries.Count, entries.Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
