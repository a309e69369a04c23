using static TaobaoVillage.Tests.Excel.RawXlsx;

namespace TaobaoVillage.Tests.Excel;

/// <summary>Tags: XmlReader holds a whole tag in memory, so a tag is bounded; comments, CDATA and text are not tags.</summary>
public partial class ExcelRecordReaderHostileTests
{
    [Fact]
    public void ReadFile_AttributeOfTwentyMillionCharacters_RestOfTheSheetOneRejectedRowWithoutHoldingIt()
    {
        var huge = $"<row r=\"3\" x=\"{new string('x', 20_000_000)}\">{Number("A3", "330782100202")}</row>";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var rows = Read(Header() + Village(2, "330782100201", "400", "150", "12000000") + huge);

        var readCost = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(rows[0].IsValid);
        Assert.Contains("A tag is longer than", Assert.Single(rows[1].Problems).Message, StringComparison.Ordinal);
        Assert.Equal(2, rows.Count);

        // The test's own 20M-character string and its XML cost about 100 MB; an attribute held whole would cost 80 MB more.
        Assert.True(readCost < 200_000_000, $"allocated {readCost:N0} bytes");
    }

    [Fact]
    public void ReadFile_LongCommentAndCdataAndQuotedGreaterThan_ReadAsUsual()
    {
        var comment = $"<!-- {new string('>', 2_000_000)} -->";
        var cdata = $"<c r=\"B2\" t=\"inlineStr\"><is><t><![CDATA[village{new string(' ', 2_000)}]]></t></is></c>";
        var row = $"<row r=\"2\" spans=\"1:5\" x=\"a>b\">{Number("A2", "330782100201")}{cdata}{Number("C2", "400")}{Number("D2", "150")}{Number("E2", "12000000")}</row>";

        var read = Assert.Single(Read(Header() + comment + row));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(12_000_000m, read.Value!.AnnualSales!.Value.Yuan);
    }
}
