using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using Outcome = TaobaoVillage.Engine.Outcome;

namespace TaobaoVillage.Tests;

/// <summary>
/// Every comparison on every numeric metric, against the comparison written out: the outcome is right, and a shortfall
/// is the smallest change in whole steps (one fen, one shop, one household) that makes the criterion pass.
/// (Added after mutation testing showed atMost, lessThan, equalTo and their shortfalls were not pinned.)
/// </summary>
public partial class RuleEvaluatorTests
{
    private static readonly Comparison[] NumericComparisons = [Comparison.AtLeast, Comparison.GreaterThan, Comparison.AtMost, Comparison.LessThan, Comparison.EqualTo];

    [Property(MaxTest = 500)]
    public Property Evaluate_AnyComparisonOnCounts_OutcomeAndMinimalShortfall() => Prop.ForAll(
        Arb.From(from m in Gen.Elements(Metric.ActiveShops, Metric.Households, Metric.EcommerceHouseholds)
                 from c in Gen.Elements(NumericComparisons)
                 select (Metric: m, Comparison: c)),
        Arb.From(
            from threshold in Gen.Choose(0, 300)
            from delta in Gen.Frequency((3, Gen.Elements(-1, 0, 1)), (1, Gen.Choose(-300, 300)))
            select (Threshold: threshold, Value: Math.Max(0, threshold + delta))),
        (criterion, pair) =>
        {
            // Built at the boundary by construction: most cases are the threshold itself or one step either side.
            var (metric, comparison) = criterion;
            var (threshold, value) = pair;
            var ruleSet = Single(metric, comparison, threshold);
            var record = With(metric, value);
            var verdict = ruleSet.Compile().Evaluate(record);
            if (metric == Metric.Households && value == 0)
            {
                // Validation is part of evaluation: no village has zero households.
                return (verdict.Eligibility == Eligibility.Invalid).ToProperty();
            }

            var result = verdict["c"];
            var expected = Holds(comparison, value, threshold);
            var boundary = Math.Abs(value - threshold) <= 1;
            if ((result.Outcome == Outcome.Pass) != expected || result.Observed != value)
            {
                return false.ToProperty();
            }

            if (expected)
            {
                return (result.Shortfall is null).Classify(boundary, "within one step of the threshold");
            }

            var amount = (int)result.Shortfall!.Value.Amount;
            var direction = comparison is Comparison.AtMost or Comparison.LessThan || (comparison == Comparison.EqualTo && value > threshold) ? -1 : 1;
            return (Holds(comparison, value + (direction * amount), threshold) && !Holds(comparison, value + (direction * (amount - 1)), threshold)
                    && result.Shortfall.Value.Direction == (direction < 0 ? ShortfallDirection.Less : ShortfallDirection.More))
                .Classify(boundary, "within one step of the threshold");
        });

    [Property(MaxTest = 300)]
    public Property Evaluate_AnyComparisonOnSales_ShortfallInWholeFen() => Prop.ForAll(
        Arb.From(Gen.Elements(NumericComparisons)),
        Arb.From(Gen.Choose(-500, 500)),
        (comparison, fen) =>
        {
            var value = 10_000_000m + (fen / 100m);
            var result = Single(Metric.AnnualSales, comparison, 10_000_000m).Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(value) })["c"];
            var expected = Holds(comparison, value, 10_000_000m);
            if ((result.Outcome == Outcome.Pass) != expected)
            {
                return false;
            }

            if (expected)
            {
                return result.Shortfall is null;
            }

            var amount = result.Shortfall!.Value.Amount;
            var up = comparison is Comparison.AtLeast or Comparison.GreaterThan || (comparison == Comparison.EqualTo && value < 10_000_000m);
            var moved = up ? value + amount : value - amount;
            var almost = up ? value + amount - 0.01m : value - amount + 0.01m;
            return Holds(comparison, moved, 10_000_000m) && !Holds(comparison, almost, 10_000_000m) && result.Shortfall.Value.Unit == Unit.Cny;
        });

    [Theory]
    [InlineData(TownshipKind.Township, Outcome.Pass)]
    [InlineData(TownshipKind.Subdistrict, Outcome.Fail)]
    [InlineData(null, Outcome.Unknown)]
    public void Evaluate_TownshipKindCriterion_ReadsTheKind(TownshipKind? kind, Outcome expected)
    {
        var ruleSet = new RuleSetBuilder("towns-2020", "1").Titled("t").For(RuleTarget.Township).EffectiveYears(2020)
            .AllOf("root", all => all.Require("kind", Metric.TownshipKind, c => c.IsOneOf("township")))
            .Build();

        // A code that says nothing, so that only the given kind counts.
        var result = ruleSet.Compile().Evaluate(new TownshipFigures("T-1") { Kind = kind })["kind"];

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(kind switch { TownshipKind.Township => "township", TownshipKind.Subdistrict => "subdistrict", _ => null }, result.Category);
    }

    [Fact]
    public void Evaluate_AllOfWithOneFailingPart_CarriesItsShortfall()
    {
        // Sales fail by one fen; the committee and shops pass: the root carries the sales shortfall.
        var verdict = AliResearch.Evaluate(Village(sales: 9_999_999.99m));

        Assert.Equal("annual-sales", verdict.Root.Shortfall!.Value.CriterionId);
        Assert.Equal(0.01m, verdict.Root.Shortfall!.Value.Amount);
    }

    [Fact]
    public void Evaluate_AllOfWithTwoFailingParts_NoSingleShortfall()
    {
        var verdict = AliResearch.Evaluate(Village(sales: 9_999_999.99m, shops: 5, households: 400));

        Assert.Equal(Outcome.Fail, verdict.Outcome);
        Assert.Null(verdict.Root.Shortfall);
        Assert.Equal(2, verdict.PathsToPass()[0].Steps.Count);
    }

    [Fact]
    public void Evaluate_AllOfOneFailOneUnknown_NoSingleShortfall()
    {
        var verdict = AliResearch.Evaluate(Village(sales: 9_999_999.99m, shops: null));

        Assert.Equal(Outcome.Fail, verdict.Outcome);
        Assert.Null(verdict.Root.Shortfall);
    }

    [Fact]
    public void Evaluate_AnyOfBothShort_PicksSmallerFractionEvenIfLargerAmount()
    {
        // 90 shops of 2000 households: 10 short of 100 (10% of the target) or 110 short of 200 (55%): the count wins;
        // with 950 households: 10 short of 100 (10%) or 5 short of 95 (5.3%): the share wins although both are shops.
        var far = AliResearch.Evaluate(Village(shops: 90, households: 2000))["active-shops"].Shortfall!.Value;
        var near = AliResearch.Evaluate(Village(shops: 90, households: 950))["active-shops"].Shortfall!.Value;

        Assert.Equal(("active-shop-count", 10m), (far.CriterionId, far.Amount));
        Assert.Equal(("active-shop-share", 5m), (near.CriterionId, near.Amount));
        Assert.True(near.Fraction < 0.06m && far.Fraction == 0.1m);
    }

    [Fact]
    public void Evaluate_ShareResult_ActualIsCountOverHouseholds()
    {
        var result = AliResearch.Evaluate(Village(shops: 30, households: 400))["active-shop-share"];

        Assert.Equal(0.075m, result.Actual);
        Assert.Equal(400m, result.Denominator);
        Assert.Equal(30m, result.Observed);
    }

    [Fact]
    public void Evaluate_MissingFigure_HasNoObservedValue()
    {
        var result = AliResearch.Evaluate(Village(shops: null))["active-shop-count"];

        Assert.Null(result.Observed);
        Assert.Null(result.Actual);
        Assert.Null(result.Denominator);
    }

    [Fact]
    public void CriterionResult_ToString_NamesValueAndThreshold()
    {
        var verdict = AliResearch.Evaluate(Village(sales: 9_999_999.99m, committee: null));

        Assert.Equal("annual-sales: fail (9999999.99 ≥ 10000000 cny)", verdict["annual-sales"].ToString());
        Assert.Equal("administrative-village: unknown (missing ∈ {village})", verdict["administrative-village"].ToString());
        Assert.Equal("active-shops: pass", verdict["active-shops"].ToString());
    }

    [Fact]
    public void CriterionResult_Equality_ComparesEveryPart()
    {
        var a = AliResearch.Evaluate(Village(sales: 9_999_999.99m));
        var b = AliResearch.Evaluate(Village(sales: 9_999_999.99m));
        var c = AliResearch.Evaluate(Village(sales: 9_999_999.98m));

        Assert.True(a["annual-sales"] == b["annual-sales"]);
        Assert.True(a["annual-sales"] != c["annual-sales"]);
        Assert.False(a["annual-sales"].Equals(a["active-shops"]));
        Assert.NotEqual(a["active-shop-share"], AliResearch.Evaluate(Village(households: 401))["active-shop-share"]);
    }

    private static RuleSet Single(Metric metric, Comparison comparison, decimal threshold) =>
        new RuleSetBuilder("single", "1").Titled("one criterion").For(RuleTarget.Village).EffectiveYears(2020)
            .AllOf("root", all => all.Require("c", metric, c => c.Compare(comparison, threshold, metric.Unit)))
            .Build();

    private static VillageRecord With(Metric metric, long value) => metric.Name switch
    {
        "active_shops" => new VillageRecord(new VillageCode("1")) { ActiveShops = value },
        "households" => new VillageRecord(new VillageCode("1")) { Households = value },
        _ => new VillageRecord(new VillageCode("1")) { EcommerceHouseholds = value },
    };

    private static bool Holds(Comparison comparison, decimal value, decimal threshold) => Holds(comparison, value.CompareTo(threshold));
}
