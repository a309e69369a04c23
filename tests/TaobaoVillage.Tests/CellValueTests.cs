using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Csv;

namespace TaobaoVillage.Tests;

// Figures a CSV reader reads from the cell's bytes (issue 12) must come out exactly as the same text through the schema.
public class CellValueTests
{
    private const string Header = "village_code,village_name,year,households,ecommerce_households,active_shops,annual_sales_cny,年销售额(亿元),main_platform";

    [Theory]
    [InlineData("0", 100, true, 0L)]
    [InlineData("7", 100, true, 7L)]
    [InlineData("123456789012345678", 100, true, 123456789012345678L)]
    [InlineData("1234567890123456789", 100, false, 0L)]
    [InlineData("007", 100, false, 0L)]
    [InlineData("00", 100, false, 0L)]
    [InlineData("", 100, false, 0L)]
    [InlineData("-5", 100, false, 0L)]
    [InlineData("+5", 100, false, 0L)]
    [InlineData(" 5", 100, false, 0L)]
    [InlineData("5 ", 100, false, 0L)]
    [InlineData("1.0", 100, false, 0L)]
    [InlineData("1,000", 100, false, 0L)]
    [InlineData("12345", 4, false, 0L)]
    [InlineData("1234", 4, true, 1234L)]
    [InlineData("１２", 100, false, 0L)]
    [InlineData("9/", 100, false, 0L)]
    [InlineData("9:", 100, false, 0L)]
    public void TryDigits_Cell_OnlyPlainDigitsWithinTheLimit(string text, int maxLength, bool expected, long value)
    {
        Assert.Equal(expected, CellValue.TryDigits(System.Text.Encoding.UTF8.GetBytes(text), maxLength, out var whole));
        Assert.Equal(value, whole);
        // The characters' entry (the Excel reader's) agrees with the bytes' (the CSV reader's).
        Assert.Equal(expected, CellValue.TryDigits(text.AsSpan(), maxLength, out var fromChars));
        Assert.Equal(value, fromChars);
    }

    [Theory]
    [InlineData(42L, "42")]
    [InlineData(0L, "0")]
    [InlineData(123456789012345678L, "123456789012345678")]
    public void ToString_Number_TheDigitsOfTheCell(long whole, string expected) =>
        Assert.Equal(expected, CellValue.Number(whole).ToString());

    [Theory]
    [InlineData("year", "10000", "year [10000] out-of-range: Must be between 0 and 9999.")]
    [InlineData("year", "123456789012345678", "year [123456789012345678] out-of-range: Must be between 0 and 9999.")]
    [InlineData("households", "0", "households [0] zero-households: Households must be greater than zero.")]
    public void ParseCells_NumberOutOfRange_SameProblemAsItsText(string column, string cell, string expected)
    {
        var schema = RecordSchema.FromColumns(["village_code", column]);
        CellValue[] cells = [CellValue.Of("1"), CellValue.Number(long.Parse(cell, System.Globalization.CultureInfo.InvariantCulture))];
        var p = Assert.Single(schema.ParseCells(cells).Problems);
        Assert.Equal(expected, $"{p.Field} [{p.Value}] {p.Code}: {p.Message}");
    }

    [Fact]
    public void ParseCells_NumberInAColumnThatReadsText_ReadAsItsDigits()
    {
        var schema = RecordSchema.FromColumns(["village_code", "village_name"]);
        Assert.False(schema.ReadsNumber(1));
        var record = schema.ParseCells([CellValue.Of("1"), CellValue.Number(42)]).Record;
        Assert.Equal("42", record?.Name);
    }

    [Fact]
    public void ReadsNumber_Columns_YearCountsAndAmountsOnly()
    {
        var schema = RecordSchema.FromColumns(Header.Split(','));
        Assert.Equal(
            [false, false, true, true, true, true, true, true, false, false],
            Enumerable.Range(0, 10).Select(schema.ReadsNumber));
    }

    // Cells a planner's file may hold in a figure's column: digits with and without leading zeros, too many digits,
    // signs, fractions, grouping, full-width digits, spaces, empty.
    private static readonly Gen<string> FigureText = Gen.OneOf(
        Gen.Choose(0, int.MaxValue).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Elements("0", "00", "007", "1000000", "9999", "10000", "123456789012345678", "1234567890123456789",
            "99999999999999999999999999999", "-1", "+1", "1.5", "1.0", "1e3", "1,000", "１２３", " 12 ", "", "   ", "abc", "1 000"));

    [Property(MaxTest = 300)]
    public Property Read_FiguresAsDigitsOrText_SameRecordOrProblemsAsTheSchemaFromText() => Prop.ForAll(
        Arb.From(Gen.ArrayOf(FigureText, 6)),
        figures =>
        {
            string[] cells = ["330782100201", "青口村", .. figures, "taobao"];
            var row = string.Join(",", cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
            var read = Assert.Single(CsvRecordReader.Read(new StringReader(Header + "\n" + row + "\n")));
            var expected = RecordSchema.FromColumns(Header.Split(',')).Parse(cells);
            Assert.Equal(expected.Record, read.Parsed.Record);
            Assert.Equal(Describe(expected), Describe(read.Parsed));
        });

    private static string Describe(RecordParseResult result) =>
        string.Join("; ", result.Problems.Select(p => $"{p.Field} [{p.Value}] {p.Code}: {p.Message}")) + $" | {result.Key} {result.Year}";
}

// The draft a thread reuses for every row must come back empty: a field left over would pass into the next record.
public class RecordDraftTests
{
    [Fact]
    public void ForThread_AfterEveryFieldWasSet_EveryFieldEmptyAgain()
    {
        var draft = RecordDraft.ForThread();
        var properties = typeof(RecordDraft).GetProperties().Where(p => p.CanWrite).ToList();
        Assert.True(properties.Count >= 17, "RecordDraft's settable properties were not found.");
        var filled = RecordDraft.From(new TaobaoVillage.Domain.VillageRecord(new("330782100201"))
        {
            Name = "n", Province = "p", City = "c", County = "k", Township = "t", TownshipCode = "330782100", Year = 2020,
            Households = 1, EcommerceHouseholds = 1, ActiveShops = 1, AnnualSales = new TaobaoVillage.Domain.Cny(1m),
            MainPlatform = TaobaoVillage.Domain.Platform.Taobao, Committee = TaobaoVillage.Domain.CommitteeKind.Village, CommitteeFromName = true,
        });
        foreach (var p in properties)
        {
            p.SetValue(draft, p.GetValue(filled));
        }

        draft.Code = "330782100201";
        draft.Figure("x", 1m);
        draft.Attribute("a", "b");
        Assert.All(properties, p => Assert.NotEqual(p.PropertyType.IsValueType ? Activator.CreateInstance(p.PropertyType) : null, p.GetValue(draft)));

        var again = RecordDraft.ForThread();

        Assert.Same(draft, again);
        Assert.All(properties, p => Assert.Equal(p.PropertyType.IsValueType ? Activator.CreateInstance(p.PropertyType) : null, p.GetValue(again)));
    }

    [Fact]
    public void Parse_TwoRowsOneThread_SecondKeepsNothingOfTheFirst()
    {
        var schema = RecordSchema.FromColumns(["village_code", "village_name", "households", "annual_sales_cny", "extra"]);
        var first = schema.Parse(["1", "甲村", "100", "5", "x"]).Record!;
        var second = schema.Parse(["2", null, null, null, null]).Record!;
        Assert.Equal(("甲村", 100L), (first.Name, first.Households));
        Assert.Equal((null, null, null, 0), (second.Name, second.Households, second.AnnualSales, second.Attributes.Count));
    }
}
