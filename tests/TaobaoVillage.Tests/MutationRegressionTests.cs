using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>Tests written for mutants Stryker found surviving in the engine (issue 15); each names what it guards.</summary>
public class MutationRegressionTests
{
    // Survivor: the category mask built with 1 >> index passed every test, since no test accepted a value but the first.
    [Theory]
    [InlineData(Platform.Taobao, Outcome.Pass)]
    [InlineData(Platform.Tmall, Outcome.Pass)]
    [InlineData(Platform.JD, Outcome.Fail)]
    public void Evaluate_ClassicMainPlatform_EveryAcceptedValuePasses(Platform platform, Outcome expected)
    {
        var verdict = BuiltInRuleSets.Classic.Compile().Evaluate(new VillageRecord(new VillageCode("330782100001")) { MainPlatform = platform });

        Assert.Equal(expected, verdict[BuiltInCriteria.MainPlatformTaobao].Outcome);
    }

    // Survivor: the shortfall of a number metric (steps of 0.0001) divided instead of multiplied by its step.
    [Fact]
    public void Evaluate_AttributeBelowThreshold_ShortfallInStepsOfTheMetric()
    {
        var rules = RuleSetJson.Parse("""
            { "id": "attr", "version": "1", "title": "attr", "target": "village", "effectiveYears": { "from": 2020 },
              "criteria": { "id": "score", "metric": "attribute:score", "comparison": "atLeast", "threshold": 1.5, "unit": "number" } }
            """);
        var record = new VillageRecord(new VillageCode("1")) { Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("score", "1.23") };

        Assert.Equal(0.27m, rules.Compile().Evaluate(record).Root.Shortfall!.Value.Amount);
    }

    // Survivor: Explained skipping the root even when the root is the only criterion.
    [Fact]
    public void Explained_RootIsACondition_ListsIt()
    {
        var verdict = BuiltInRuleSets.AliResearchTown2014.Compile().Evaluate(new TownshipFigures("330782100") { TaobaoVillages = 2 });

        Assert.Equal(["taobao-villages"], verdict.Explained.Select(r => r.Id));
    }

    // Survivor: an invalid verdict's criteria, read through the writer's path, must be empty, not an index error.
    [Fact]
    public void FormatCriteria_InvalidVerdict_EmptyArray()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Households = 0 });

        Assert.Equal("[]", VerdictJsonWriter.FormatCriteria(verdict));
    }

    // Survivor: ties between any-of parts broken towards the later part (<= for <): the first cheapest part is reported.
    [Fact]
    public void Evaluate_AnyOfPartsEquallyShort_FirstPartsShortfall()
    {
        var rules = new RuleSetBuilder("tie", "1").Titled("tie").For(RuleTarget.Village).EffectiveYears(2020)
            .AnyOf("root", g => g
                .Require("shops", Metric.ActiveShops, c => c.AtLeast(100))
                .Require("households", Metric.Households, c => c.AtLeast(100)))
            .Build();

        var verdict = rules.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { ActiveShops = 90, Households = 90 });

        Assert.Equal("shops", verdict.Root.Shortfall!.Value.CriterionId);
    }

    // Survivor: Dominates with Any for All: a path needing more of one figure but less of another dominates nothing.
    [Fact]
    public void Dominates_MoreOfOneLessOfAnother_Neither()
    {
        var a = new PathToPass([new Shortfall("s", Metric.AnnualSales, 10m, Unit.Cny), new Shortfall("h", Metric.ActiveShops, 5m, Unit.Shops)], []);
        var b = new PathToPass([new Shortfall("s", Metric.AnnualSales, 20m, Unit.Cny), new Shortfall("h", Metric.ActiveShops, 1m, Unit.Shops)], []);

        Assert.False(a.Dominates(b));
        Assert.False(b.Dominates(a));
    }

    // Survivor: the "no source" sentinel -1 turned into +1 gave a passing any-of group its failing first part's shortfall.
    [Fact]
    public void Evaluate_AnyOfPassingThroughALaterPart_NoShortfall()
    {
        var verdict = Group(GroupKindFor.AnyOf).Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Households = 90, ActiveShops = 150 });

        Assert.Equal(Outcome.Pass, verdict.Root.Outcome);
        Assert.Null(verdict.Root.Shortfall);
    }

    // Survivor: the same sentinel in all-of: two failing parts need two steps, so the group names no single shortfall.
    [Fact]
    public void Evaluate_AllOfTwoPartsFailing_NoSingleShortfall()
    {
        var verdict = Group(GroupKindFor.AllOf).Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Households = 90, ActiveShops = 90 });

        Assert.Equal(Outcome.Fail, verdict.Root.Outcome);
        Assert.Null(verdict.Root.Shortfall);
        Assert.Equal(2, verdict.PathsToPass().Single().Steps.Count);
    }

    private enum GroupKindFor
    {
        AllOf,
        AnyOf,
    }

    private static RuleSet Group(GroupKindFor kind)
    {
        var builder = new RuleSetBuilder("sentinel", "1").Titled("sentinel").For(RuleTarget.Village).EffectiveYears(2020);
        void Parts(CriteriaBuilder g) => g
            .Require("households", Metric.Households, c => c.AtLeast(100))
            .Require("shops", Metric.ActiveShops, c => c.AtLeast(100));
        return (kind == GroupKindFor.AllOf ? builder.AllOf("root", Parts) : builder.AnyOf("root", Parts)).Build();
    }
}
