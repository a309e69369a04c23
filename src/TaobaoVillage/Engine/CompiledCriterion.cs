using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>One criterion compiled: its comparison, threshold and category mask ready, its value read through its metric's descriptor.</summary>
internal struct CompiledCriterion
{
    public Criterion Criterion;
    public Condition? Condition;
    public GroupKind Kind;
    public int[]? Children;
    public Metric Metric;
    public Comparison Comparison;
    public decimal Threshold;
    public decimal Quantum;
    public ulong Mask;

    /// <summary>Compiles a tree in pre-order into <paramref name="nodes"/>; returns the node's index.</summary>
    public static int Compile(Criterion criterion, List<CompiledCriterion> nodes)
    {
        var index = nodes.Count;
        nodes.Add(default);
        switch (criterion)
        {
            case CriterionGroup group:
                var children = new int[group.Children.Length];
                for (var i = 0; i < children.Length; i++)
                {
                    children[i] = Compile(group.Children[i], nodes);
                }

                nodes[index] = new CompiledCriterion { Criterion = group, Kind = group.Kind, Children = children };
                break;
            case Condition c:
                var mask = 0ul;
                foreach (var value in c.Values)
                {
                    // The validator admits only the metric's own category names.
                    mask |= c.Metric.CategoryParser!(value, out var at) ? 1ul << at : 0;
                }

                nodes[index] = new CompiledCriterion
                {
                    Criterion = c,
                    Condition = c,
                    Metric = c.Metric,
                    Comparison = c.Comparison,
                    Threshold = c.Threshold ?? 0m,
                    Mask = mask,
                    Quantum = c.Metric.Kind switch
                    {
                        MetricKind.Money => 0.01m,
                        MetricKind.Number => 0.0001m,
                        _ => 1m,
                    },
                };
                break;
        }

        return index;
    }

    /// <summary>The outcome of a condition on these facts: all evaluation computes (the explanation is <see cref="Explain"/>, on demand).</summary>
    public readonly Outcome Decide(Subject facts)
    {
        if (Metric.Kind == MetricKind.Category)
        {
            var value = facts.Category(Metric);
            return value < 0 ? Outcome.Unknown : (Mask & (1ul << value)) != 0 ? Outcome.Pass : Outcome.Fail;
        }

        if (Metric.Numerator is { } numerator)
        {
            // Exact: count ≥ share × households, never a floating-point ratio.
            return facts.Value(numerator) is { } n && facts.Value(Metric.Denominator!) is { } h && h > 0 ? Compare(n, Threshold * h) : Outcome.Unknown;
        }

        return facts.Value(Metric) is { } v ? Compare(v, Threshold) : Outcome.Unknown;
    }

    /// <summary>What a condition saw and what it misses, given the outcome <see cref="Decide"/> gave on the same facts.</summary>
    public readonly ResultDetail Explain(Subject facts, Outcome outcome)
    {
        if (Metric.Kind == MetricKind.Category)
        {
            return outcome == Outcome.Unknown ? default : new ResultDetail(category: Metric.Categories[facts.Category(Metric)], fromName: facts.ReadFromName(Metric));
        }

        if (Metric.Numerator is { } numerator)
        {
            var num = facts.Value(numerator);
            var households = facts.Value(Metric.Denominator!);
            if (outcome == Outcome.Unknown)
            {
                return new ResultDetail(num, households);
            }

            var (n, h) = (num!.Value, households!.Value);
            var required = Threshold * h;
            return outcome == Outcome.Fail && TryGap(n, required, 1m, out var amount)
                ? new ResultDetail(n, h, shortfallSource: Condition, shortfallAmount: amount, required: required)
                : new ResultDetail(n, h);
        }

        if (facts.Value(Metric) is not { } v)
        {
            return default;
        }

        return outcome == Outcome.Fail && TryGap(v, Threshold, Quantum, out var gap)
            ? new ResultDetail(v, shortfallSource: Condition, shortfallAmount: gap, required: Threshold)
            : new ResultDetail(v);
    }

    private readonly bool TryGap(decimal value, decimal required, decimal quantum, out decimal amount)
    {
        try
        {
            amount = Gap(value, required, quantum);
            return true;
        }
        catch (OverflowException)
        {
            // Only absurd figures (near decimal's limits) get here: say "fails" without an amount rather than throw.
            amount = 0;
            return false;
        }
    }

    private readonly Outcome Compare(decimal value, decimal threshold)
    {
        var ok = Comparison switch
        {
            Comparison.AtLeast => value >= threshold,
            Comparison.GreaterThan => value > threshold,
            Comparison.AtMost => value <= threshold,
            Comparison.LessThan => value < threshold,
            _ => value == threshold,
        };
        return ok ? Outcome.Pass : Outcome.Fail;
    }

    /// <summary>The smallest change, in steps of <paramref name="quantum"/> (one fen, one shop), that makes the comparison pass.</summary>
    private readonly decimal Gap(decimal value, decimal threshold, decimal quantum)
    {
        return Comparison switch
        {
            Comparison.AtLeast => Ceiling(threshold - value, quantum),
            Comparison.GreaterThan => (decimal.Floor((threshold - value) / quantum) + 1) * quantum,
            Comparison.AtMost => Ceiling(value - threshold, quantum),
            Comparison.LessThan => (decimal.Floor((value - threshold) / quantum) + 1) * quantum,
            _ => Math.Abs(value - threshold),
        };

        // One fen: the amounts are in whole fen already; one (a shop, a household): no division needed.
        static decimal Ceiling(decimal amount, decimal quantum) => quantum == 0.01m ? amount : quantum == 1m ? decimal.Ceiling(amount) : decimal.Ceiling(amount / quantum) * quantum;
    }
}
