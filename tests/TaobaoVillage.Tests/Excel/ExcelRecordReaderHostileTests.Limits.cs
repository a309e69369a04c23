using System.IO.Compression;
using System.Text;
using TaobaoVillage.Domain;
using TaobaoVillage.Excel;
using static TaobaoVillage.Tests.Excel.RawXlsx;

namespace TaobaoVillage.Tests.Excel;

/// <summary>Sizes: a huge cell, many shared strings, sparse and wide sheets — bounded, never a hang or an out-of-memory.</summary>
public partial class ExcelRecordReaderHostileTests
{
    [Fact]
    public void ReadFile_CellOfTwentyMillionCharacters_RejectedTooLongWithoutHoldingIt()
    {
        var huge = Row(2, Number("A2", "330782100201"), Text("B2", new string('x', 20_000_000)));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var rows = Read(Header() + huge + Village(3, "330782100202", "400", "150", "12000000"));

        var readCost = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(RecordProblemCodes.TooLong, rows[0].Problems.Single().Code);
        Assert.Equal(2L, rows[0].Line);
        Assert.True(rows[1].IsValid);

        // Writing the test file itself allocates the 20M-character string (40 MB) and its XML; reading must add little.
        Assert.True(readCost < 200_000_000, $"allocated {readCost:N0} bytes");
    }

    [Fact]
    public void ReadFile_SharedStringOverTheLimit_RejectedTooLong()
    {
        var rows = Read(Row(1, "<c r=\"A1\" t=\"s\"><v>0</v></c>", "<c r=\"B1\" t=\"s\"><v>1</v></c>") + Row(2, "<c r=\"A2\" t=\"s\"><v>2</v></c>", "<c r=\"B2\" t=\"s\"><v>3</v></c>"),
            ["village_code", "village_name", "330782100201", new string('名', 5000)]);

        Assert.Equal(RecordProblemCodes.TooLong, Assert.Single(rows).Problems.Single().Code);
    }

    [Fact]
    public void ReadFile_MoreSharedStringsThanTheLimit_RefusedInOneLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("strings.xlsx");
        var sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sst.Insert(sst.Length, "<si/>", TaobaoVillage.Excel.Xlsx.SharedStrings.MaxCount + 1).Append("</sst>");
        RawXlsx.Write(path, [new Sheet("村", Header())], sharedStringsXml: sst.ToString());

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.Contains("shared strings", row.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path));
    }

    [Theory]
    [InlineData(2000L)]
    [InlineData(1_048_576L)]
    public void ReadFile_OneRowFarDown_ReadWithItsNumber(long r)
    {
        var rows = Read(Header() + Village(r, "330782100201", "400", "150", "12000000"));

        Assert.Equal(r, Assert.Single(rows).Line);
    }

    [Fact]
    public void ReadFile_DimensionClaimingEveryColumn_OnlyTheCellsThereRead()
    {
        var sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:XFD1048576\"/><sheetData>"
            + Header() + string.Concat(Enumerable.Range(2, 10).Select(i => Village(i, $"3307821002{i:00}", "400", "150", "12000000"))) + "</sheetData></worksheet>";

        var rows = Read(sheet);

        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid));
    }

    [Fact]
    public void ReadFile_HeaderCellAtXfd_ReadAsALastColumn()
    {
        var rows = Read(Row(1, Text("A1", "village_code"), Text("XFD1", "备注")) + Row(2, Number("A2", "330782100201"), Text("XFD2", "远")));

        Assert.Equal("远", Assert.Single(rows).Value!.Attributes["备注"]);
    }

    [Fact]
    public void ReadFile_NotAZip_OneRejectedRowAndDescribeThrows()
    {
        using var folder = new TempFolder();
        var path = folder.File("fake.xlsx");
        File.WriteAllText(path, "village_code\n330782100201\n");

        Assert.Contains("not an Excel workbook", Assert.Single(ExcelRecordReader.ReadFile(path)).Problems.Single().Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => ExcelRecordReader.Describe(path));
    }

    [Fact]
    public void ReadFile_SheetCutShort_RowsBeforeKeptThenOneRejectedRow()
    {
        using var folder = new TempFolder();
        var path = folder.File("cut.xlsx");
        RawXlsx.Write(path, Header() + Village(2, "330782100201", "400", "150", "12000000") + "<row r=\"3\"><c r=\"A3\"><v>33");
        var rows = ExcelRecordReader.ReadFile(path).ToList();

        Assert.True(rows[0].IsValid);
        Assert.Contains("cannot be read after row", rows[^1].Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ZipWithoutAWorkbookPart_OneRejectedRow()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("hello.txt");
        }

        Assert.False(Assert.Single(ExcelRecordReader.ReadFile(path)).IsValid);
    }
}
