using System.Numerics;
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

    // The threshold as whole numbers, for comparisons without decimal arithmetic (see Form): a count's threshold, or a
    // share's as Parts / Whole (0.1 = 1 / 10).
    public ConditionForm Form;
    public long Parts;
    public long Whole;

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

                var node = new CompiledCriterion
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
                node.Form = FormOf(ref node);
                nodes[index] = node;
                break;
        }

        return index;
    }

    /// <summary>The outcome of a condition on these facts: all evaluation computes (the explanation is <see cref="Explain"/>, on demand).</summary>
    public readonly Outcome Decide(Subject facts)
    {
        switch (Form)
        {
            case ConditionForm.Category:
                var category = facts.Category(Metric);
                return category < 0 ? Outcome.Unknown : (Mask & (1ul << category)) != 0 ? Outcome.Pass : Outcome.Fail;
            case ConditionForm.WholeCount:
                return facts.Count(Metric) is { } count ? Holds(count.CompareTo(Parts)) : Outcome.Unknown;
            case ConditionForm.WholeShare:
                // Exact: count × Whole against Parts × households, in 128 bits (no product of two longs overflows it).
                return facts.Count(Metric.Numerator!) is { } n && facts.Count(Metric.Denominator!) is { } h && h > 0
                    ? Holds(Math.BigMul(n, Whole).CompareTo(Math.BigMul(Parts, h)))
                    : Outcome.Unknown;
            case ConditionForm.Share:
                // A threshold whose digits or places do not fit 64 bits: the same cross-multiplication without limits (in
                // decimal, threshold × households is rounded to 28 digits, which could round a share into a pass).
                return facts.Count(Metric.Numerator!) is { } part && facts.Count(Metric.Denominator!) is { } all && all > 0
                    ? Holds(CompareUnlimited(part, all))
                    : Outcome.Unknown;
            default:
                return facts.Value(Metric) is { } v ? Holds(v.CompareTo(Threshold)) : Outcome.Unknown;
        }
    }

    /// <summary>
    /// How a condition is decided: a count against a whole threshold, or a share of counts against a threshold whose
    /// digits and power of ten fit 64 bits (up to 18 places), in whole numbers of 64 and 128 bits; a share with a longer
    /// threshold in unlimited whole numbers; anything else (money, attribute numbers) by comparing decimals, which is
    /// exact (no arithmetic).
    /// </summary>
    private static ConditionForm FormOf(ref CompiledCriterion node)
    {
        var metric = node.Metric;
        if (metric.Kind == MetricKind.Category)
        {
            return ConditionForm.Category;
        }

        // When the threshold does not fit 64 bits: a share in unlimited whole numbers, a count compared as a decimal.
        var otherwise = metric.Numerator is null ? ConditionForm.Value : ConditionForm.Share;
        var (parts, whole) = Fraction(node.Threshold);
        if (BigInteger.Abs(parts) > long.MaxValue || whole > long.MaxValue)
        {
            return otherwise;
        }

        node.Parts = (long)parts;
        node.Whole = (long)whole;

        // Shares are of counts, and counts are read as whole numbers (Metric's factories).
        return metric.Numerator is not null ? ConditionForm.WholeShare
            : metric.Kind == MetricKind.Count && whole.IsOne ? ConditionForm.WholeCount : otherwise;
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
            return outcome == Outcome.Fail && TryShareGap(n, h, required, out var amount)
                ? new ResultDetail(n, h, shortfallSource: Condition, shortfallAmount: amount, required: required, lowers: Lowers(n, required))
                : new ResultDetail(n, h);
        }

        if (facts.Value(Metric) is not { } v)
        {
            return default;
        }

        return outcome == Outcome.Fail && TryGap(v, Threshold, Quantum, out var gap)
            ? new ResultDetail(v, shortfallSource: Condition, shortfallAmount: gap, required: Threshold, lowers: Lowers(v, Threshold))
            : new ResultDetail(v);
    }

    /// <summary>
    /// The whole count a failing share misses, from the exact product of threshold and households (in decimal the
    /// product of a threshold of many places and a large count is rounded, and a rounded product could make the gap 0).
    /// </summary>
    private readonly bool TryShareGap(decimal count, decimal households, decimal required, out decimal amount)
    {
        if (Comparison == Comparison.EqualTo)
        {
            return TryGap(count, required, 1m, out amount);
        }

        if (Form == ConditionForm.WholeShare)
        {
            amount = (decimal)CountGap((Int128)count, Math.BigMul(Parts, (long)households), Whole);
            return true;
        }

        var (parts, whole) = Fraction(Threshold);
        amount = (decimal)CountGap((BigInteger)count, parts * (BigInteger)households, whole);
        return true;
    }

    /// <summary>The sign of count × whole − parts × households for a threshold that does not fit 64 bits.</summary>
    private readonly int CompareUnlimited(long count, long households)
    {
        var (parts, whole) = Fraction(Threshold);
        return BigInteger.Compare(count * whole, parts * households);
    }

    /// <summary>How many the count must grow (or shrink) by for the comparison to hold, the count needed being <paramref name="product"/> / <paramref name="whole"/>.</summary>
    private readonly T CountGap<T>(T count, T product, T whole)
        where T : IBinaryInteger<T>
    {
        // Counts and thresholds are not negative, so the quotient is the floor.
        var (floor, remainder) = T.DivRem(product, whole);
        var ceiling = T.IsZero(remainder) ? floor : floor + T.One;
        return Comparison switch
        {
            Comparison.AtLeast => ceiling - count,
            Comparison.GreaterThan => floor + T.One - count,
            Comparison.AtMost => count - floor,
            _ => count - ceiling + T.One,
        };
    }

    /// <summary>A decimal as its digits over its power of ten, trailing zeros dropped (100.0 is 100 / 1, 0.10 is 1 / 10).</summary>
    private static (BigInteger Parts, BigInteger Whole) Fraction(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var parts = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        var scale = (bits[3] >> 16) & 0xFF;
        for (; scale > 0 && (parts % 10).IsZero; scale--)
        {
            parts /= 10;
        }

        return (bits[3] < 0 ? -parts : parts, BigInteger.Pow(10, scale));
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

    /// <summary>Whether a failing value must come down to pass: always for at most and less than; for equal to, when it is over.</summary>
    private readonly bool Lowers(decimal value, decimal required) =>
        Comparison is Comparison.AtMost or Comparison.LessThan || (Comparison == Comparison.EqualTo && value > required);

    /// <summary>Whether the comparison holds, given the sign of the value compared with the threshold.</summary>
    private readonly Outcome Holds(int sign)
    {
        var ok = Comparison switch
        {
            Comparison.AtLeast => sign >= 0,
            Comparison.GreaterThan => sign > 0,
            Comparison.AtMost => sign <= 0,
            Comparison.LessThan => sign < 0,
            _ => sign == 0,
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

/// <summary>How a compiled condition is decided (see <c>CompiledCriterion.FormOf</c>).</summary>
internal enum ConditionForm : byte
{
    /// <summary>A group: decided from its parts.</summary>
    Group,

    /// <summary>A category in a set of values.</summary>
    Category,

    /// <summary>A count against a whole threshold, in whole numbers.</summary>
    WholeCount,

    /// <summary>A share of two counts, cross-multiplied in whole numbers of 128 bits.</summary>
    WholeShare,

    /// <summary>A share of two counts whose threshold does not fit 64 bits, cross-multiplied in unlimited whole numbers.</summary>
    Share,

    /// <summary>Any other value against its threshold, compared as decimals.</summary>
    Value,
}
