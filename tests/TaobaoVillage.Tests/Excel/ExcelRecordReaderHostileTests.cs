using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Excel;
using static TaobaoVillage.Tests.Excel.RawXlsx;

namespace TaobaoVillage.Tests.Excel;

/// <summary>Workbooks as an attacker or a careless tool writes them: every row out once, exact or refused, in bounded time and memory.</summary>
public partial class ExcelRecordReaderHostileTests
{
    private static List<InputRow> Read(string rows, IReadOnlyList<string>? strings = null, ExcelRecordReaderOptions? options = null)
    {
        using var folder = new TempFolder();
        var path = folder.File("hostile.xlsx");
        RawXlsx.Write(path, rows, strings);
        return ExcelRecordReader.ReadFile(path, options).ToList();
    }

    private static string Status(InputRow row) => new BatchScorer(BuiltInRuleSets.AliResearch).Score([row]).Single().StatusName;

    [Fact]
    public void ReadFile_SalesJustBelowTheThresholdInAFinerPlaceThanDouble_NotEligibleAsInCsv()
    {
        var row = Assert.Single(Read(Header() + Village(2, "330782100201", "400", "150", "9999999.9999999999")));

        Assert.Equal(9_999_999.9999999999m, row.Value!.AnnualSales!.Value.Yuan);
        var csv = CsvRecordReader.Read(new StringReader("village_code,committee,households,active_shops,annual_sales_cny\n330782100201,village,400,150,9999999.9999999999\n")).Single();
        Assert.Equal(Status(csv), Status(row));
        Assert.Equal("not_eligible", Status(row));
    }

    [Fact]
    public void ReadFile_ShopsWithAFractionDoubleWouldRoundAway_RejectedAsNotWhole()
    {
        var row = Assert.Single(Read(Header() + Village(2, "330782100201", "400", "99.99999999999999999", "12000000")));

        Assert.False(row.IsValid);
        Assert.Contains(row.Problems, p => p.Field == FieldNames.ActiveShops);
    }

    [Theory]
    [InlineData("1,0,0,0,0,0,0,0")]
    [InlineData("1,0000,000")]
    [InlineData("10000000,")]
    [InlineData("¤10000000")]
    public void ReadFile_LooseNumberFormsInANumberCell_RefusedAsInCsv(string sales)
    {
        var row = Assert.Single(Read(Header() + Village(2, "330782100201", "400", "150", sales)));

        Assert.False(row.IsValid);
        Assert.Contains(row.Problems, p => p.Field == FieldNames.AnnualSales);
    }

    [Theory]
    [InlineData("1.2E+7", "12000000")]
    [InlineData("1.0000000000000001E7", "10000000.000000001")]
    [InlineData("12000000E0", "12000000")]
    [InlineData("0.012E3", "12")]
    public void ReadFile_NumberCellInExponentForm_ExactValue(string sales, string expected)
    {
        var row = Assert.Single(Read(Header() + Village(2, "330782100201", "400", "150", sales)));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), row.Value!.AnnualSales!.Value.Yuan);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("x")]
    [InlineData("1048577")]
    public void ReadFile_RowNumberThatIsNotOne_RejectedAndLaterRowsKeepTheirNumbers(string r)
    {
        var rows = Read(Header() + $"<row r=\"{r}\"><c t=\"inlineStr\"><is><t>330782100201</t></is></c></row>" + Village(5, "330782100202", "400", "150", "12000000"));

        Assert.Equal(2, rows.Count);
        Assert.False(rows[0].IsValid);
        Assert.Equal(2L, rows[0].Line);
        Assert.Equal("330782100201", rows[0].Parsed.Key);
        Assert.Contains("not a row number", rows[0].Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(5L, rows[1].Line);
        Assert.True(rows[1].IsValid);
    }

    [Fact]
    public void ReadFile_RowsOutOfOrder_EachOutWithItsOwnNumber()
    {
        var rows = Read(Header() + Village(7, "330782100201", "400", "150", "12000000") + Village(3, "330782100202", "400", "150", "12000000"));

        Assert.Equal([7L, 3L], rows.Select(r => r.Line));
        Assert.True(rows[0].IsValid);
        Assert.Contains("out of order", rows[1].Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_RowsWithoutNumbers_NumberedFromThePreviousRow()
    {
        var rows = Read(Header() + Village(4, "330782100201", "400", "150", "12000000").Replace(" r=\"4\"", string.Empty, StringComparison.Ordinal).Replace("r=\"A4\" ", string.Empty, StringComparison.Ordinal));

        Assert.Equal(2L, Assert.Single(rows).Line);
    }

    [Fact]
    public void ReadFile_SharedStringIndexOutOfRange_RejectedNotMissing()
    {
        var rows = Read(Row(1, "<c r=\"A1\" t=\"s\"><v>0</v></c>") + Row(2, "<c r=\"A2\" t=\"s\"><v>7</v></c>"), ["village_code"]);

        var row = Assert.Single(rows);
        Assert.False(row.IsValid);
        Assert.Contains("shared string '7'", row.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_CellTwiceInARow_Rejected()
    {
        var rows = Read(Header() + Row(2, Number("A2", "330782100201"), Number("A2", "330782100202")));

        Assert.Contains("twice", Assert.Single(rows).Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_CellBeyondXfd_Rejected()
    {
        var rows = Read(Header() + Row(2, Number("A2", "330782100201"), Number("XFE2", "1")));

        Assert.Contains("beyond column XFD", Assert.Single(rows).Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_VeryHiddenSheetBeforeTheVisibleOne_VisibleOneReadAndHiddenNamed()
    {
        using var folder = new TempFolder();
        var path = folder.File("hidden.xlsx");
        RawXlsx.Write(path, [new Sheet("secret", Header() + Village(2, "110101001001", "400", "150", "12000000"), "veryHidden"), new Sheet("村", Header() + Village(2, "330782100201", "400", "150", "12000000"))]);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));
        var info = ExcelRecordReader.Describe(path);

        Assert.Equal("330782100201", row.Parsed.Key);
        Assert.Equal("村", info.Sheet);
        Assert.Equal(["secret"], info.HiddenSheets);
    }

    [Fact]
    public void ReadFile_HiddenSheetNamed_Read()
    {
        using var folder = new TempFolder();
        var path = folder.File("hidden.xlsx");
        RawXlsx.Write(path, [new Sheet("secret", Header() + Village(2, "110101001001", "400", "150", "12000000"), "hidden"), new Sheet("村", Header())]);

        Assert.Equal("110101001001", Assert.Single(ExcelRecordReader.ReadFile(path, new ExcelRecordReaderOptions { Sheet = "secret" })).Parsed.Key);
    }

    [Fact]
    public void ReadFile_DateFormattedNumberCell_TheNumberNotADate()
    {
        using var folder = new TempFolder();
        var path = folder.File("dates.xlsx");
        var styles = """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="46" applyNumberFormat="1"/><xf numFmtId="21" applyNumberFormat="1"/></cellXfs></styleSheet>""";
        var village = Row(2, Number("A2", "330782100201"), Text("B2", "village"), "<c r=\"C2\" s=\"2\"><v>400</v></c>", Number("D2", "150"), "<c r=\"E2\" s=\"1\"><v>12000000</v></c>");
        RawXlsx.Write(path, [new Sheet("村", Header() + village)], styles: styles);

        var row = Assert.Single(ExcelRecordReader.ReadFile(path));

        Assert.Equal(12_000_000m, row.Value!.AnnualSales!.Value.Yuan);
        Assert.Equal(400, row.Value.Households);
    }

    [Theory]
    [InlineData("1.234567890123456E+15")]
    [InlineData("1234567890123456")]
    [InlineData("330782100201.5")]
    public void ReadFile_CodeStoredAsANumberExcelCannotHold_RefusedNotPrintedInExponentForm(string code)
    {
        var row = Assert.Single(Read(Header() + Village(2, code, "400", "150", "12000000")));

        var problem = Assert.Single(row.Problems);
        Assert.Equal(RecordProblemCodes.Inexact, problem.Code);
        Assert.DoesNotContain("E+", problem.Message.Replace(code, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_CodeStoredAsANumberInExponentFormThatIsExact_TheCode()
    {
        Assert.Equal("330782100201", Assert.Single(Read(Header() + Village(2, "3.30782100201E+11", "400", "150", "12000000"))).Parsed.Key);
    }
}
