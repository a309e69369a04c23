using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using Outcome = TaobaoVillage.Engine.Outcome;

namespace TaobaoVillage.Tests;

/// <summary>
/// Counts and shares are decided in whole numbers (64 and 128 bits, or unlimited for thresholds of many places): checked
/// against the comparison written out in unlimited integers, for thresholds of up to 28 places, trailing zeros, and
/// counts up to <see cref="long.MaxValue"/>.
/// </summary>
public partial class RuleEvaluatorTests
{
    [Property(MaxTest = 500)]
    public Property Evaluate_ShareAnyThresholdAndCounts_AgreesWithExactArithmetic() => Prop.ForAll(
        Arb.From(Gen.Elements(NumericComparisons)),
        Arb.From(ThresholdText(maxWholeDigits: 6)),
        Arb.From(
            from households in Gen.Frequency((3, Gen.Choose(1, 5_000).Select(h => (long)h)), (1, HugeCounts()))
            from delta in Gen.Frequency((3, Gen.Choose(-2, 2)), (1, Gen.Choose(-100_000, 100_000)))
            select (Households: households, Delta: delta)),
        (comparison, text, counts) =>
        {
            // Shops near the threshold × households: most cases sit on or one shop either side of the boundary.
            var (parts, whole) = Fraction(text);
            var shops = (long)BigInteger.Clamp((parts * counts.Households / whole) + counts.Delta, 0, long.MaxValue);
            var result = Single(Metric.ActiveShopShare, comparison, decimal.Parse(text, CultureInfo.InvariantCulture)).Compile()
                .Evaluate(new VillageRecord(new VillageCode("1")) { ActiveShops = shops, Households = counts.Households })["c"];

            bool Exact(BigInteger count) => Holds(comparison, BigInteger.Compare(count * whole, parts * counts.Households));
            if ((result.Outcome == Outcome.Pass) != Exact(shops))
            {
                return false.Label($"{shops} shops of {counts.Households} households {comparison} {text}: {result.Outcome}");
            }

            if (result.Outcome == Outcome.Pass || comparison == Comparison.EqualTo)
            {
                return true.Label("passes, or equality (whose shortfall may be a fraction)");
            }

            // The shortfall is the smallest whole number of shops that makes the share pass.
            var amount = (BigInteger)result.Shortfall!.Value.Amount;
            var direction = comparison is Comparison.AtLeast or Comparison.GreaterThan ? 1 : -1;
            return (amount > 0 && Exact(shops + (direction * amount)) && !Exact(shops + (direction * (amount - 1))))
                .Label($"shortfall {amount} for {shops} of {counts.Households} {comparison} {text}");
        });

    [Property(MaxTest = 300)]
    public Property Evaluate_CountAnyWholeThreshold_AgreesWithExactArithmetic() => Prop.ForAll(
        Arb.From(Gen.Elements(NumericComparisons)),
        Arb.From(
            from digits in Gen.Frequency((3, Gen.Choose(0, 1_000).Select(t => t.ToString(CultureInfo.InvariantCulture))), (1, HugeCounts().Select(t => t.ToString(CultureInfo.InvariantCulture))))
            from zeros in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 4)))
            select zeros == 0 ? digits : digits + "." + new string('0', zeros)),
        Arb.From(Gen.Frequency((3, Gen.Choose(-2, 2)), (1, Gen.Choose(-1_000, 1_000)))),
        (comparison, text, delta) =>
        {
            // A whole threshold written with places (100.00) is the same number; counts near it, up to long.MaxValue.
            var threshold = BigInteger.Parse(text.Split('.')[0], CultureInfo.InvariantCulture);
            var shops = (long)BigInteger.Clamp(threshold + delta, 0, long.MaxValue);
            var result = Single(Metric.ActiveShops, comparison, decimal.Parse(text, CultureInfo.InvariantCulture)).Compile()
                .Evaluate(new VillageRecord(new VillageCode("1")) { ActiveShops = shops })["c"];

            return ((result.Outcome == Outcome.Pass) == Holds(comparison, BigInteger.Compare(shops, threshold)))
                .Label($"{shops} shops {comparison} {text}: {result.Outcome}");
        });

    [Fact]
    public void Evaluate_ShareThresholdOfManyPlaces_NotRoundedIntoAPass()
    {
        // 790,000.000…01 (23 places, 29 digits) × 11 million million households is 8.69 × 10¹⁸ + 0.00000000011: in decimal
        // the product keeps 28 or 29 digits and rounds to 8.69 × 10¹⁸ exactly, so 8.69 × 10¹⁸ shops passed "at least"
        // (found by hand while moving shares to whole numbers). They are short by one shop.
        var threshold = decimal.Parse("790000.00000000000000000000001", CultureInfo.InvariantCulture);
        var record = new VillageRecord(new VillageCode("1")) { ActiveShops = 8_690_000_000_000_000_000, Households = 11_000_000_000_000 };

        var result = Single(Metric.ActiveShopShare, Comparison.AtLeast, threshold).Compile().Evaluate(record)["c"];

        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(1m, result.Shortfall!.Value.Amount);
    }

    [Theory]
    [InlineData("0.1", Outcome.Pass)]
    [InlineData("0.10", Outcome.Pass)]
    [InlineData("0.1000000000000000000000000000", Outcome.Pass)]
    [InlineData("0.1000000000000000000000000001", Outcome.Fail)]
    [InlineData("0.0999999999999999999999999999", Outcome.Pass)]
    public void Evaluate_ShareThresholdWithPlaces_ExactAtTheBoundary(string threshold, Outcome expected)
    {
        // 40 shops among 400 households is exactly 10%: trailing zeros change nothing, one unit in the 28th place does.
        var ruleSet = Single(Metric.ActiveShopShare, Comparison.AtLeast, decimal.Parse(threshold, CultureInfo.InvariantCulture));

        var result = ruleSet.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { ActiveShops = 40, Households = 400 })["c"];

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData("active_shops", "100", "WholeCount")]
    [InlineData("active_shops", "100.00", "WholeCount")]
    [InlineData("active_shop_share", "0.10", "WholeShare")]
    [InlineData("active_shop_share", "0.1000000000000000000000000001", "Share")]
    [InlineData("annual_sales_cny", "10000000", "Value")]
    [InlineData("main_platform", null, "Category")]
    public void Compile_Condition_DecidedTheCheapestExactWay(string metricName, string? threshold, string expected)
    {
        // Every form is exact, so only this shows a threshold that could be whole numbers falling back to a slower way.
        Assert.True(Metric.TryFind(metricName, out var metric));
        var ruleSet = threshold is null
            ? new RuleSetBuilder("single", "1").Titled("one criterion").For(RuleTarget.Village).EffectiveYears(2020)
                .AllOf("root", all => all.Require("c", metric, c => c.IsOneOf("taobao"))).Build()
            : Single(metric, Comparison.AtLeast, decimal.Parse(threshold, CultureInfo.InvariantCulture));

        Assert.Equal(expected, ruleSet.Compile().Nodes[1].Form.ToString());
    }

    /// <summary>A threshold's text: up to <paramref name="maxWholeDigits"/> whole digits and up to 28 digits in all, sometimes ending in zeros.</summary>
    private static Gen<string> ThresholdText(int maxWholeDigits) =>
        from wholeDigits in Gen.Choose(0, maxWholeDigits)
        from places in Gen.Frequency((3, Gen.Choose(0, 4)), (2, Gen.Choose(5, 28 - wholeDigits)))
        from digits in Gen.ArrayOf(Gen.Choose(0, 9), wholeDigits + places)
        let text = string.Concat(digits)
        select (wholeDigits == 0 ? "0" : text[..wholeDigits]) + (places == 0 ? string.Empty : "." + text[wholeDigits..]);

    private static Gen<long> HugeCounts() => Gen.Frequency(
        (1, Gen.Choose(0, 1_000).Select(d => long.MaxValue - d)),
        (2, from high in Gen.Choose(1, int.MaxValue) from low in Gen.Choose(0, int.MaxValue) select ((long)high << 32) | (uint)low));

    private static (BigInteger Parts, BigInteger Whole) Fraction(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0
            ? (BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.One)
            : (BigInteger.Parse(text.Remove(point, 1), CultureInfo.InvariantCulture), BigInteger.Pow(10, text.Length - point - 1));
    }

    private static bool Holds(Comparison comparison, int sign) => comparison switch
    {
        Comparison.AtLeast => sign >= 0,
        Comparison.GreaterThan => sign > 0,
        Comparison.AtMost => sign <= 0,
        Comparison.LessThan => sign < 0,
        _ => sign == 0,
    };
}
