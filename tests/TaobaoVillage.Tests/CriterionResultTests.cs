using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Tests;

/// <summary>A verdict's results are data: computed once, the same on every read, equal by value.</summary>
public class CriterionResultTests
{
    private static readonly VillageRecord Record = new(new VillageCode("330782100001"))
    {
        Year = 2020,
        AnnualSales = Cny.FromYuan(9_000_000m),
        ActiveShops = 40,
        Households = 500,
        Committee = CommitteeKind.Village,
    };

    [Fact]
    public void Equals_TwoVerdictsOfOneRecord_EqualResultByResult()
    {
        var evaluator = BuiltInRuleSets.AliResearch.Compile();
        var first = evaluator.Evaluate(Record).Criteria.ToList();
        var second = evaluator.Evaluate(Record).Criteria.ToList();

        Assert.Equal(first, second);
        Assert.Equal(first.Select(r => r.GetHashCode()), second.Select(r => r.GetHashCode()));
    }

    [Fact]
    public void Equals_OtherFigures_NotEqual()
    {
        var evaluator = BuiltInRuleSets.AliResearch.Compile();
        var sales = evaluator.Evaluate(Record)["annual-sales"];
        var more = evaluator.Evaluate(Record with { AnnualSales = Cny.FromYuan(9_500_000m) })["annual-sales"];

        Assert.Equal(sales.Outcome, more.Outcome);
        Assert.NotEqual(sales, more);
    }

    [Fact]
    public void Shortfall_ReadTwiceAndFromManyThreads_SameValues()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(Record);

        var shortfalls = Enumerable.Range(0, 8).AsParallel().Select(_ => verdict.Criteria.Select(r => (r.Id, r.Observed, r.Actual, r.Shortfall)).ToList()).ToList();

        Assert.All(shortfalls, s => Assert.Equal(shortfalls[0], s));
        Assert.Equal(1_000_000m, verdict["annual-sales"].Shortfall?.Amount);
        Assert.Equal(10, verdict["active-shop-share"].Shortfall?.Amount);
        Assert.Equal(500m, verdict["active-shop-share"].Denominator);
    }
}
