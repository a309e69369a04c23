using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Excel;
using TaobaoVillage.IO;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class ExcelPlannerTests
{
    [Fact]
    public void Score_XlsxOutput_AVerdictPerRowNumbersAsNumbers()
    {
        using var folder = new TempFolder();
        var output = folder.File("verdicts.xlsx");

        var (code, _, _, _) = PlannerRun.Run("score", "--input", TestData.File("mixed.csv"), "--output", output);

        Assert.Equal(PlannerApp.Ok, code);
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(18, rows.Count);
        Assert.Equal(["eligible", "eligible", "not_eligible"], rows.Take(3).Select(r => (string)r["verdict"]));
        Assert.IsType<double>(rows[0]["line"]);
        Assert.Contains("annual-sales shortfall", rows[0].Keys);
        Assert.Equal(0.01, (double)rows[2]["annual-sales shortfall"]);
    }

    [Fact]
    public void Score_XlsxToStandardOutput_Refused()
    {
        var (code, _, stderr, _) = PlannerRun.Run("score", "--format", "xlsx");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("--output FILE.xlsx", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_HandWrittenWorkbookBySheetName_ScoredThroughThePlanner()
    {
        using var folder = new TempFolder();
        var path = folder.File("office.xlsx");
        ExcelRecordReaderTests.HandWrittenWorkbook(path);

        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--input", path, "--sheet", "村", "--format", "jsonl");
        var (missing, missingOut, missingErr, _) = PlannerRun.Run("score", "--input", path, "--sheet", "2016", "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.StartsWith("{\"line\":2,\"village_code\":\"330782100000\",\"year\":null,\"verdict\":\"eligible\"", stdout, StringComparison.Ordinal);
        Assert.Contains("read 1, scored 1", stderr, StringComparison.Ordinal);
        Assert.Contains("read sheet '村', header in row 1", stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing);
        Assert.Empty(missingOut);
        Assert.Contains("no sheet '2016'; its sheets are '村'", missingErr, StringComparison.Ordinal);
        Assert.Single(missingErr.Trim().Split('\n'));
    }
}
