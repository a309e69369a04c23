using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// How a file's villages spread around one numeric criterion's threshold: bins whose lower bounds are fixed fractions
/// and multiples of the threshold the rule set itself gives (<see cref="Steps"/>), so a chart drawn from it shows that
/// rule set's line, never a figure written elsewhere. One per numeric condition of a rule set (<see cref="ForRuleSet"/>).
/// </summary>
/// <remarks>Not thread-safe: <see cref="Add"/> counts in place; feed it from one thread.</remarks>
public sealed class CriterionHistogram
{
    private readonly long[] _counts;

    private CriterionHistogram(Condition condition, decimal threshold)
    {
        Condition = condition;
        Threshold = threshold;
        Bins = Steps.Select(s => s * threshold).ToList();
        _counts = new long[Steps.Count];
    }

    /// <summary>The bins' lower bounds as multiples of the threshold: 0, 0.1, 0.25, 0.5, 0.75, 1 (the threshold), 1.5, 2.5, 5, 10.</summary>
    public static IReadOnlyList<decimal> Steps { get; } = [0m, 0.1m, 0.25m, 0.5m, 0.75m, 1m, 1.5m, 2.5m, 5m, 10m];

    /// <summary>The index of the bin that starts at the threshold.</summary>
    public static int ThresholdBin { get; } = 5;

    /// <summary>The condition charted (its metric and comparison).</summary>
    public Condition Condition { get; }

    /// <summary>The threshold, in the metric's base unit (yuan, a count, a fraction).</summary>
    public decimal Threshold { get; }

    /// <summary>The bins' lower bounds, ascending, in the metric's base unit; a value falls in the last bin whose bound it reaches.</summary>
    public IReadOnlyList<decimal> Bins { get; }

    /// <summary>How many villages fell in each bin so far.</summary>
    public IReadOnlyList<long> Counts => _counts;

    /// <summary>
    /// One histogram per numeric condition of a rule set with a positive threshold, in rule-set order; a condition on
    /// the same metric and threshold as an earlier one is charted once.
    /// </summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The histograms, empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static IReadOnlyList<CriterionHistogram> ForRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.Criteria.DescendantsAndSelf().OfType<Condition>()
            .Where(c => c.Metric.Kind != MetricKind.Category && c.Threshold is > 0)
            .DistinctBy(c => (c.Metric, c.Threshold))
            .Select(c => new CriterionHistogram(c, c.Threshold!.Value))
            .ToList();
    }

    /// <summary>Counts one village's value of the metric; a village without one is not counted.</summary>
    /// <param name="record">The village.</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public void Add(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Condition.Metric.ValueOf(record) is { } value)
        {
            _counts[BinOf(value)]++;
        }
    }

    private int BinOf(decimal value)
    {
        for (var i = Bins.Count - 1; i > 0; i--)
        {
            if (value >= Bins[i])
            {
                return i;
            }
        }

        return 0;
    }
}
