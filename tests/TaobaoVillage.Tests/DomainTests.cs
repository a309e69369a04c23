using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public class CnyTests
{
    [Fact]
    public void FromTenThousandYuan_Wan_ConvertsExactly()
    {
        Assert.Equal(10_000_000m, Cny.FromTenThousandYuan(1000m).Yuan);
        Assert.Equal(12_345.6m, Cny.FromTenThousandYuan(1.23456m).Yuan);
    }

    [Fact]
    public void ToString_Amount_FormatsInvariantWithFen() =>
        Assert.Equal("CN¥10,000,000.00", Cny.FromYuan(10_000_000m).ToString());

    [Fact]
    public void Operators_OneFenApart_Compare()
    {
        Assert.True(Cny.FromYuan(9_999_999.99m) < Cny.FromYuan(10_000_000m));
        Assert.True(Cny.FromYuan(10_000_000m) >= Cny.FromYuan(10_000_000.00m));
        Assert.Equal(Cny.FromYuan(1m), Cny.FromYuan(1.00m));
    }
}

public class ShareTests
{
    [Fact]
    public void FromPercent_Ten_IsOneTenth()
    {
        Assert.Equal(0.1m, Share.FromPercent(10).Fraction);
        Assert.Equal("10%", Share.FromFraction(0.1m).ToString());
        Assert.True(Share.FromPercent(9) < Share.FromPercent(10));
    }
}

public class VillageCodeTests
{
    [Fact]
    public void Prefixes_StatisticalCode_NameRegions()
    {
        var code = new VillageCode(" 330782100201 ");

        Assert.Equal("330782100201", code.Value);
        Assert.True(code.IsStatisticalCode);
        Assert.Equal("33", code.ProvinceCode);
        Assert.Equal("330782", code.CountyCode);
        Assert.Equal("330782100", code.TownshipCode);
    }

    [Fact]
    public void Prefixes_OtherCode_AreNull()
    {
        var code = new VillageCode("V-17");

        Assert.False(code.IsStatisticalCode);
        Assert.Null(code.TownshipCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_Empty_Throws(string value) => Assert.Throws<ArgumentException>(() => new VillageCode(value));
}

public class DomainNamesTests
{
    [Theory]
    [InlineData("taobao", Platform.Taobao)]
    [InlineData("TAOBAO", Platform.Taobao)]
    [InlineData("淘宝", Platform.Taobao)]
    [InlineData("天猫", Platform.Tmall)]
    [InlineData("1688", Platform.Alibaba1688)]
    [InlineData("京东", Platform.JD)]
    [InlineData("拼多多", Platform.Pinduoduo)]
    [InlineData(" douyin ", Platform.Douyin)]
    [InlineData("快手", Platform.Kuaishou)]
    public void TryParsePlatform_KnownName_Parses(string text, Platform expected)
    {
        Assert.True(DomainNames.TryParsePlatform(text, out var platform));
        Assert.Equal(expected, platform);
    }

    [Fact]
    public void TryParsePlatform_Unknown_False() => Assert.False(DomainNames.TryParsePlatform("amazon", out _));

    [Fact]
    public void Name_EveryPlatform_RoundTrips()
    {
        foreach (var p in Enum.GetValues<Platform>())
        {
            Assert.True(DomainNames.TryParsePlatform(DomainNames.Name(p), out var back));
            Assert.Equal(p, back);
        }
    }

    [Theory]
    [InlineData("village", CommitteeKind.Village)]
    [InlineData("村委会", CommitteeKind.Village)]
    [InlineData("Residents", CommitteeKind.Residents)]
    [InlineData("居委会", CommitteeKind.Residents)]
    public void TryParseCommittee_KnownName_Parses(string text, CommitteeKind expected)
    {
        Assert.True(DomainNames.TryParseCommittee(text, out var kind));
        Assert.Equal(expected, kind);
    }
}

public class VillageRecordTests
{
    [Fact]
    public void EffectiveTownshipCode_NoTownshipCode_IsFirstNineDigits() =>
        Assert.Equal("330782100", new VillageRecord(new VillageCode("330782100201")).EffectiveTownshipCode);

    [Fact]
    public void EffectiveTownshipCode_Given_WinsOverPrefix() =>
        Assert.Equal("T1", new VillageRecord(new VillageCode("330782100201")) { TownshipCode = "T1" }.EffectiveTownshipCode);
}

public class VillageRecordValidatorTests
{
    [Property]
    public Property Validate_GeneratedValidRecord_HasNoProblems() =>
        Prop.ForAll(VillageArbitraries.Records(), r => VillageRecordValidator.IsValid(r) && VillageRecordValidator.Validate(r).Count == 0);

    [Property]
    public Property Validate_BrokenRecord_NamesTheBrokenField() => Prop.ForAll(
        VillageArbitraries.CompleteRecords(),
        Arb.From(Gen.Choose(0, 4)),
        (record, how) =>
        {
            var (broken, field, code) = how switch
            {
                0 => (record with { Households = 0 }, FieldNames.Households, RecordProblemCodes.ZeroHouseholds),
                1 => (record with { Households = -record.Households!.Value }, FieldNames.Households, RecordProblemCodes.Negative),
                2 => (record with { EcommerceHouseholds = record.Households + 1 }, FieldNames.EcommerceHouseholds, RecordProblemCodes.EngagedExceedsHouseholds),
                3 => (record with { ActiveShops = -1 }, FieldNames.ActiveShops, RecordProblemCodes.Negative),
                _ => (record with { AnnualSales = Cny.FromYuan(-0.01m) }, FieldNames.AnnualSales, RecordProblemCodes.Negative),
            };
            var problems = VillageRecordValidator.Validate(broken);
            return problems.Any(p => p.Field == field && p.Code == code);
        });

    [Fact]
    public void Validate_ShopsAboveHouseholds_IsValid()
    {
        // One household can run several shops.
        var record = new VillageRecord(new VillageCode("1")) { Households = 10, ActiveShops = 50 };

        Assert.Empty(VillageRecordValidator.Validate(record));
    }
}

public class RecordSchemaTests
{
    private static RecordParseResult Parse(string header, string row) =>
        RecordSchema.FromColumns(header.Split(',')).Parse(row.Split(',').Select(c => (string?)c).ToArray());

    // The contract's alias table (docs/domain.md, "Column names"), written out by hand: none of these may be dropped.
    [Theory]
    [InlineData("villageCode", "village_code")]
    [InlineData("code", "village_code")]
    [InlineData("村代码", "village_code")]
    [InlineData("村编码", "village_code")]
    [InlineData("行政区划代码", "village_code")]
    [InlineData("统计用区划代码", "village_code")]
    [InlineData("区划代码", "village_code")]
    [InlineData("village", "village_name")]
    [InlineData("name", "village_name")]
    [InlineData("村名", "village_name")]
    [InlineData("村名称", "village_name")]
    [InlineData("村庄名称", "village_name")]
    [InlineData("行政村", "village_name")]
    [InlineData("行政村名称", "village_name")]
    [InlineData("省", "province")]
    [InlineData("省份", "province")]
    [InlineData("市", "city")]
    [InlineData("地市", "city")]
    [InlineData("地级市", "city")]
    [InlineData("县", "county")]
    [InlineData("区县", "county")]
    [InlineData("县区", "county")]
    [InlineData("县(市、区)", "county")]
    [InlineData("县（市、区）", "county")]
    [InlineData("town", "township")]
    [InlineData("乡镇", "township")]
    [InlineData("乡镇(街道)", "township")]
    [InlineData("镇(街道)", "township")]
    [InlineData("街道", "township")]
    [InlineData("乡镇代码", "township_code")]
    [InlineData("年份", "year")]
    [InlineData("年度", "year")]
    [InlineData("类型", "committee")]
    [InlineData("委员会类型", "committee")]
    [InlineData("村委会类型", "committee")]
    [InlineData("户数", "households")]
    [InlineData("总户数", "households")]
    [InlineData("户籍户数", "households")]
    [InlineData("电商户数", "ecommerce_households")]
    [InlineData("从事电商户数", "ecommerce_households")]
    [InlineData("电商从业户数", "ecommerce_households")]
    [InlineData("网商户数", "ecommerce_households")]
    [InlineData("网店数", "active_shops")]
    [InlineData("活跃网店数", "active_shops")]
    [InlineData("活跃网店数量", "active_shops")]
    [InlineData("电商销售额", "annual_sales_cny")]
    [InlineData("年销售额", "annual_sales_cny")]
    [InlineData("电子商务销售额", "annual_sales_cny")]
    [InlineData("网络销售额", "annual_sales_cny")]
    [InlineData("电商交易额", "annual_sales_cny")]
    [InlineData("年交易额", "annual_sales_cny")]
    [InlineData("主要平台", "main_platform")]
    [InlineData("主营平台", "main_platform")]
    [InlineData("电商平台", "main_platform")]
    [InlineData("直播销售额", "livestream_sales_cny")]
    [InlineData("直播电商销售额", "livestream_sales_cny")]
    public void Parse_ContractAlias_ReadAsItsField(string alias, string field)
    {
        // The value lands in the field, not among the attributes; a second column of the field makes a duplicate.
        var value = field switch
        {
            "village_code" => "330782100201",
            "year" => "2016",
            "committee" => "村委会",
            "main_platform" => "淘宝",
            "households" or "ecommerce_households" or "active_shops" => "7",
            "annual_sales_cny" or "livestream_sales_cny" => "7",
            _ => "前岙村",
        };
        var header = field == "village_code" ? alias : "village_code," + alias;
        var row = field == "village_code" ? value : "1," + value;

        var record = Parse(header, row).Record!;
        var duplicate = Parse(header + "," + field, row + "," + value);

        Assert.Empty(record.Attributes);
        Assert.Equal(field == "village_code" ? "330782100201" : "1", record.Code.Value);
        Assert.Equal(RecordProblemCodes.DuplicateField, Assert.Single(duplicate.Problems).Code);
        object? read = field switch
        {
            "village_code" => record.Code.Value,
            "village_name" => record.Name,
            "province" => record.Province,
            "city" => record.City,
            "county" => record.County,
            "township" => record.Township,
            "township_code" => record.TownshipCode,
            "year" => record.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "committee" => record.Committee?.ToString(),
            "households" => record.Households?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "ecommerce_households" => record.EcommerceHouseholds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "active_shops" => record.ActiveShops?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "annual_sales_cny" => record.AnnualSales?.Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "main_platform" => record.MainPlatform?.ToString(),
            _ => record.Figures.TryGetValue(field, out var f) ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        Assert.Equal(field switch { "committee" => "Village", "main_platform" => "Taobao", _ => value }, read);
    }

    [Theory]
    [InlineData("年销售额(元)", "1234.5", 1234.5)]
    [InlineData("年销售额（元）", "1234.5", 1234.5)]
    [InlineData("年销售额(万元)", "1234.5", 12_345_000)]
    [InlineData("年销售额（万元）", "0.0001", 1)]
    [InlineData("年销售额(亿元)", "1.23456789", 123_456_789)]
    [InlineData("直播销售额(万元)", "2", 20_000)]
    public void Parse_UnitInHeader_ConvertedExactly(string column, string cell, double yuan)
    {
        var record = Parse("village_code," + column, "1," + cell).Record!;

        var read = column.StartsWith("直播", StringComparison.Ordinal) ? record.Figures["livestream_sales_cny"] : record.AnnualSales!.Value.Yuan;
        Assert.Equal((decimal)yuan, read);
    }

    [Fact]
    public void Parse_CamelCaseAndSnakeCase_MapToSameFields()
    {
        var a = Parse("village_code,annual_sales_cny,active_shops,main_platform", "330782100201,12000000.50,120,淘宝");
        var b = Parse("villageCode,annualSalesCny,ActiveShops,MAIN_PLATFORM", "330782100201,12000000.50,120,淘宝");

        Assert.Equal(a.Record, b.Record);
        Assert.Equal(12_000_000.50m, a.Record!.AnnualSales!.Value.Yuan);
        Assert.Equal(Platform.Taobao, a.Record.MainPlatform);
    }

    [Fact]
    public void Parse_EmptyCells_AreMissingNotZero()
    {
        var result = Parse("village_code,households,annual_sales_cny", "1, ,");

        Assert.True(result.IsValid);
        Assert.Null(result.Record!.Households);
        Assert.Null(result.Record.AnnualSales);
    }

    [Fact]
    public void Parse_ExtraColumns_BecomeAttributes()
    {
        var result = Parse("village_code,broadband_share", "1,0.7");

        Assert.Equal("0.7", result.Record!.Attributes["BROADBAND_SHARE"]);
    }

    [Fact]
    public void Parse_SalesInWan_ConvertedExactly()
    {
        var result = Parse("village_code,annual_sales_10k_cny", "1,1000.0001");

        Assert.Equal(10_000_001m, result.Record!.AnnualSales!.Value.Yuan);
    }

    [Theory]
    [InlineData("households", "abc", RecordProblemCodes.NotANumber)]
    [InlineData("households", "-3", RecordProblemCodes.Negative)]
    [InlineData("households", "0", RecordProblemCodes.ZeroHouseholds)]
    [InlineData("households", "2.5", RecordProblemCodes.NotWhole)]
    [InlineData("households", "1e30", RecordProblemCodes.OutOfRange)]
    [InlineData("annual_sales_cny", "NaN", RecordProblemCodes.NotANumber)]
    [InlineData("annual_sales_cny", "Infinity", RecordProblemCodes.NotANumber)]
    [InlineData("annual_sales_cny", "1e40", RecordProblemCodes.OutOfRange)]
    [InlineData("main_platform", "amazon", RecordProblemCodes.UnknownPlatform)]
    [InlineData("committee", "town", RecordProblemCodes.UnknownCommittee)]
    [InlineData("year", "20x6", RecordProblemCodes.NotANumber)]
    public void Parse_BadValue_RejectedWithFieldAndCode(string field, string value, string code)
    {
        var result = Parse("village_code," + field, "330782100201," + value);

        Assert.False(result.IsValid);
        Assert.Equal("330782100201", result.Key);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public void Parse_EngagedAboveHouseholds_Rejected()
    {
        var result = Parse("village_code,households,ecommerce_households", "1,10,11");

        Assert.Equal(RecordProblemCodes.EngagedExceedsHouseholds, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_NoVillageCode_Rejected()
    {
        var result = Parse("village_code,households", ",10");

        Assert.Equal(RecordProblemCodes.MissingVillageCode, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEach()
    {
        var result = Parse("village_code,households,active_shops,main_platform", "1,0,-1,ebay");

        Assert.Equal(3, result.Problems.Count);
    }
}
