using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class RuleSetBuilderTests
{
    [Theory]
    [InlineData(Comparison.AtLeast, "9223372036854775808")]
    [InlineData(Comparison.GreaterThan, "9223372036854775807")]
    public void TryBuild_CountThresholdNoRecordCanMeet_InvalidValue(Comparison comparison, string threshold)
    {
        var ok = new RuleSetBuilder("x", "1").Titled("t").For(RuleTarget.Village).EffectiveYears(2020)
            .AllOf("root", all => all.Require("shops", Metric.ActiveShops, c => c.Compare(comparison, decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture), Unit.Shops)))
            .TryBuild(out _, out var problems);

        Assert.False(ok);
        Assert.Contains(problems, p => p.Code == RuleProblemCodes.InvalidValue && p.Message.Contains("no record can meet", StringComparison.Ordinal));
    }

    [Fact]
    public void TryBuild_CountThresholdAtTheLongLimit_Valid()
    {
        Assert.True(new RuleSetBuilder("x", "1").Titled("t").For(RuleTarget.Village).EffectiveYears(2020)
            .AllOf("root", all => all.Require("shops", Metric.ActiveShops, c => c.AtLeast(long.MaxValue)))
            .TryBuild(out _, out _));
    }

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
        Assert.Contains(problems, p => p.Path == "$.version" && p.Code == RuleProblemCodes.InvalidVersion);
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

/// <summary>Each check of the shared validator, one criterion at a time (added after mutation testing found branches no test reached).</summary>
public class RuleSetValidatorBranchTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        { "category-with-threshold", "$.criteria.allOf[0].comparison", RuleProblemCodes.InvalidComparison },
        { "oneOf-without-values", "$.criteria.allOf[0].values", RuleProblemCodes.Missing },
        { "category-with-unit", "$.criteria.allOf[0].unit", RuleProblemCodes.WrongUnit },
        { "numeric-with-oneOf", "$.criteria.allOf[0].comparison", RuleProblemCodes.InvalidComparison },
        { "share-over-a-million", "$.criteria.allOf[0].threshold", RuleProblemCodes.InvalidValue },
        { "negative-threshold", "$.criteria.allOf[0].threshold", RuleProblemCodes.InvalidValue },
        { "fractional-count", "$.criteria.allOf[0].threshold", RuleProblemCodes.InvalidValue },
        { "missing-threshold", "$.criteria.allOf[0].threshold", RuleProblemCodes.MissingThreshold },
        { "citation-without-source", "$.criteria.allOf[0].citation.source", RuleProblemCodes.Missing },
        { "criterion-without-id", "$.criteria.allOf[0].id", RuleProblemCodes.Missing },
        { "criterion-bad-id", "$.criteria.allOf[0].id", RuleProblemCodes.InvalidId },
        { "undefined-comparison", "$.criteria.allOf[0].comparison", RuleProblemCodes.InvalidComparison },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryBuild_BrokenCriterion_ReportsPathAndCode(string which, string path, string code)
    {
        Criterion criterion = which switch
        {
            "category-with-threshold" => new Condition("c", Metric.MainPlatform, Comparison.AtLeast, 1m, Unit.None),
            "oneOf-without-values" => new Condition("c", Metric.MainPlatform, Array.Empty<string>()),
            "category-with-unit" => new Condition("c", Metric.Committee, ["village"]) { Unit = Unit.Shops },
            "numeric-with-oneOf" => new Condition("c", Metric.ActiveShops, ["100"]) { Unit = Unit.Shops },
            "share-over-a-million" => new Condition("c", Metric.ActiveShopShare, Comparison.AtLeast, 1_000_001m, Unit.Share),
            "negative-threshold" => new Condition("c", Metric.AnnualSales, Comparison.AtLeast, -1m, Unit.Cny),
            "fractional-count" => new Condition("c", Metric.ActiveShops, Comparison.AtLeast, 1.5m, Unit.Shops),
            "missing-threshold" => new Condition("c", Metric.ActiveShops, Comparison.AtLeast, 1m, Unit.Shops) { Threshold = null },
            "citation-without-source" => new Condition("c", Metric.ActiveShops, Comparison.AtLeast, 1m, Unit.Shops) { Citation = new Citation(" ") },
            "criterion-without-id" => new Condition(string.Empty, Metric.ActiveShops, Comparison.AtLeast, 1m, Unit.Shops),
            "criterion-bad-id" => new Condition("Bad Id", Metric.ActiveShops, Comparison.AtLeast, 1m, Unit.Shops),
            _ => new Condition("c", Metric.ActiveShops, (Comparison)42, 1m, Unit.Shops),
        };

        var ok = Builder().AllOf("root", all => all.Add(criterion)).TryBuild(out _, out var problems);

        Assert.False(ok);
        Assert.Contains(problems, p => p.Path == path && p.Code == code && p.RuleSetId == "checks");
    }

    [Fact]
    public void TryBuild_NestedTooDeep_ReportsTooDeep()
    {
        Criterion node = new Condition("leaf", Metric.ActiveShops, Comparison.AtLeast, 1m, Unit.Shops);
        for (var i = 0; i < 40; i++)
        {
            node = new CriterionGroup("g" + i, GroupKind.AllOf, [node]);
        }

        Builder().Criteria(node).TryBuild(out _, out var problems);

        Assert.Contains(problems, p => p.Code == RuleProblemCodes.TooDeep);
    }

    [Fact]
    public void TryBuild_ThirtyTwoLevels_IsAllowed()
    {
        Criterion node = new Condition("leaf", Metric.ActiveShops, Comparison.AtLeast, 1m, Unit.Shops);
        for (var i = 0; i < 31; i++)
        {
            node = new CriterionGroup("g" + i, GroupKind.AnyOf, [node]);
        }

        Assert.True(Builder().Criteria(node).TryBuild(out _, out var problems), string.Join("\n", problems));
    }

    [Fact]
    public void TryBuild_MissingChild_ReportsInvalidNode()
    {
        Builder().Criteria(new CriterionGroup("root", GroupKind.AllOf, [null!])).TryBuild(out _, out var problems);

        Assert.Contains(problems, p => p.Path == "$.criteria.allOf[0]" && p.Code == RuleProblemCodes.InvalidNode);
    }

    [Theory]
    [InlineData(1899, null)]
    [InlineData(10000, null)]
    [InlineData(2020, 2019)]
    [InlineData(2020, 10000)]
    public void TryBuild_BadYears_ReportsInvalidYears(int from, int? to)
    {
        Builder().EffectiveYears(from, to).TryBuild(out _, out var problems);

        Assert.Contains(problems, p => p.Path == "$.effectiveYears" && p.Code == RuleProblemCodes.InvalidYears);
    }

    [Theory]
    [InlineData(1900, null)]
    [InlineData(2020, 2020)]
    [InlineData(2020, 9999)]
    public void TryBuild_GoodYears_NoProblem(int from, int? to) =>
        Assert.True(Builder().EffectiveYears(from, to).TryBuild(out _, out _));

    [Fact]
    public void TryBuild_RuleSetCitationWithoutSource_Reported()
    {
        Builder().CitedTo("").TryBuild(out _, out var problems);

        Assert.Contains(problems, p => p.Path == "$.citation.source" && p.Code == RuleProblemCodes.Missing);
    }

    private static RuleSetBuilder Builder() => new RuleSetBuilder("checks", "1").Titled("checks").For(RuleTarget.Village).EffectiveYears(2020)
        .AllOf("root", all => all.Require("ok", Metric.ActiveShops, c => c.AtLeast(1)));
}

public class UnitNamesTests
{
    [Theory]
    [InlineData("atLeast", Comparison.AtLeast, "≥")]
    [InlineData(">=", Comparison.AtLeast, "≥")]
    [InlineData("≥", Comparison.AtLeast, "≥")]
    [InlineData("greaterThan", Comparison.GreaterThan, ">")]
    [InlineData(">", Comparison.GreaterThan, ">")]
    [InlineData("atMost", Comparison.AtMost, "≤")]
    [InlineData("<=", Comparison.AtMost, "≤")]
    [InlineData("≤", Comparison.AtMost, "≤")]
    [InlineData("lessThan", Comparison.LessThan, "<")]
    [InlineData("<", Comparison.LessThan, "<")]
    [InlineData("equalTo", Comparison.EqualTo, "=")]
    [InlineData("=", Comparison.EqualTo, "=")]
    [InlineData("==", Comparison.EqualTo, "=")]
    [InlineData("oneOf", Comparison.OneOf, "∈")]
    public void TryParseComparison_NameOrSymbol_Parses(string text, Comparison expected, string symbol)
    {
        Assert.True(UnitNames.TryParseComparison(text, out var comparison));
        Assert.Equal(expected, comparison);
        Assert.Equal(symbol, UnitNames.Symbol(comparison));
    }

    [Theory]
    [InlineData("at_least")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseComparison_Unknown_False(string? text) => Assert.False(UnitNames.TryParseComparison(text, out _));

    [Fact]
    public void Name_EveryUnitAndComparison_RoundTrips()
    {
        foreach (var unit in Enum.GetValues<Unit>())
        {
            Assert.True(UnitNames.TryParseUnit(UnitNames.Name(unit), out var back));
            Assert.Equal(unit, back);
        }

        foreach (var comparison in Enum.GetValues<Comparison>())
        {
            Assert.True(UnitNames.TryParseComparison(UnitNames.Name(comparison), out var back));
            Assert.Equal(comparison, back);
        }
    }
}
