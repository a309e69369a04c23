using System.Text;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Excel;
using static TaobaoVillage.Tests.Excel.RawXlsx;

namespace TaobaoVillage.Tests.Excel;

/// <summary>Workbooks built to break the reader's promises (docs/formats.md, "Workbooks (.xlsx)"): hidden sheets, chart sheets, deep nesting, amplification.</summary>
public class ExcelRedTeamTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static List<InputRow> Read(IReadOnlyList<Sheet> sheets, IReadOnlyList<string>? strings = null, ExcelRecordReaderOptions? options = null)
    {
        using var folder = new TempFolder();
        var path = folder.File("red.xlsx");
        RawXlsx.Write(path, sheets, strings);
        return ExcelRecordReader.ReadFile(path, options).ToList();
    }

    [Fact]
    public void ReadFile_EverySheetHidden_NoSheetReadAndTheHiddenOnesNamed()
    {
        using var folder = new TempFolder();
        var path = folder.File("hidden.xlsx");
        RawXlsx.Write(path, [new Sheet("secret", Header() + Village(2, "110101001001", "400", "150", "12000000"), "hidden")]);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.False(row.IsValid);
        Assert.Contains("'secret'", row.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path));
        Assert.Equal("110101001001", Assert.Single(ExcelRecordReader.ReadFile(path, new ExcelRecordReaderOptions { Sheet = "secret" })).Parsed.Key);
    }

    [Fact]
    public void ReadFile_HiddenSheetWithTheSameNameAsTheVisibleOne_RefusedNotReadInItsPlace()
    {
        var rows = Read([new Sheet("村", Header() + Village(2, "110101001001", "400", "150", "12000000"), "veryHidden"), new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);

        var row = Assert.Single(rows);
        Assert.DoesNotContain(rows, r => r.Parsed.Key == "110101001001");
        Assert.False(row.IsValid);
        Assert.Contains("two sheets", row.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_SheetNamesDifferingOnlyInCase_Refused()
    {
        var rows = Read([new Sheet("Data", Header() + Village(2, "110101001001", "400", "150", "12000000"), "hidden"), new Sheet("data", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);

        Assert.Contains("two sheets", Assert.Single(rows).Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ChartSheetBeforeTheDataSheet_TheDataSheetRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("chart.xlsx");
        RawXlsx.Write(path, [new Sheet("Chart1", Header()), new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);
        ChartSheet(path, 1);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.True(row.IsValid);
        Assert.Equal("330782100201", row.Parsed.Key);
        Assert.Equal("村", ExcelRecordReader.Describe(path).Sheet);
    }

    [Fact]
    public void ReadFile_OnlyAChartSheetNamesNothing_FirstWorksheetRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("chart.xlsx");
        RawXlsx.Write(path, [new Sheet("Chart1", Header()), new Sheet("村", Row(1, Text("A1", "名称")) + Row(2, Text("A2", "x")))]);
        ChartSheet(path, 1);

        Assert.Equal("村", ExcelRecordReader.Describe(path).Sheet);
    }

    [Fact]
    public void ReadFile_SheetWhoseRelationshipPointsNowhereBeforeTheDataSheet_TheDataSheetRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("nowhere.xlsx");
        RawXlsx.Write(path, [new Sheet("ghost", Header()), new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);
        Rewrite(path, "xl/workbook.xml", xml => xml.Replace("r:id=\"rId1\"", "r:id=\"rId99\"", StringComparison.Ordinal));

        Assert.Equal("330782100201", Assert.Single(ExcelRecordReader.ReadFile(path)).Parsed.Key);
    }

    [Fact]
    public void ReadFile_WorkbookPartNestedAHundredThousandDeep_RefusedInOneLineNotAStackOverflow()
    {
        using var folder = new TempFolder();
        var path = folder.File("deep.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);
        var deep = new StringBuilder().Insert(0, "<x>", 100_000).Insert(300_000, "</x>", 100_000).ToString();
        Rewrite(path, "xl/workbook.xml", xml => xml.Replace("</sheets>", "</sheets><extLst>" + deep + "</extLst>", StringComparison.Ordinal));

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.False(row.IsValid);
        Assert.Contains("deeper", row.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_CellNestedThreeMillionDeep_RejectedInBoundedMemory()
    {
        var deep = new StringBuilder("<c r=\"B2\">").Insert(10, "<x>", 3_000_000).Insert(9_000_010, "</x>", 3_000_000).Append("</c>").ToString();
        using var folder = new TempFolder();
        var path = folder.File("deep.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Header() + Row(2, Number("A2", "330782100201"), deep) + Village(3, "330782100202", "400", "150", "12000000"))]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var rows = ExcelRecordReader.ReadFile(path).ToList();

        var cost = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(cost < 100_000_000, $"allocated {cost:N0} bytes");
        Assert.False(Assert.Single(rows).IsValid);
        Assert.Equal(3L, rows[0].Line);
        Assert.Contains("deeper", rows[0].Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_WideRowsRepeatingOneLongSharedString_RejectedTooLongInBoundedMemory()
    {
        // 20 rows of 16,384 cells, each naming one shared string of 4,000 characters: a few kilobytes zipped, 2.6 GB of text if materialized.
        var wide = new StringBuilder();
        for (var r = 2; r <= 21; r++)
        {
            wide.Append("<row r=\"").Append(r).Append("\">").Insert(wide.Length, "<c t=\"s\"><v>0</v></c>", 16_384).Append("</row>");
        }

        using var folder = new TempFolder();
        var path = folder.File("wide.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Header() + wide + Village(22, "330782100202", "400", "150", "12000000"))], [new string('x', 4000)]);
        wide.Clear();

        var rows = new List<InputRow>();
        long held = 0;
        foreach (var row in ExcelRecordReader.ReadFile(path))
        {
            rows.Add(row);
            held = Math.Max(held, GC.GetTotalMemory(forceFullCollection: true));
        }

        Assert.Equal(21, rows.Count);
        Assert.All(rows.Take(20), r => Assert.Equal(RecordProblemCodes.TooLong, r.Problems.Single().Code));
        Assert.Equal(22L, rows[20].Line);
        Assert.True(rows[20].IsValid);

        // The process's other tests share the heap; holding the top rows of this sheet alone would be 2.6 GB.
        Assert.True(held < 1_000_000_000, $"held {held:N0} bytes");
    }

    [Fact]
    public void ReadFile_HeaderRowThatCannotBeRead_RefusedNotTheFirstVillageTakenForTheHeader()
    {
        using var folder = new TempFolder();
        var path = folder.File("header.xlsx");
        var header = Row(1, Text("A1", "village_code"), Text("A1", "village_code"), Text("B1", "households"));
        RawXlsx.Write(path, [new Sheet("村", header + Row(2, Number("A2", "330782100201"), Number("B2", "400")) + Row(3, Number("A3", "330782100202"), Number("B3", "400")))]);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.False(row.IsValid);
        Assert.Contains("header", row.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("twice", row.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path));
    }

    [Fact]
    public void ReadFile_FirstRowWithAValueCannotBeReadAndNoneNamesACode_RefusedNotTheNextRowTakenForTheHeader()
    {
        using var folder = new TempFolder();
        var path = folder.File("header.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Row(1, Text("A1", "名称"), Text("A1", "名称")) + Row(2, Text("A2", "x")) + Row(3, Text("A3", "y")))]);

        Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path));
    }

    [Fact]
    public void ReadFile_HeaderRowAskedForCannotBeRead_Refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("header.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Row(1, Text("A1", "title")) + Row(2, Text("A2", "village_code"), Number("XFE2", "1")) + Village(3, "330782100201", "400", "150", "12000000"))]);

        Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path, new ExcelRecordReaderOptions { HeaderRow = 2 }));
    }

    [Fact]
    public void ReadFile_RowWithoutANumberAfterTheLastRow_RejectedAsPastTheLastRow()
    {
        using var folder = new TempFolder();
        var path = folder.File("past.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Header() + Village(1_048_576, "330782100201", "400", "150", "12000000") + $"<row>{Number("A1", "330782100202")}</row>")]);

        var rows = ExcelRecordReader.ReadFile(path).ToList();

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsValid);
        Assert.False(rows[1].IsValid);
        Assert.Contains("1,048,576", rows[1].Problems.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0330782100201")]
    [InlineData("00330782100201")]
    public void ReadFile_CodeStoredAsANumberWithLeadingZeros_RefusedAsInexact(string code)
    {
        using var folder = new TempFolder();
        var path = folder.File("zeros.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Header() + Village(2, code, "400", "150", "12000000"))]);

        var problem = Assert.Single(Assert.Single(ExcelRecordReader.ReadFile(path)).Problems);

        Assert.Equal(RecordProblemCodes.Inexact, problem.Code);
        Assert.Equal(FieldNames.VillageCode, problem.Field);
    }

    [Theory]
    [InlineData("xl/_rels/workbook.xml.rels")]
    [InlineData("_rels/.rels")]
    [InlineData("[Content_Types].xml")]
    public void ReadFile_PackagePartNestedAHundredThousandDeep_RefusedAtOnceNotInMinutes(string part)
    {
        using var folder = new TempFolder();
        var path = folder.File("deep.xlsx");
        RawXlsx.Write(path, [new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);
        var deep = new StringBuilder().Insert(0, "<x>", 100_000).Insert(300_000, "</x>", 100_000).ToString();
        Rewrite(path, part, xml => xml.Insert(xml.LastIndexOf("</", StringComparison.Ordinal), deep));

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.False(row.IsValid);
        Assert.Contains("deeper", row.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_RowInsideTheSheetsExtensionsNotItsData_NotRead()
    {
        var worksheet = $"<worksheet xmlns=\"{Main}\"><sheetData>{Header()}{Village(2, "330782100201", "400", "150", "12000000")}</sheetData>"
            + $"<extLst><ext uri=\"{{00000000-0000-0000-0000-000000000000}}\">{Village(3, "110101001001", "400", "150", "12000000")}</ext></extLst></worksheet>";

        var row = Assert.Single(Read([new Sheet("村", worksheet)]));

        Assert.Equal("330782100201", row.Parsed.Key);
    }

    [Fact]
    public void ReadFile_SharedStringItemInsideTheTablesExtensions_DoesNotShiftTheIndices()
    {
        using var folder = new TempFolder();
        var path = folder.File("sst.xlsx");
        var sst = $"<sst xmlns=\"{Main}\"><si><t>village_code</t></si><extLst><ext uri=\"x\"><si><t>110101001001</t></si></ext></extLst><si><t>330782100201</t></si></sst>";
        RawXlsx.Write(path, [new Sheet("村", Row(1, "<c r=\"A1\" t=\"s\"><v>0</v></c>") + Row(2, "<c r=\"A2\" t=\"s\"><v>1</v></c>"))], sharedStringsXml: sst);

        Assert.Equal("330782100201", Assert.Single(ExcelRecordReader.ReadFile(path)).Parsed.Key);
    }

    [Fact]
    public void ReadFile_ManySheetsNamingOnePartWithALongPrelude_ThePartScannedOnce()
    {
        using var folder = new TempFolder();
        var path = folder.File("shared.xlsx");
        var prelude = new StringBuilder($"<worksheet xmlns=\"{Main}\"><sheetPr>").Append(new StringBuilder().Insert(0, "<a/>", 5_000_000)).Append("</sheetPr><sheetData><row r=\"1\"/></sheetData></worksheet>").ToString();
        var sheets = Enumerable.Range(1, 100).Select(i => new Sheet($"s{i}", i == 1 ? prelude : string.Empty)).Append(new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))).ToList();
        RawXlsx.Write(path, sheets);
        Rewrite(path, "xl/_rels/workbook.xml.rels", xml => Enumerable.Range(2, 99).Aggregate(xml, (x, i) => x.Replace($"Target=\"worksheets/sheet{i}.xml\"", "Target=\"worksheets/sheet1.xml\"", StringComparison.Ordinal)));

        var before = TaobaoVillage.Excel.Xlsx.Workbook.SheetsOpenedOnThisThread;
        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.Equal("330782100201", row.Parsed.Key);
        // Counted, not timed: the shared part scanned once for the 100 sheets naming it, then the chosen sheet scanned
        // for its header and read.
        Assert.Equal(4, TaobaoVillage.Excel.Xlsx.Workbook.SheetsOpenedOnThisThread - before);
    }

    [Fact]
    public void Describe_SheetNamedWhoseRelationshipPointsNowhere_SaysSoInOneLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("nowhere.xlsx");
        RawXlsx.Write(path, [new Sheet("ghost", Header()), new Sheet("村", Header())]);
        Rewrite(path, "xl/workbook.xml", xml => xml.Replace("r:id=\"rId1\"", "r:id=\"rId99\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path, new ExcelRecordReaderOptions { Sheet = "ghost" }));

        Assert.Contains("'ghost' has no part", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_RowOfAnotherNamespaceInTheSheetData_NotRead()
    {
        var rows = Read([new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000")
            + "<x:row xmlns:x=\"urn:not-excel\" r=\"3\"><x:c r=\"A3\"><x:v>110101001001</x:v></x:c></x:row>"
            + Row(4, Number("A4", "330782100202"), "<c r=\"C4\" xmlns=\"urn:not-excel\"><v>400</v></c>"))]);

        Assert.Equal(["330782100201", "330782100202"], rows.Select(r => r.Parsed.Key));
        Assert.NotNull(rows[1].Value);
        Assert.Null(rows[1].Value!.Households);
    }

    private static void ChartSheet(string path, int sheet)
    {
        Rewrite(path, "[Content_Types].xml", xml => xml.Replace($"/xl/worksheets/sheet{sheet}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", $"/xl/worksheets/sheet{sheet}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml", StringComparison.Ordinal));
        Rewrite(path, "xl/_rels/workbook.xml.rels", xml => xml.Replace($"relationships/worksheet\" Target=\"worksheets/sheet{sheet}.xml", $"relationships/chartsheet\" Target=\"worksheets/sheet{sheet}.xml", StringComparison.Ordinal));
        Rewrite(path, $"xl/worksheets/sheet{sheet}.xml", _ => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><chartsheet xmlns=\"{Main}\"/>");
    }

    private static void Rewrite(string path, string part, Func<string, string> change)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry(part)!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
        writer.Write(change(xml));
    }
}
