using System.Globalization;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>
/// A rule set compiled once into typed code: evaluates village records (or township figures) into explained
/// <see cref="Verdict"/>s in three-valued (Kleene) logic. Get one from <see cref="RuleSet.Compile"/>.
/// </summary>
/// <remarks>
/// Thread-safe and reusable: it holds no mutable state, so one instance may serve any number of threads.
/// Comparisons are exact: money in <see cref="decimal"/>, shares as <c>count ≥ share × households</c>. The evaluator
/// does not validate records (see <see cref="VillageRecordValidator"/>); given an invalid one it still returns a
/// verdict and never throws for its data (a zero denominator reads as unknown).
/// </remarks>
public sealed class RuleEvaluator
{
    private readonly Node[] _nodes;

    internal RuleEvaluator(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        var nodes = new List<Node>();
        Compile(ruleSet.Criteria, nodes);
        _nodes = [.. nodes];
    }

    /// <summary>The rule set this evaluator runs.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Evaluates one village record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The explained verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The rule set is for townships.</exception>
    public Verdict Evaluate(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (RuleSet.Target != RuleTarget.Village)
        {
            throw new InvalidOperationException($"The rule set {RuleSet} decides about townships; evaluate TownshipFigures with it.");
        }

        if (record.MainPlatform is { } platform && !Enum.IsDefined(platform))
        {
            throw new ArgumentException($"The record's platform ({(int)platform}) is not a defined Platform value.", nameof(record));
        }

        if (record.Committee is { } committee && !Enum.IsDefined(committee))
        {
            throw new ArgumentException($"The record's committee ({(int)committee}) is not a defined CommitteeKind value.", nameof(record));
        }

        var facts = new Facts
        {
            Sales = record.AnnualSales?.Yuan,
            Shops = record.ActiveShops,
            Households = record.Households,
            Engaged = record.EcommerceHouseholds,
            Platform = record.MainPlatform is { } p ? (int)p : -1,
            Committee = record.Committee is { } c ? (int)c : -1,
            TownshipKind = -1,
            Record = record,
        };
        return Run(record.Code.Value ?? string.Empty, in facts);
    }

    /// <summary>Evaluates one township's figures.</summary>
    /// <param name="township">The township's figures.</param>
    /// <returns>The explained verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="township"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The rule set is for villages.</exception>
    public Verdict Evaluate(TownshipFigures township)
    {
        ArgumentNullException.ThrowIfNull(township);
        if (RuleSet.Target != RuleTarget.Township)
        {
            throw new InvalidOperationException($"The rule set {RuleSet} decides about villages; evaluate VillageRecord with it.");
        }

        if (township.Kind is { } kind && !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"The township's kind ({(int)kind}) is not a defined TownshipKind value.", nameof(township));
        }

        var facts = new Facts
        {
            Sales = township.AnnualSales?.Yuan,
            Shops = township.ActiveShops,
            Households = township.Households,
            Engaged = township.EcommerceHouseholds,
            Villages = township.TaobaoVillages,
            Platform = -1,
            Committee = -1,
            TownshipKind = township.EffectiveKind is { } k ? (int)k : -1,
        };
        return Run(township.Code, in facts);
    }

    private Verdict Run(string subject, in Facts facts)
    {
        var results = new CriterionResult[_nodes.Length];
        Span<decimal> relative = _nodes.Length <= 64 ? stackalloc decimal[_nodes.Length] : new decimal[_nodes.Length];
        var outcome = Eval(0, in facts, results, relative);
        return new Verdict(RuleSet, subject, outcome, results);
    }

    private Outcome Eval(int index, in Facts facts, CriterionResult[] results, Span<decimal> relative)
    {
        ref readonly var node = ref _nodes[index];
        if (node.Children is null)
        {
            return EvalLeaf(index, in node, in facts, results, relative);
        }

        var passed = 0;
        var failed = 0;
        var notPassing = -1;
        var notPassingCount = 0;
        var cheapest = -1;
        foreach (var child in node.Children)
        {
            var o = Eval(child, in facts, results, relative);
            if (o == Outcome.Pass)
            {
                passed++;
                continue;
            }

            notPassing = child;
            notPassingCount++;
            if (o == Outcome.Fail)
            {
                failed++;
                if (results[child].ShortfallSource is not null && (cheapest < 0 || relative[child] < relative[cheapest]))
                {
                    cheapest = child;
                }
            }
        }

        var n = node.Children.Length;
        Outcome outcome;
        var source = -1;
        if (node.Kind == GroupKind.AllOf)
        {
            outcome = failed > 0 ? Outcome.Fail : passed == n ? Outcome.Pass : Outcome.Unknown;
            if (outcome == Outcome.Fail && notPassingCount == 1)
            {
                source = notPassing;
            }
        }
        else
        {
            outcome = passed > 0 ? Outcome.Pass : failed == n ? Outcome.Fail : Outcome.Unknown;
            if (outcome == Outcome.Fail && cheapest >= 0)
            {
                source = cheapest;
            }
        }

        if (source >= 0 && results[source].ShortfallSource is { } from)
        {
            relative[index] = relative[source];
            results[index] = new CriterionResult(node.Criterion, outcome, shortfallSource: from, shortfallAmount: results[source].ShortfallAmount, fraction: relative[source]);
        }
        else
        {
            results[index] = new CriterionResult(node.Criterion, outcome);
        }

        return outcome;
    }

    private static Outcome EvalLeaf(int index, in Node node, in Facts facts, CriterionResult[] results, Span<decimal> relative)
    {
        switch (node.Source)
        {
            case Source.Platform:
            case Source.Committee:
            case Source.TownshipKind:
                {
                    var value = node.Source switch
                    {
                        Source.Platform => facts.Platform,
                        Source.Committee => facts.Committee,
                        _ => facts.TownshipKind,
                    };
                    if (value < 0)
                    {
                        results[index] = new CriterionResult(node.Criterion, Outcome.Unknown);
                        return Outcome.Unknown;
                    }

                    var outcome = (node.Mask & (1u << value)) != 0 ? Outcome.Pass : Outcome.Fail;
                    var fromName = node.Source == Source.Committee && facts.Record is { CommitteeFromName: true };
                    results[index] = new CriterionResult(node.Criterion, outcome, category: CategoryName(node.Source, value), fromName: fromName);
                    return outcome;
                }

            case Source.EngagedShare:
            case Source.ShopShare:
                {
                    var numerator = node.Source == Source.EngagedShare ? facts.Engaged : facts.Shops;
                    if (numerator is not { } num || facts.Households is not { } h || h <= 0)
                    {
                        results[index] = new CriterionResult(node.Criterion, Outcome.Unknown, numerator, facts.Households);
                        return Outcome.Unknown;
                    }

                    // Exact: count ≥ share × households, never a floating-point ratio.
                    var required = node.Threshold * h;
                    var outcome = Compare(node.Comparison, num, required);
                    results[index] = outcome == Outcome.Fail && TryGap(in node, num, required, 1m, out var amount, out relative[index])
                        ? new CriterionResult(node.Criterion, outcome, num, h, shortfallSource: node.Condition, shortfallAmount: amount, fraction: relative[index])
                        : new CriterionResult(node.Criterion, outcome, num, h);
                    return outcome;
                }

            default:
                {
                    decimal? value = node.Source switch
                    {
                        Source.Sales => facts.Sales,
                        Source.Shops => facts.Shops,
                        Source.Households => facts.Households,
                        Source.Engaged => facts.Engaged,
                        Source.Villages => facts.Villages,
                        Source.Attribute => ReadAttribute(facts.Record, node.Metric.AttributeName!),
                        _ => null,
                    };
                    if (value is not { } v)
                    {
                        results[index] = new CriterionResult(node.Criterion, Outcome.Unknown);
                        return Outcome.Unknown;
                    }

                    var outcome = Compare(node.Comparison, v, node.Threshold);
                    results[index] = outcome == Outcome.Fail && TryGap(in node, v, node.Threshold, node.Quantum, out var amount, out relative[index])
                        ? new CriterionResult(node.Criterion, outcome, v, shortfallSource: node.Condition, shortfallAmount: amount, fraction: relative[index])
                        : new CriterionResult(node.Criterion, outcome, v);
                    return outcome;
                }
        }
    }

    private static bool TryGap(in Node node, decimal value, decimal required, decimal quantum, out decimal amount, out decimal relative)
    {
        try
        {
            amount = Gap(node.Comparison, value, required, quantum);
            relative = required == 0 ? amount : amount / Math.Abs(required);
            return true;
        }
        catch (OverflowException)
        {
            // Only absurd figures (near decimal's limits) get here: say "fails" without an amount rather than throw.
            amount = 0;
            relative = decimal.MaxValue;
            return false;
        }
    }

    private static Outcome Compare(Comparison comparison, decimal value, decimal threshold)
    {
        var ok = comparison switch
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
    private static decimal Gap(Comparison comparison, decimal value, decimal threshold, decimal quantum)
    {
        return comparison switch
        {
            Comparison.AtLeast => Ceiling(threshold - value, quantum),
            Comparison.GreaterThan => (decimal.Floor((threshold - value) / quantum) + 1) * quantum,
            Comparison.AtMost => Ceiling(value - threshold, quantum),
            Comparison.LessThan => (decimal.Floor((value - threshold) / quantum) + 1) * quantum,
            _ => Math.Abs(value - threshold),
        };

        static decimal Ceiling(decimal amount, decimal quantum) => quantum == 0.01m ? amount : decimal.Ceiling(amount / quantum) * quantum;
    }

    private static decimal? ReadAttribute(VillageRecord? record, string name) =>
        record is not null && record.Attributes.TryGetValue(name, out var text)
        && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string CategoryName(Source source, int value) => source switch
    {
        Source.Platform => DomainNames.Name((Platform)value),
        Source.Committee => DomainNames.Name((CommitteeKind)value),
        _ => DomainNames.Name((TownshipKind)value),
    };

    private static int Compile(Criterion criterion, List<Node> nodes)
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

                nodes[index] = new Node { Criterion = group, Kind = group.Kind, Children = children };
                break;
            case Condition c:
                var source = SourceOf(c.Metric);
                var mask = 0u;
                foreach (var value in c.Values)
                {
                    mask |= 1u << CategoryIndex(c.Metric, value);
                }

                nodes[index] = new Node
                {
                    Criterion = c,
                    Condition = c,
                    Metric = c.Metric,
                    Source = source,
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

    private static int CategoryIndex(Metric metric, string value)
    {
        if (metric == Metric.MainPlatform && DomainNames.TryParsePlatform(value, out var p))
        {
            return (int)p;
        }

        if (metric == Metric.Committee && DomainNames.TryParseCommittee(value, out var k))
        {
            return (int)k;
        }

        return DomainNames.TryParseTownshipKind(value, out var kind) ? (int)kind : (int)Domain.TownshipKind.Subdistrict;
    }

    private static Source SourceOf(Metric metric) => metric.Name switch
    {
        "annual_sales_cny" => Source.Sales,
        "active_shops" => Source.Shops,
        "households" => Source.Households,
        "ecommerce_households" => Source.Engaged,
        "ecommerce_household_share" => Source.EngagedShare,
        "active_shop_share" => Source.ShopShare,
        "main_platform" => Source.Platform,
        "committee" => Source.Committee,
        "taobao_villages" => Source.Villages,
        "township_kind" => Source.TownshipKind,
        _ => Source.Attribute,
    };

    private enum Source
    {
        Sales,
        Shops,
        Households,
        Engaged,
        EngagedShare,
        ShopShare,
        Platform,
        Committee,
        Villages,
        TownshipKind,
        Attribute,
    }

    private struct Node
    {
        public Criterion Criterion;
        public Condition? Condition;
        public GroupKind Kind;
        public int[]? Children;
        public Metric Metric;
        public Source Source;
        public Comparison Comparison;
        public decimal Threshold;
        public decimal Quantum;
        public uint Mask;
    }

    private struct Facts
    {
        public decimal? Sales;
        public long? Shops;
        public long? Households;
        public long? Engaged;
        public long? Villages;
        public int Platform;
        public int Committee;
        public int TownshipKind;
        public VillageRecord? Record;
    }
}
