using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

// What a planner reads when a cell or a header is wrong: the exact problem, its field and value, at each boundary.
public class RecordParseResultTests
{
    private static RecordParseResult Parse(string header, string row) =>
        RecordSchema.FromColumns(header.Split(',')).Parse(row.Split(',').Select(c => (string?)c).ToArray());

    private static string Problem(string header, string row)
    {
        var p = Assert.Single(Parse(header, row).Problems);
        return $"{p.Field} [{p.Value}] {p.Code}: {p.Message}";
    }

    [Theory]
    [InlineData("households", "1.5", "households [1.5] not-whole: Must be a whole number.")]
    [InlineData("households", "abc", "households [abc] not-a-number: Not a number.")]
    [InlineData("annual_sales_cny", "1e99999", "annual_sales_cny [1e99999] out-of-range: The number is beyond the range of a decimal.")]
    [InlineData("annual_sales_cny", "0.00000000000000000000000000001", "annual_sales_cny [0.00000000000000000000000000001] inexact: The number has more digits than can be held exactly (at most 28 decimal places); it is not rounded.")]
    [InlineData("year", "10000", "year [10000] out-of-range: Must be between 0 and 9999.")]
    [InlineData("year", "-1", "year [-1] out-of-range: Must be between 0 and 9999.")]
    [InlineData("households", "0", "households [0] zero-households: Households must be greater than zero.")]
    [InlineData("年销售额(亿元)", "1000000000000000000000", "annual_sales_cny [1000000000000000000000] out-of-range: The amount is too large to hold in yuan.")]
    public void Parse_BadCell_FieldValueCodeAndMessage(string column, string cell, string expected) =>
        Assert.Equal(expected, Problem("village_code," + column, "1," + cell));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("9999", 9999)]
    public void Parse_YearAtItsLimits_Read(string cell, int year) => Assert.Equal(year, Parse("village_code,year", "1," + cell).Record!.Year);

    [Fact]
    public void Parse_NoCode_MissingVillageCode() =>
        Assert.Equal("village_code [] missing-village-code: The village code is required.", Problem("village_code,households", ",4"));

    [Fact]
    public void Parse_LongBadValue_ShortenedTo64Characters()
    {
        var exact = new string('x', 64);
        var longer = new string('y', 65);

        Assert.Equal(exact, Assert.Single(Parse("village_code,annual_sales_cny", "1," + exact).Problems).Value);
        Assert.Equal(new string('y', 61) + "...", Assert.Single(Parse("village_code,annual_sales_cny", "1," + longer).Problems).Value);
    }

    [Fact]
    public void Parse_Valid_KeyAndYearFromTheRecord()
    {
        var result = Parse("village_code,year", "7,2016");

        Assert.Equal(("7", (int?)2016), (result.Key, result.Year));
    }

    [Fact]
    public void Parse_Invalid_KeyAndYearAsRead()
    {
        var result = Parse("village_code,year,households", "7,2016,0");

        Assert.Null(result.Record);
        Assert.Equal(("7", (int?)2016), (result.Key, result.Year));
    }

    [Fact]
    public void Parse_TwoAttributesAndTwoFigures_AllKept()
    {
        var record = Parse("village_code,a,b,直播销售额,年销售额", "1,x,y,5,6").Record!;

        Assert.Equal(["x", "y"], new[] { record.Attributes["a"], record.Attributes["b"] });
        Assert.Equal(5m, record.Figures["livestream_sales_cny"]);
        Assert.Equal(6m, record.AnnualSales!.Value.Yuan);
    }

    [Fact]
    public void FromColumns_Default_InfersCommitteeFromTheName() =>
        Assert.Equal(CommitteeKind.Residents, RecordSchema.FromColumns(["village_code", "village_name"]).Parse(["1", "东华门社区居委会"]).Record!.Committee);

    [Theory]
    [InlineData("village_code,households", true)]
    [InlineData("households,村代码", true)]
    [InlineData("households,village_name", false)]
    public void HasVillageCode_AnyColumnForTheCode(string header, bool expected) =>
        Assert.Equal(expected, RecordSchema.FromColumns(header.Split(',')).HasVillageCode);

    [Theory]
    [InlineData("village_code,households,households", "The column 'households' appears twice (columns 2 and 3); which value counts cannot be told.")]
    [InlineData("village_code,households,户数", "The columns 'households' (column 2) and '户数' (column 3) both give households; which value counts cannot be told.")]
    [InlineData("note,village_code,note", "The column 'note' appears twice (columns 1 and 3); which value counts cannot be told.")]
    public void Parse_ColumnTwice_MessageNamesBothColumns(string header, string message) =>
        Assert.Equal(message, Assert.Single(RecordSchema.FromColumns(header.Split(',')).Parse(["1", "2", "3"]).Problems).Message);

    [Fact]
    public void PublicMembers_Null_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => RecordSchema.FromColumns(null!, true, ColumnMap.Empty));
        Assert.Throws<ArgumentNullException>(() => RecordSchema.FromColumns(["village_code"], true, null!));
        Assert.Throws<ArgumentNullException>(() => RecordSchema.FromColumns(["village_code"]).Parse(null!));
        Assert.Throws<ArgumentNullException>(() => RecordSchema.FromColumns(["village_code"]).ScaleOf(null!));
    }
}

public class VillageRecordValidatorEdgeTests
{
    [Fact]
    public void IsValid_InvalidRecord_False() =>
        Assert.False(VillageRecordValidator.IsValid(new VillageRecord(new VillageCode("1")) { Households = 0 }));

    [Fact]
    public void Validate_CategoryJustPastTheDefinedValues_Refused()
    {
        var count = Enum.GetValues<Platform>().Length;
        var record = new VillageRecord(new VillageCode("1")) { MainPlatform = (Platform)count };

        var problem = Assert.Single(VillageRecordValidator.Validate(record));

        Assert.Equal($"main_platform [{count}] The value {count} is not a defined main e-commerce platform.", $"{problem.Field} [{problem.Value}] {problem.Message}");
        Assert.Empty(VillageRecordValidator.Validate(record with { MainPlatform = (Platform)(count - 1) }));
    }

    [Fact]
    public void Validate_DefaultCode_MissingVillageCodeOnly()
    {
        var problem = Assert.Single(VillageRecordValidator.Validate(new VillageRecord(default) { Households = 4 }));

        Assert.Equal((FieldNames.VillageCode, (string?)null, RecordProblemCodes.MissingVillageCode, "The village code is required."), (problem.Field, problem.Value, problem.Code, problem.Message));
    }

    [Fact]
    public void Evaluate_DefaultCode_InvalidWithEmptySubject()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(default));

        Assert.Equal(Eligibility.Invalid, verdict.Eligibility);
        Assert.Equal(string.Empty, verdict.Subject);
    }

    [Fact]
    public void Validate_NegativeZeroSales_NotNegative() =>
        Assert.Empty(VillageRecordValidator.Validate(new VillageRecord(new VillageCode("1")) { Households = 4, AnnualSales = Cny.FromYuan(decimal.Negate(0.00m)) }));

    [Fact]
    public void Validate_NegativeAndTooManyEngaged_ExactMessages()
    {
        var problems = VillageRecordValidator.Validate(new VillageRecord(new VillageCode("1")) { Households = 4, EcommerceHouseholds = 5, AnnualSales = Cny.FromYuan(-1.5m) });

        Assert.Equal(
        [
            "annual_sales_cny -1.5 negative: Must not be negative.",
            "ecommerce_households 5 engaged-exceeds-households: Households engaged in e-commerce (5) exceed households (4).",
        ], problems.Select(p => $"{p.Field} {p.Value} {p.Code}: {p.Message}"));
    }
}

public class ColumnMapEdgeTests
{
    [Fact]
    public void Create_EveryProblem_NamedInOneMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnMap.Create(
        [
            new(" ", "households"),
            new("户籍人口户数", "households"),
            new("户籍 人口户数", "households"),
            new("x", "nothing"),
        ]));

        Assert.Equal("The column map is invalid: a column name is empty; '户籍 人口户数' is mapped twice; 'x' → 'nothing': no such field (expected a field such as households, annual_sales_cny, or a name like 年销售额(万元)). (Parameter 'columns')", ex.Message);
    }

    [Fact]
    public void Create_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => ColumnMap.Create(null!));

    [Fact]
    public void Count_EachMappedColumn() =>
        Assert.Equal((0, 2), (ColumnMap.Empty.Count, ColumnMap.Create([new("户数X", "households"), new("网店X", "active_shops")]).Count));
}
