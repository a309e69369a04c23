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

namespace TaobaoVillage.Tests;

public class ExcelRecordReaderTests
{
    private const string Contract = "village_code,village_name,committee,households,active_shops,annual_sales_cny\n"
        + "330782100201,青岩刘村,village,400,150,12345678\n330782100202,下骆宅村,village,400,39,9999999.99\n330782100203,江湾社区,residents,400,150,25000000\n";

    private static List<string> Verdicts(IEnumerable<InputRow> rows) =>
        new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows).Select(r => $"{r.Key} {r.StatusName} {r.Record?.AnnualSales?.Yuan.ToString("G29", System.Globalization.CultureInfo.InvariantCulture)}").ToList();

    [Fact]
    public void ReadFile_WorkbookWithChineseHeadersAndCodesAsNumbers_SameVerdictsAsTheContractCsv()
    {
        using var folder = new TempFolder();
        var path = folder.File("office.xlsx");
        var rows = new[]
        {
            new Dictionary<string, object?> { ["村代码"] = 330782100201L, ["村名"] = "青岩刘村", ["类型"] = "村委会", ["户数"] = 400, ["活跃网店数"] = 150, ["年销售额（万元）"] = 1234.5678 },
            new Dictionary<string, object?> { ["村代码"] = 330782100202L, ["村名"] = "下骆宅村", ["类型"] = "村民委员会", ["户数"] = 400, ["活跃网店数"] = 39, ["年销售额（万元）"] = 999.999999 },
            new Dictionary<string, object?> { ["村代码"] = 330782100203L, ["村名"] = "江湾社区", ["类型"] = "居委会", ["户数"] = 400, ["活跃网店数"] = 150, ["年销售额（万元）"] = 2500 },
        };
        MiniExcel.SaveAs(path, rows);

        var read = ExcelRecordReader.ReadFile(path).ToList();

        Assert.Equal([2L, 3L, 4L], read.Select(r => r.Line));
        Assert.Equal(Verdicts(CsvRecordReader.Read(new StringReader(Contract))), Verdicts(read));
    }

    [Fact]
    public void ReadFile_RawOpenXmlWrittenByHand_CodeStoredAsNumberStaysTheCode()
    {
        using var folder = new TempFolder();
        var path = folder.File("hand.xlsx");
        HandWrittenWorkbook(path);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.True(row.Parsed.IsValid, string.Join("; ", row.Parsed.Problems));
        Assert.Equal("330782100000", row.Parsed.Key);
        Assert.Equal(12_000_000m, row.Parsed.Record!.AnnualSales!.Value.Yuan);
        Assert.Equal(CommitteeKind.Village, row.Parsed.Record.Committee);
    }

    [Fact]
    public void ReadFile_NotAWorkbook_OneRejectedRowSayingSo()
    {
        using var folder = new TempFolder();
        var path = folder.File("fake.xlsx");
        File.WriteAllText(path, "village_code\n1\n");

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.Equal(RecordProblemCodes.Malformed, row.Parsed.Problems.Single().Code);
        Assert.Contains("not an Excel workbook", row.Parsed.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_SheetByNameMissing_SaysWhichSheetsThereAre()
    {
        using var folder = new TempFolder();
        var path = folder.File("one.xlsx");
        HandWrittenWorkbook(path);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path, new ExcelRecordReaderOptions { Sheet = "2016" }));

        Assert.Contains("no sheet '2016'; its sheets are '村'", row.Parsed.Problems.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>The smallest workbook Excel writes, by hand: shared strings, one sheet named 村, a code stored as a number.</summary>
    internal static void HandWrittenWorkbook(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="村" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        Part("xl/sharedStrings.xml", """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>村代码</t></si><si><t>类型</t></si><si><t>户数</t></si><si><t>网店数</t></si><si><t>年销售额（元）</t></si><si><t>村委会</t></si></sst>""");
        Part("xl/worksheets/sheet1.xml", """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row><row r="2"><c r="A2"><v>330782100000</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>400</v></c><c r="D2"><v>150</v></c><c r="E2"><v>12000000</v></c></row></sheetData></worksheet>""");
    }
}

public class ExcelVerdictWriterTests
{
    [Fact]
    public void Write_Verdicts_VerdictAndOutcomeCellsColouredByCode()
    {
        var (sheet, styles) = WrittenSheet(Scored(BatchScorerTests.TestFile("mixed.csv")));

        var fills = styles.CellFormats!.Elements<CellFormat>().Select(f => styles.Fills!.Elements<Fill>().ElementAt((int)f.FillId!.Value).PatternFill?.ForegroundColor?.Rgb?.Value).ToList();
        string? FillOf(string text) => sheet.Descendants<Cell>().Where(c => c.InnerText == text).Select(c => fills[(int)(c.StyleIndex?.Value ?? 0)]).Distinct().Single();
        Assert.Equal("FFC6EFCE", FillOf("eligible"));
        Assert.Equal("FFFFC7CE", FillOf("not_eligible"));
        Assert.Equal("FFFFEB9C", FillOf("indeterminate"));
        Assert.Equal("FFD9D9D9", FillOf("invalid"));
        Assert.Equal("FFC6EFCE", FillOf("pass"));
        Assert.Equal("FFFFC7CE", FillOf("fail"));
        Assert.Equal("FFFFEB9C", FillOf("unknown"));
        Assert.Null(FillOf("aliresearch"));
    }

    [Fact]
    public void Write_Verdicts_HeaderBoldFrozenAndFilteredOverEveryRow()
    {
        var rows = Scored(BatchScorerTests.TestFile("mixed.csv"));
        var (sheet, styles) = WrittenSheet(rows);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        var columns = new VerdictTable([BuiltInRuleSets.AliResearch]).Columns;
        Assert.Equal($"A1:{(char)('A' + columns.Count - 1)}{rows.Count + 1}", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        var header = sheet.Descendants<Row>().First().Elements<Cell>().ToList();
        Assert.Equal(["village_code", "village_name", .. columns.Except(["village_code", "village_name"])], header.Select(c => c.InnerText));
        Assert.All(header, c => Assert.NotNull(styles.Fonts!.Elements<Font>().ElementAt((int)styles.CellFormats!.Elements<CellFormat>().ElementAt((int)c.StyleIndex!.Value).FontId!.Value).Bold));
    }

    [Fact]
    public void Write_NonSeekableStreamAndControlCharacterInName_ReadsBackWithTheCharacterReplaced()
    {
        var rows = new BatchScorer(BuiltInRuleSets.AliResearch).Score(
            CsvRecordReader.Read(new StringReader("village_code,village_name,committee,households,active_shops,annual_sales_cny\n330782100201,青岩\u0001刘村,village,400,150,12345678\n"))).ToList();
        var bytes = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(bytes))
        {
            ExcelVerdictWriter.Write(forwardOnly, rows, [BuiltInRuleSets.AliResearch]);
        }

        var read = MiniExcel.Query(new MemoryStream(bytes.ToArray()), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().Single();
        Assert.Equal("青岩\uFFFD刘村", read["village_name"]);
        Assert.Equal(330782100201d, read["village_code"] is string s ? double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Convert.ToDouble(read["village_code"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("eligible", read["verdict"]);
    }

    [Fact]
    public void Write_Verdicts_ValidAgainstTheOpenXmlSchema()
    {
        var bytes = new MemoryStream();
        ExcelVerdictWriter.Write(bytes, Scored(BatchScorerTests.TestFile("mixed.csv")), [BuiltInRuleSets.AliResearch, BuiltInRuleSets.Classic]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes.ToArray()), isEditable: false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Write_Verdicts_FilterDatabaseNameHiddenLocalToTheSheetOverTheFilter()
    {
        var rows = Scored(BatchScorerTests.TestFile("mixed.csv"));
        var bytes = new MemoryStream();
        ExcelVerdictWriter.Write(bytes, rows, [BuiltInRuleSets.AliResearch]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes.ToArray()), isEditable: false);
        var name = document.WorkbookPart!.Workbook.Descendants<DefinedName>().Single();
        var filter = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<AutoFilter>().Single().Reference!.Value!;
        Assert.Equal("_xlnm._FilterDatabase", name.Name!.Value);
        Assert.True(name.Hidden!.Value);
        Assert.Equal(0u, name.LocalSheetId!.Value);
        var columns = new VerdictTable([BuiltInRuleSets.AliResearch]).Columns.Count;
        Assert.Equal($"verdicts!$A$1:${(char)('A' + columns - 1)}${rows.Count + 1}", name.Text);
        Assert.Equal(name.Text.Replace("verdicts!", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal), filter);
    }

    [Fact]
    public void Write_Verdicts_WidthsFromContentCapped()
    {
        var (sheet, _) = WrittenSheet(Scored(BatchScorerTests.TestFile("mixed.csv")));

        var header = sheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText).ToList();
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        var needs = widths[header.IndexOf("needs")];
        Assert.True(needs > "needs".Length + 3, $"needs is {needs} wide");
        Assert.All(widths, w => Assert.InRange(w, 8, 50));
        Assert.Equal(14, widths[header.IndexOf("village_code")]);
    }

    [Fact]
    public void Write_EmptyInput_HeaderOnlyFilterOverIt()
    {
        var bytes = new MemoryStream();
        ExcelVerdictWriter.Write(bytes, [], [BuiltInRuleSets.AliResearch]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes.ToArray()), isEditable: false);
        Assert.EndsWith("$1", document.WorkbookPart!.Workbook.Descendants<DefinedName>().Single().Text, StringComparison.Ordinal);
    }

    private static List<ScoredRow> Scored(string path) => [.. new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.ReadFile(path))];

    private static (Worksheet Sheet, Stylesheet Styles) WrittenSheet(IReadOnlyList<ScoredRow> rows)
    {
        var bytes = new MemoryStream();
        ExcelVerdictWriter.Write(bytes, rows, [BuiltInRuleSets.AliResearch]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes.ToArray()), isEditable: false);
        var workbook = document.WorkbookPart!;
        return ((Worksheet)workbook.WorksheetParts.Single().Worksheet.CloneNode(true), (Stylesheet)workbook.WorkbookStylesPart!.Stylesheet.CloneNode(true));
    }

    /// <summary>A stream that only writes forward, as a network or a pipe does.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

}
