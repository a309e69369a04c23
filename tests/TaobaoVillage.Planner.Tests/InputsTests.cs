using TaobaoVillage.Planner;
using TaobaoVillage.Tests.Excel;
using Village = TaobaoVillage.Tests.Excel.OfficeWorkbook.Village;

namespace TaobaoVillage.Tests;

public class InputsTests
{
    private static readonly IReadOnlyList<Village> Villages = OfficeWorkbook.Sample;

    public static TheoryData<string> ReadingCommands() => ["score", "explain 330782100201", "near-misses", "towns", "counties", "report --output {out}", "what-if --min-sales 800万"];

    private static string[] Args(string command, string input, params string[] more) =>
        [.. command.Replace("{out}", Path.Combine(Path.GetDirectoryName(input)!, "report.html"), StringComparison.Ordinal).Split(' '), "--input", input, .. more];

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public void Run_XlsxThatIsNotAWorkbook_ExitOneWithOneLine(string command)
    {
        using var folder = new TempFolder();
        var input = folder.File("fake.xlsx");
        File.WriteAllText(input, "village_code\n330782100201\n");

        var (code, _, stderr, _) = PlannerRun.Run(Args(command, input));

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("not an Excel workbook", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public void Run_SheetNotThere_ExitOneWithOneLineNamingTheSheets(string command)
    {
        using var folder = new TempFolder();
        var input = folder.File("office.xlsx");
        OfficeWorkbook.All.Write(input, Villages);

        var (code, _, stderr, _) = PlannerRun.Run(Args(command, input, "--sheet", "数据"));

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("its sheets are '填表说明', '统计'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_OfficeWorkbook_ReportSaysSheetTitleBlankColumnsAndTotal()
    {
        using var folder = new TempFolder();
        var input = folder.File("office.xlsx");
        OfficeWorkbook.All.Write(input, Villages);

        var (code, _, stderr, console) = PlannerRun.Run("score", "--input", input);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("read sheet '统计', header in row 3. Rows 1–2 above it are a title and are skipped. Other sheets, not read: 填表说明. Columns without a header, ignored: C, F.", stderr, StringComparison.Ordinal);
        Assert.Contains("kept as attributes: 序号, 备注.", stderr, StringComparison.Ordinal);
        Assert.Contains("Total rows (合计, 小计…) among the rejected, not villages: 1.", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_HeaderRowGiven_ReadFromThatRow()
    {
        using var folder = new TempFolder();
        var input = folder.File("office.xlsx");
        new OfficeWorkbook { Title = true }.Write(input, Villages);

        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--input", input, "--header-row", "3", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("header in row 3", stderr, StringComparison.Ordinal);
        Assert.Equal(3, stdout.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public void Score_HeaderRowZero_UsageError()
    {
        var (code, _, stderr, _) = PlannerRun.Run("score", "--header-row", "0");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("--header-row", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_BareNamesInChinese_NamesTheColumnToAddInChinese()
    {
        using var folder = new TempFolder();
        var input = folder.File("bare.csv");
        File.WriteAllText(input, "村代码,村名,户数,网店数,年销售额\n330782100201,前岙村,100,150,12000000\n");

        var (_, _, stderr, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--format", "jsonl", "--lang", "zh-CN");

        Assert.Contains("类型（村委会 / 居委会）", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("needs committee", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_HeaderRowForACsv_UsageErrorInOneLine()
    {
        using var folder = new TempFolder();
        var input = folder.File("v.csv");
        File.WriteAllText(input, "village_code\n330782100201\n");

        var (code, _, stderr, _) = PlannerRun.Run("score", "--input", input, "--header-row", "2");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("--header-row is for .xlsx inputs", stderr, StringComparison.Ordinal);
    }
}
