using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Files;
using TaobaoVillage.Tests.Excel;
using Village = TaobaoVillage.Tests.Excel.OfficeWorkbook.Village;

namespace TaobaoVillage.Tests;

public class RecordFilesTests
{
    private static readonly IReadOnlyList<Village> Villages = OfficeWorkbook.Sample;

    private static List<string> Verdicts(IEnumerable<InputRow> rows) =>
        new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows).Where(r => r.Problems is not [{ Code: RecordProblemCodes.TotalRow }, ..])
            .Select(r => $"{r.Key} {r.StatusName} {r.Record?.AnnualSales?.Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList();

    private static readonly List<string> ContractVerdicts = Verdicts(CsvRecordReader.Read(new StringReader(OfficeWorkbook.ContractCsv(Villages))));

    public static TheoryData<string> Variants() => ["plain", "title", "blank-columns", "numbers-as-text", "notes-sheet-first", "total-row", "hidden-row", "all"];

    private static OfficeWorkbook Variant(string name) => name switch
    {
        "title" => new() { Title = true },
        "blank-columns" => new() { BlankColumns = true },
        "numbers-as-text" => new() { NumbersAsText = true },
        "notes-sheet-first" => new() { NotesSheetFirst = true },
        "total-row" => new() { TotalRow = true },
        "hidden-row" => new() { HiddenRows = [1] },
        "all" => OfficeWorkbook.All,
        _ => new(),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Open_WorkbookAsOfficesMakeThem_SameVerdictsAsTheContractCsv(string variant)
    {
        using var folder = new TempFolder();
        var path = folder.File(variant + ".xlsx");
        Variant(variant).Write(path, Villages);

        var file = RecordFiles.Open(path);

        Assert.Equal(ContractVerdicts, Verdicts(file.Rows));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Open_WorkbookAsOfficesMakeThem_ReportSaysWhatWasSkipped(string variant)
    {
        using var folder = new TempFolder();
        var path = folder.File(variant + ".xlsx");
        var workbook = Variant(variant);
        workbook.Write(path, Villages);

        var report = RecordFiles.Open(path).Report;

        Assert.Equal(RecordFileFormat.Xlsx, report.Format);
        Assert.Equal("统计", report.Sheet);
        Assert.Equal(workbook.HeaderRow, report.HeaderRow);
        Assert.Equal(workbook.Title ? 2 : 0, report.TitleRows);
        Assert.Equal(workbook.NotesSheetFirst ? ["填表说明"] : [], report.OtherSheets);
        Assert.Equal(workbook.BlankColumns ? ["C", "F"] : [], report.BlankColumns);
        Assert.Equal(["序号", "备注"], report.Attributes);
        Assert.Contains(new RenamedColumn("类型", FieldNames.Committee), report.Renamed);
    }

    [Fact]
    public void Open_WorkbookWithTotalRow_TotalSetAsideSayingItEqualsTheSums()
    {
        using var folder = new TempFolder();
        var path = folder.File("total.xlsx");
        OfficeWorkbook.All.Write(path, Villages);

        var total = RecordFiles.Open(path).Rows.Last();

        var problem = Assert.Single(total.Problems);
        Assert.Equal((RecordProblemCodes.TotalRow, "合计", TotalRowLabels.SumsDetail), (problem.Code, problem.Value, problem.Detail));
        Assert.Equal(7, total.Line);
    }

    [Fact]
    public void Open_RawOpenXmlWithMergedTitleAndTotal_SameVerdictsAndTheTitleSkipped()
    {
        using var folder = new TempFolder();
        var path = folder.File("raw.xlsx");
        var rows = RawXlsx.Row(1, RawXlsx.Text("A1", "某某县2023年电子商务统计表")) + RawXlsx.Header(2)
            + RawXlsx.Village(3, "330782100201", "400", "150", "12345678.5") + RawXlsx.Village(4, "330782100202", "400", "39", "9999999.99")
            + RawXlsx.Row(5, RawXlsx.Text("A5", "总计"), RawXlsx.Number("C5", "800"), RawXlsx.Number("D5", "189"), RawXlsx.Number("E5", "22345678.49"));
        RawXlsx.Write(path, [new RawXlsx.Sheet("村", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:E1\"/></mergeCells></worksheet>")]);

        var file = RecordFiles.Open(path);
        var read = file.Rows.ToList();

        Assert.Equal((2L, 1L), (file.Report.HeaderRow, file.Report.TitleRows));
        Assert.Equal(ContractVerdicts.Take(2), Verdicts(read));
        Assert.Equal((RecordProblemCodes.TotalRow, TotalRowLabels.SumsDetail), (read[^1].Problems[0].Code, read[^1].Problems[0].Detail));
    }

    [Theory]
    [InlineData("v.csv", RecordFileFormat.Csv)]
    [InlineData("v.jsonl", RecordFileFormat.JsonLines)]
    [InlineData("v.json", RecordFileFormat.Json)]
    public void Open_EveryTextFormat_OneReportAndTheSameVerdicts(string name, RecordFileFormat format)
    {
        using var folder = new TempFolder();
        var path = folder.File(name);
        var lines = Villages.Select(v => $"{{\"村代码\":\"{v.Code}\",\"类型\":\"{v.Committee}\",\"户数\":{v.Households},\"网店数\":{v.Shops},\"年销售额（元）\":{v.Sales.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"备注\":\"\"}}").ToList();
        File.WriteAllText(path, format switch
        {
            RecordFileFormat.Csv => "村代码,类型,户数,网店数,年销售额（元）,备注\n" + string.Concat(Villages.Select(v => $"{v.Code},{v.Committee},{v.Households},{v.Shops},{v.Sales.ToString(System.Globalization.CultureInfo.InvariantCulture)},\n")),
            RecordFileFormat.JsonLines => string.Join("\n", lines),
            _ => "[" + string.Join(",\n", lines) + "]",
        });

        var file = RecordFiles.Open(path);

        Assert.Equal(format, file.Report.Format);
        Assert.Equal(["村代码", "类型", "户数", "网店数", "年销售额（元）", "备注"], file.Report.Header);
        Assert.Equal(["备注"], file.Report.Attributes);
        Assert.Contains(new RenamedColumn("户数", FieldNames.Households), file.Report.Renamed);
        Assert.Equal(ContractVerdicts, Verdicts(file.Rows));
    }

    [Fact]
    public void Open_XlsxThatIsNotAWorkbook_InvalidDataException()
    {
        using var folder = new TempFolder();
        var path = folder.File("fake.xlsx");
        File.WriteAllText(path, "village_code\n330782100201\n");

        var error = Assert.Throws<InvalidDataException>(() => RecordFiles.Open(path));

        Assert.Contains("not an Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SheetNotThere_InvalidDataExceptionNamingTheSheets()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.xlsx");
        new OfficeWorkbook { NotesSheetFirst = true }.Write(path, Villages);

        var error = Assert.Throws<InvalidDataException>(() => RecordFiles.Open(path, new RecordFileOptions { Sheet = "数据" }));

        Assert.Contains("'填表说明', '统计'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WorkbookWithNoSheetNamingACode_InvalidDataExceptionNamingSheetHeaderAndTheOthers()
    {
        using var folder = new TempFolder();
        var path = folder.File("no-code.xlsx");
        new OfficeWorkbook { CodeHeader = "编号", NotesSheetFirst = true, Title = true }.Write(path, Villages);

        // The message speaks the UI language (CI runs the suite under zh-CN too): English asked for here.
        var error = CultureScope.Run("", () => Assert.Throws<InvalidDataException>(() => RecordFiles.Open(path)));

        Assert.Contains("has no village-code column", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("sheet '填表说明', header row 1, has no village-code column: it has '本表由各乡镇填报，金额单位为元。'", error.Message, StringComparison.Ordinal);
        Assert.Contains("looked for village_code", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("the other sheets are '统计'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Open_CsvWithoutACodeColumn_InvalidDataExceptionInTheUiLanguage()
    {
        using var folder = new TempFolder();
        var path = folder.File("semi.csv");
        File.WriteAllText(path, "village_code;households\n1;400\n");

        var english = CultureScope.Run("", () => Assert.Throws<InvalidDataException>(() => RecordFiles.Open(path)));
        var chinese = CultureScope.Run("zh-CN", () => Assert.Throws<InvalidDataException>(() => RecordFiles.Open(path)));

        Assert.Equal("the header has no village-code column: it has 'village_code;households'; looked for village_code (or an alias: 村代码, 行政区划代码…).", english.Message);
        Assert.StartsWith("表头没有村代码列：表头为 'village_code;households'", chinese.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyCsv_NoRowsNoError()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.csv");
        File.WriteAllText(path, string.Empty);

        Assert.Empty(RecordFiles.Open(path).Rows);
    }

    [Fact]
    public void Open_HeaderRowGiven_ThatRowNamesTheColumns()
    {
        using var folder = new TempFolder();
        var path = folder.File("title.xlsx");
        new OfficeWorkbook { Title = true }.Write(path, Villages);

        var file = RecordFiles.Open(path, new RecordFileOptions { HeaderRow = 3 });

        Assert.Equal(3, file.Report.HeaderRow);
        Assert.Equal(ContractVerdicts, Verdicts(file.Rows));
    }

    [Fact]
    public void Open_NoSuchFile_FileNotFoundException()
    {
        using var folder = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => RecordFiles.Open(folder.File("none.csv")));
    }
}
