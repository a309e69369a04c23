using TaobaoVillage.AwardPolicy.Rules;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.AwardPolicy.Tests;

/// <summary>The county's award policy, run as NRules rules over TaobaoVillage's outcomes.</summary>
public class PolicyTests
{
    private static readonly Lazy<List<VillageRecord>> Sample = new(() => CsvRecordReader
        .ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "sample-villages.csv"))
        .Where(r => r.Value is not null).Select(r => r.Value!).ToList());

    private static VillageRecord Village(string code, decimal sales, long? shops = 150, int year = 2018) => new(new VillageCode(code))
    {
        Year = year, Province = "浙江省", City = "金华市", County = "义乌市", Township = "佛堂镇",
        AnnualSales = Cny.FromYuan(sales), ActiveShops = shops, Households = 500,
    };

    private static List<Award> AwardsFor(PolicyResult result, string recipient) => [.. result.Awards.Where(a => a.Recipient == recipient)];

    [Fact]
    public void Run_BundledSample_OneNewVillageAwardPerTaobaoVillageTheEvaluatorFinds()
    {
        var expected = Sample.Value.Count(r => BuiltInRuleSets.ForVillageYear(r.Year!.Value).Compile().Evaluate(r).IsEligible);

        var result = Policy.Run(Sample.Value, []);

        Assert.InRange(expected, 1, Sample.Value.Count - 1);
        Assert.Equal(expected, result.Awards.Count(a => a.AmountCny == NewTaobaoVillageAward.Amount && a.Reason.StartsWith("new Taobao Village", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_TaobaoVillageTheYearBefore_NoNewAwardThisYear()
    {
        var result = Policy.Run([Village("330782100201", 12_000_000m, year: 2017), Village("330782100201", 12_000_000m, year: 2018)], []);

        Assert.Equal(["new Taobao Village 2017"], AwardsFor(result, "330782100201").Select(a => a.Reason));
    }

    [Fact]
    public void Run_ThreeTaobaoVillagesInATownship_TownAwarded200k()
    {
        var result = Policy.Run([Village("330782100201", 12_000_000m), Village("330782100202", 11_000_000m), Village("330782100203", 10_000_000m)], []);

        Assert.Equal(NewTaobaoTownAward.Amount, Assert.Single(AwardsFor(result, "佛堂镇")).AmountCny);
    }

    [Fact]
    public void Run_TwoTaobaoVillagesAndOneShortByOneFen_NoTownAward()
    {
        var result = Policy.Run([Village("330782100201", 12_000_000m), Village("330782100202", 11_000_000m), Village("330782100203", 9_999_999.99m)], []);

        Assert.Empty(AwardsFor(result, "佛堂镇"));
    }

    [Theory]
    [InlineData("义乌市", 1)]
    [InlineData("曹县", 0)]
    public void Run_ListedCounty_BonusPerTaobaoVillage(string listed, int bonuses)
    {
        var result = Policy.Run([Village("330782100201", 12_000_000m), Village("330782100202", 11_000_000m)], [listed]);

        Assert.Equal(bonuses, AwardsFor(result, "义乌市").Count);
        Assert.All(AwardsFor(result, "义乌市"), a => Assert.Equal(2 * BonusCountyAward.PerVillage, a.AmountCny));
    }

    [Fact]
    public void Run_SalesMissing_OnCollectDataListAndNotAwarded()
    {
        var result = Policy.Run([Village("330782100201", 0m) with { AnnualSales = null, ActiveShops = 50 }], []);

        Assert.Empty(result.Awards);
        Assert.Contains(result.Requests, r => r.Village == "330782100201" && r.Missing.Contains(Metrics.Metric.AnnualSales.Name));
    }

    [Fact]
    public void ShopTraining_ShopsMissing_UnknownSoNeitherGrantedNorRefusedButAskedFor()
    {
        // A rule reading the missing shop count as 0 would grant it; as "no", refuse it. Three-valued, it asks.
        var result = Policy.Run([Village("330782100201", 6_000_000m, shops: null)], []);

        Assert.DoesNotContain(result.Awards, a => a.Reason == "shop training");
        Assert.Contains(result.Requests, r => r.Village == "330782100201" && r.Reason == "shop training");
    }

    [Theory]
    [InlineData(99, 1)]
    [InlineData(100, 0)]
    public void ShopTraining_KnownShops_GrantedBelowHundred(long shops, int grants)
    {
        var result = Policy.Run([Village("330782100201", 5_000_000m, shops: shops)], []);

        Assert.Equal(grants, result.Awards.Count(a => a.Reason == "shop training"));
        Assert.DoesNotContain(result.Requests, r => r.Reason == "shop training");
    }

    [Fact]
    public void Run_BundledSample_TotalIsTheSumOfExactAwards()
    {
        var result = Policy.Run(Sample.Value, ["曹县"]);

        Assert.Equal(result.Awards.Sum(a => a.AmountCny), result.TotalCny);
        Assert.Equal(0m, result.TotalCny % 10_000m);
    }
}
