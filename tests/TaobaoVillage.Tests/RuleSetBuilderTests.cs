using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class RuleSetBuilderTests
{
    [Fact]
    public void TryBuild_ProblemsEverywhere_ReportsAllWithJsonPaths()
    {
        var ok = new RuleSetBuilder("Bad Id", "")
            .For(RuleTarget.Township)
            .EffectiveYears(2020, 2010)
            .AllOf("root", all => all
                .Require("shops", Metric.ActiveShops, c => c.AtLeast(Cny.FromYuan(5)))
                .Require("platform", Metric.MainPlatform, c => c.IsOneOf("taobao"))
                .AnyOf("empty", _ => { })
                .Require("shops", Metric.TaobaoVillages, c => c.AtLeast(3)))
            .TryBuild(out var ruleSet, out var problems);

        Assert.False(ok);
        Assert.Null(ruleSet);
        Assert.Contains(problems, p => p.Path == "$.id" && p.Code == RuleProblemCodes.InvalidId);
        Assert.Contains(problems, p => p.Path == "$.version");
        Assert.Contains(problems, p => p.Path == "$.title" && p.Code == RuleProblemCodes.Missing);
        Assert.Contains(problems, p => p.Path == "$.effectiveYears" && p.Code == RuleProblemCodes.InvalidYears);
        Assert.Contains(problems, p => p.Path == "$.criteria.allOf[0].unit" && p.Code == RuleProblemCodes.WrongUnit);
        Assert.Contains(problems, p => p.Path == "$.criteria.allOf[1].metric" && p.Code == RuleProblemCodes.MetricNotForTarget);
        Assert.Contains(problems, p => p.Path == "$.criteria.allOf[2].anyOf" && p.Code == RuleProblemCodes.EmptyGroup);
        Assert.Contains(problems, p => p.Path == "$.criteria.allOf[3].id" && p.Code == RuleProblemCodes.DuplicateId);
    }

    [Fact]
    public void Build_Invalid_ThrowsRuleSetException()
    {
        var ex = Assert.Throws<RuleSetException>(() => new RuleSetBuilder("x", "1").Build());

        Assert.Contains(ex.Problems, p => p.Path == "$.criteria");
    }

    [Fact]
    public void Build_CustomProvincialRule_EvaluatesWithItsThresholds()
    {
        var ruleSet = new RuleSetBuilder("zhejiang-2025", "2025.1")
            .Titled("A provincial e-commerce village")
            .For(RuleTarget.Village)
            .EffectiveYears(2025)
            .AllOf("root", all => all
                .Require("sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(8_000_000m)))
                .Require("broadband", Metric.Attribute("broadband_share"), c => c.Compare(Comparison.AtLeast, 0.5m, Unit.Number)))
            .Build();
        var record = new VillageRecord(new VillageCode("1"))
        {
            AnnualSales = Cny.FromYuan(8_000_000m),
            Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("broadband_share", "0.5"),
        };

        Assert.True(ruleSet.Compile().Evaluate(record).IsEligible);
    }

    [Fact]
    public void Compile_Twice_ReturnsSameEvaluator()
    {
        var ruleSet = BuiltInRuleSets.AliResearch;

        Assert.Same(ruleSet.Compile(), ruleSet.Compile());
    }
}
