using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class BuiltInRuleSetsTests
{
    /// <summary>The classic criteria written with the fluent builder, line by line of the published text.</summary>
    public static RuleSet FluentClassic() => new RuleSetBuilder("classic", "2013.1")
        .Titled("Taobao Village, classic criteria")
        .Described("The three criteria as commonly summarised for the first Taobao Villages: Taobao is the main platform; annual e-commerce transactions reach CN¥10 million; 10% or more of households are engaged in e-commerce.")
        .For(RuleTarget.Village)
        .EffectiveYears(2009, 2013)
        .CitedTo(
            "AliResearch (阿里研究院) Taobao Village definition, as summarised in \"E-Commerce Lends a Hand to Eradicating Rural Poverty in China\"; AliResearch's own wording is 达到…以上 (reach or exceed), so every threshold is inclusive",
            quote: "Taobao is the primary e-commerce platform; total e-commerce transactions reach CN¥10 million a year; 10% or more of households are engaged in e-commerce.")
        .AllOf("taobao-village", all => all
            .Titled("a Taobao Village under the classic criteria")
            .Require("main-platform-taobao", Metric.MainPlatform, c => c.IsOneOf(Platform.Taobao, Platform.Tmall)
                .Titled("Taobao (Taobao Marketplace or Tmall, formerly Taobao Mall) is the main e-commerce platform")
                .CitedTo("AliResearch classic criteria", quote: "Taobao is the primary e-commerce platform"))
            .Require("annual-transactions", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(10_000_000m))
                .Titled("annual e-commerce transactions of CN¥10,000,000 or more")
                .CitedTo("AliResearch classic criteria", quote: "total e-commerce transactions reach CN¥10 million a year"))
            .Require("ecommerce-households-share", Metric.EcommerceHouseholdShare, c => c.AtLeast(Share.FromPercent(10))
                .Titled("10% or more of households engaged in e-commerce")
                .CitedTo("AliResearch classic criteria", quote: "10% or more of households are engaged in e-commerce")))
        .Build();

    /// <summary>The AliResearch criteria written with the fluent builder.</summary>
    public static RuleSet FluentAliResearch() => new RuleSetBuilder("aliresearch", "2022.2")
        .Titled("Taobao Village, AliResearch criteria")
        .Described("AliResearch's criteria from 2020 on: an administrative village (not a residents' committee); annual e-commerce sales of CN¥10 million or more; 100 or more active online shops, or active shops 10% or more of households.")
        .For(RuleTarget.Village)
        .EffectiveYears(2020)
        .CitedTo(
            "AliResearch (阿里研究院) Taobao Village criteria: 2014–2018 wording as quoted by zgzzs.com.cn (2017) and huobaoweishang.com; sales in place of transactions from 2019 (weifang.dzwww.com 2019-08-06, huzhou.gov.cn 2020-09-04); residents' committees excluded from 2020 (news.fznews.com.cn 2020-09-03) and in the 2022 notice",
            quote: "An administrative village; annual e-commerce sales of CN¥10,000,000 or more; 100 or more active online shops, or active shops 10% or more of households.")
        .AllOf("taobao-village", all => all
            .Titled("a Taobao Village under AliResearch's criteria")
            .Require("administrative-village", Metric.Committee, c => c.IsOneOf(CommitteeKind.Village)
                .Titled("an administrative village (villagers' committee, 村委会), not a residents' committee (居委会)")
                .CitedTo("AliResearch criteria; residents' committees excluded from 2020 (news.fznews.com.cn 2020-09-03) and in the 2022 notice",
                    quote: "Place of business in a rural area, the administrative village (行政村) as the unit; residents' committees (居委会) excluded"))
            .Then(SalesAndShops))
        .Build();

    /// <summary>AliResearch 2014–2019 with the fluent builder: no committee criterion (residents' committees were admitted).</summary>
    public static RuleSet FluentAliResearch2014() => new RuleSetBuilder("aliresearch-2014", "2014.1")
        .Titled("Taobao Village, AliResearch criteria 2014–2019")
        .Described("AliResearch's criteria of 2014–2019: the village-level unit as the unit (residents' committees were admitted in practice until 2019); annual e-commerce transactions (from 2019 sales) of CN¥10 million or more; 100 or more active online shops, or active shops 10% or more of households.")
        .For(RuleTarget.Village)
        .EffectiveYears(2014, 2019)
        .CitedTo(
            "AliResearch (阿里研究院) Taobao Village criteria, 2014–2018 wording as quoted by zgzzs.com.cn (2017) and huobaoweishang.com; sales in place of transactions in 2019 (weifang.dzwww.com 2019-08-06); residents' committees not excluded until 2020 (news.fznews.com.cn 2020-09-03): about 5% of the 2016 Taobao Villages matched to the 2016 codes are residents' committees",
            quote: "Place of business in a rural area, the administrative village as the unit; annual e-commerce transactions reach CN¥10,000,000 or more; active online shops reach 100 or more, or active shops reach 10% or more of the local households.")
        .AllOf("taobao-village", all => all
            .Titled("a Taobao Village under AliResearch's criteria of 2014–2019")
            .Then(SalesAndShops))
        .Build();

    /// <summary>The sales and shops criteria both AliResearch village sets share, line by line of the published text.</summary>
    private static CriteriaBuilder SalesAndShops(CriteriaBuilder all) => all
        .Require("annual-sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(10_000_000m))
            .Titled("annual e-commerce sales of CN¥10,000,000 or more")
            .CitedTo("AliResearch criteria (transactions, 交易额, until 2018; sales, 销售额, from 2019)",
                quote: "Annual e-commerce transactions (交易额; from 2019 sales, 销售额) reach CN¥10,000,000 or more"))
        .AnyOf("active-shops", any => any
            .Titled("100 or more active online shops, or active shops 10% or more of households")
            .Require("active-shop-count", Metric.ActiveShops, c => c.AtLeast(100)
                .Titled("100 or more active online shops")
                .CitedTo("AliResearch criteria", quote: "Active online shops in the village reach 100 or more"))
            .Require("active-shop-share", Metric.ActiveShopShare, c => c.AtLeast(Share.FromPercent(10))
                .Titled("active online shops 10% or more of households")
                .CitedTo("AliResearch criteria", quote: "or active shops reach 10% or more of the local households (家庭户数)")));

    private static CriteriaBuilder TownPaths(CriteriaBuilder any) => any
        .Require("taobao-villages", Metric.TaobaoVillages, c => c.AtLeast(3).Titled("3 or more Taobao Villages in the township"))
        .AllOf("township-ecommerce", all => all
            .Titled("annual sales exceeding CN¥30,000,000 and more than 300 active online shops")
            .Require("township-sales", Metric.AnnualSales, c => c.GreaterThan(Cny.FromYuan(30_000_000m)).Titled("annual e-commerce sales exceeding CN¥30,000,000"))
            .Require("township-active-shops", Metric.ActiveShops, c => c.GreaterThan(300).Titled("more than 300 active online shops")));

    /// <summary>The 2019 town criteria with the fluent builder.</summary>
    public static RuleSet FluentTown2019() => new RuleSetBuilder("aliresearch-town-2019", "2019.1")
        .Titled("Taobao Town, AliResearch criteria of 2019")
        .Described("A township with 3 or more Taobao Villages, or with annual e-commerce sales exceeding CN¥30 million and more than 300 active online shops on Alibaba platforms, whether or not it has Taobao Villages.")
        .For(RuleTarget.Township)
        .EffectiveYears(2019, 2019)
        .CitedTo("AliResearch Taobao Town criteria from 2019, as reported by sd.sina.com.cn (2019-08-04); both figures of the second path are strict (超过)",
            quote: "3 or more Taobao Villages, or township e-commerce sales exceeding CN¥30,000,000 and active shops exceeding 300 on Alibaba platforms, whether or not it has Taobao Villages.")
        .AnyOf("taobao-town", any => TownPaths(any.Titled("a Taobao Town")))
        .Build();

    /// <summary>The town criteria from 2020 with the fluent builder: sub-districts excluded.</summary>
    public static RuleSet FluentTown() => new RuleSetBuilder("aliresearch-town", "2020.1")
        .Titled("Taobao Town, AliResearch criteria from 2020")
        .Described("A township (not a sub-district) with 3 or more Taobao Villages, or with annual e-commerce sales exceeding CN¥30 million and more than 300 active online shops on Alibaba platforms, whether or not it has Taobao Villages.")
        .For(RuleTarget.Township)
        .EffectiveYears(2020)
        .CitedTo("AliResearch Taobao Town criteria from 2019, as reported by sd.sina.com.cn (2019-08-04); from 2020 AliResearch follows the NBS urban-rural classification and sub-districts (街道) are no longer admitted (news.fznews.com.cn 2020-09-03)",
            quote: "A township (not a sub-district) with 3 or more Taobao Villages, or township e-commerce sales exceeding CN¥30,000,000 and active shops exceeding 300 on Alibaba platforms.")
        .AllOf("taobao-town", all => all
            .Titled("a Taobao Town")
            .Require("not-a-subdistrict", Metric.TownshipKind, c => c.IsOneOf("township", "other")
                .Titled("a township or town (乡, 镇), not a sub-district (街道)")
                .CitedTo("news.fznews.com.cn (2020-09-03), as summarised: AliResearch follows the NBS urban-rural classification from 2020",
                    quote: "From 2020 sub-districts (街道) are no longer admitted as Taobao Towns"))
            .AnyOf("town-paths", any => TownPaths(any.Titled("3 or more Taobao Villages, or sales exceeding CN¥30,000,000 and more than 300 active online shops"))))
        .Build();

    /// <summary>The town criteria up to 2018 with the fluent builder: one criterion.</summary>
    public static RuleSet FluentTown2014() => new RuleSetBuilder("aliresearch-town-2014", "2014.1")
        .Titled("Taobao Town, AliResearch criteria up to 2018")
        .Described("A township or sub-district with 3 or more Taobao Villages.")
        .For(RuleTarget.Township)
        .EffectiveYears(2014, 2018)
        .CitedTo("AliResearch Taobao Town definition up to 2018; applied to the published village lists it gives exactly the published town counts: 19 (2014), 71 (2015), 135 (2016)",
            quote: "A township or sub-district with 3 or more Taobao Villages.")
        .Require("taobao-villages", Metric.TaobaoVillages, c => c.AtLeast(3).Titled("3 or more Taobao Villages in the township"))
        .Build();

    [Fact]
    public void AliResearchTown2014_JsonResource_EqualsFluentDefinition() =>
        Assert.Equal(FluentTown2014(), BuiltInRuleSets.AliResearchTown2014);

    [Fact]
    public void AliResearch2014_JsonResource_EqualsFluentDefinition() =>
        Assert.Equal(FluentAliResearch2014(), BuiltInRuleSets.AliResearch2014);

    [Fact]
    public void AliResearchTown2019_JsonResource_EqualsFluentDefinition() =>
        Assert.Equal(FluentTown2019(), BuiltInRuleSets.AliResearchTown2019);

    [Fact]
    public void AliResearchTown_JsonResource_EqualsFluentDefinition() =>
        Assert.Equal(FluentTown(), BuiltInRuleSets.AliResearchTown);

    [Fact]
    public void Classic_JsonResource_EqualsFluentDefinition()
    {
        Assert.Equal(FluentClassic(), BuiltInRuleSets.Classic);
        Assert.Equal(FluentClassic().ContentHash, BuiltInRuleSets.Classic.ContentHash);
    }

    [Fact]
    public void AliResearch_JsonResource_EqualsFluentDefinition() =>
        Assert.Equal(FluentAliResearch(), BuiltInRuleSets.AliResearch);

    [Fact]
    public void All_HasTheSixContractIds()
    {
        Assert.Equal(["classic", "aliresearch-2014", "aliresearch", "aliresearch-town-2014", "aliresearch-town-2019", "aliresearch-town"], BuiltInRuleSets.All.Select(r => r.Id.Value));
        Assert.All(BuiltInRuleSets.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Citation?.Source)));
    }

    [Theory]
    [InlineData("classic", 2009, 2013)]
    [InlineData("aliresearch-2014", 2014, 2019)]
    [InlineData("aliresearch", 2020, null)]
    [InlineData("aliresearch-town-2014", 2014, 2018)]
    [InlineData("aliresearch-town-2019", 2019, 2019)]
    [InlineData("aliresearch-town", 2020, null)]
    public void Get_ById_HasEffectiveYears(string id, int from, int? to)
    {
        var ruleSet = BuiltInRuleSets.Get(new RuleSetId(id));

        Assert.Equal(new YearRange(from, to), ruleSet.EffectiveYears);
    }

    [Fact]
    public void Get_UnknownId_ThrowsNamingTheKnownOnes()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => BuiltInRuleSets.Get(new RuleSetId("nope")));

        Assert.Contains("aliresearch", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2009, "classic")]
    [InlineData(2013, "classic")]
    [InlineData(2014, "aliresearch-2014")]
    [InlineData(2019, "aliresearch-2014")]
    [InlineData(2020, "aliresearch")]
    [InlineData(2022, "aliresearch")]
    public void ForVillageYear_Year_PicksRuleSetInForce(int year, string id) =>
        Assert.Equal(id, BuiltInRuleSets.ForVillageYear(year).Id.Value);

    [Theory]
    [InlineData(2014, "aliresearch-town-2014")]
    [InlineData(2018, "aliresearch-town-2014")]
    [InlineData(2019, "aliresearch-town-2019")]
    [InlineData(2020, "aliresearch-town")]
    public void ForTownshipYear_Year_PicksRuleSetInForce(int year, string id) =>
        Assert.Equal(id, BuiltInRuleSets.ForTownshipYear(year).Id.Value);
}

/// <summary>Lets a fluent chain hand itself to a helper (the parts several rule sets share).</summary>
internal static class CriteriaBuilderChain
{
    public static CriteriaBuilder Then(this CriteriaBuilder builder, Func<CriteriaBuilder, CriteriaBuilder> parts) => parts(builder);
}
