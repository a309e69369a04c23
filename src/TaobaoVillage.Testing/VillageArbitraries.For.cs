using FsCheck;
using FsCheck.Fluent;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Testing;

/// <summary>Generators for the rule set under test: records clustered at its own thresholds.</summary>
public static partial class VillageArbitraries
{
    /// <summary>
    /// Valid records clustered at the thresholds of <paramref name="ruleSet"/> — the rule set under test, not the
    /// published one: each numeric criterion's figure on its threshold or one step either side (one fen, one shop, one
    /// household; for a share the count at ⌈share × households⌉ ± 1), sometimes anywhere up to twice the threshold;
    /// each category criterion's value inside or outside its set; now and then a figure missing. Values are set
    /// through the metric descriptors, so a metric added to the library is generated too.
    /// </summary>
    /// <param name="ruleSet">A village rule set.</param>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static Gen<VillageRecord> BoundaryRecordFor(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var conditions = ruleSet.Criteria.DescendantsAndSelf().OfType<Condition>().Where(c => c.Metric.AppliesToVillages).ToArray();
        var gen = ValidRecord.Select(r => r with { EcommerceHouseholds = null });
        foreach (var condition in conditions)
        {
            var c = condition;
            gen = from record in gen
                  from step in Step(c)
                  select step(record);
        }

        return gen.Select(KeepValid);
    }

    /// <summary><see cref="BoundaryRecordFor"/> as an arbitrary that shrinks (to records still valid).</summary>
    /// <param name="ruleSet">A village rule set.</param>
    /// <returns>The arbitrary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static Arbitrary<VillageRecord> For(RuleSet ruleSet) => Arb.From(BoundaryRecordFor(ruleSet), r => Shrink(r).Where(VillageRecordValidator.IsValid));

    /// <summary>How one criterion moves a record to (or near) its boundary.</summary>
    private static Gen<Func<VillageRecord, VillageRecord>> Step(Condition c)
    {
        var metric = c.Metric;
        if (metric.Kind == MetricKind.Category)
        {
            return Gen.Frequency(
                (4, Gen.Choose(0, metric.Categories.Count - 1).Select(i => (Func<VillageRecord, VillageRecord>)(r => metric.With(r, i)))),
                (1, Gen.Constant<Func<VillageRecord, VillageRecord>>(r => metric.With(r, null))));
        }

        var threshold = c.Threshold ?? 0m;
        var near = Gen.Frequency((6, Gen.Elements(-1, 0, 1)), (2, Gen.Choose(-1000, 1000)), (1, Gen.Constant(int.MinValue)));
        if (metric.Numerator is { } numerator)
        {
            return from households in Gen.Frequency((3, Gen.Choose(1, 120)), (2, Gen.Choose(1, 20_000)))
                   from delta in near
                   select (Func<VillageRecord, VillageRecord>)(r =>
                   {
                       var withHouseholds = metric.Denominator!.With(r, households);
                       if (delta == int.MinValue)
                       {
                           return numerator.With(withHouseholds, null);
                       }

                       var count = Math.Max(0m, decimal.Ceiling(threshold * households) + delta);
                       return numerator.With(withHouseholds, numerator.AtMostHouseholds ? Math.Min(count, households) : count);
                   });
        }

        var quantum = metric.Kind == MetricKind.Money ? 0.01m : 1m;
        return from delta in near
               select (Func<VillageRecord, VillageRecord>)(r => delta == int.MinValue
                   ? Set(metric, r, null)
                   : Set(metric, r, Math.Max(metric.MustBePositive ? 1m : 0m, threshold + (delta * quantum))));
    }

    /// <summary>A metric's value set through its descriptor, or for an attribute metric its column.</summary>
    private static VillageRecord Set(Metric metric, VillageRecord record, decimal? value) => metric.AttributeName is { } column
        ? record with { Attributes = value is { } v ? record.Attributes.SetItem(column, v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : record.Attributes.Remove(column) }
        : metric.IsRecordField ? metric.With(record, value) : record;

    /// <summary>Engaged households never above households, so that every record generated is valid.</summary>
    private static VillageRecord KeepValid(VillageRecord record) =>
        record.EcommerceHouseholds is { } e && record.Households is { } h && e > h ? record with { Households = e == 0 ? 1 : e } : record;
}
