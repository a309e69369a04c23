using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>
/// A rule set compiled once into typed code: evaluates village records (or township figures) into explained
/// <see cref="Verdict"/>s in three-valued (Kleene) logic. Get one from <c>ruleSet.Compile()</c>
/// (<see cref="RuleSetCompiler.Compile"/>).
/// </summary>
/// <remarks>
/// Thread-safe and reusable: it holds no mutable state, so one instance may serve any number of threads.
/// Comparisons are exact: money in <see cref="decimal"/>, shares as <c>count ≥ share × households</c>. Validation is
/// part of evaluation: a record <see cref="VillageRecordValidator"/> refuses (households 0, engaged households above
/// households, a negative figure) gives an <see cref="Eligibility.Invalid"/> verdict carrying its problems, never a
/// verdict computed from impossible figures. Values are read through each <see cref="Metric"/>'s descriptor.
/// </remarks>
public sealed class RuleEvaluator
{
    private readonly CompiledCriterion[] _nodes;

    internal RuleEvaluator(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        var nodes = new List<CompiledCriterion>();
        CompiledCriterion.Compile(ruleSet.Criteria, nodes);
        _nodes = [.. nodes];
        Children = [.. _nodes.Select(n => n.Children ?? [])];
    }

    /// <summary>The rule set this evaluator runs.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>For each node in pre-order, the indices of its children: the verdict tree's shape.</summary>
    internal int[][] Children { get; }

    /// <summary>Evaluates one village record, checking it first.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The explained verdict; <see cref="Eligibility.Invalid"/> with its problems when the record is invalid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The rule set is for townships.</exception>
    public Verdict Evaluate(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = VillageRecordValidator.Validate(record);
        return problems.Count > 0 ? new Verdict(RuleSet, record.Code.Value ?? string.Empty, problems) : EvaluateValid(record);
    }

    /// <summary>Evaluates a record already checked (as every record a reader returns is).</summary>
    internal Verdict EvaluateValid(VillageRecord record)
    {
        if (RuleSet.Target != RuleTarget.Village)
        {
            throw new InvalidOperationException($"The rule set {RuleSet} decides about townships; evaluate TownshipFigures with it.");
        }

        return Run(record.Code.Value ?? string.Empty, new Subject(record, null));
    }

    /// <summary>Evaluates one township's figures.</summary>
    /// <param name="township">The township's figures.</param>
    /// <returns>The explained verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="township"/> is null.</exception>
    /// <exception cref="ArgumentException">The township's kind is not a defined value.</exception>
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

        return Run(township.Code ?? string.Empty, new Subject(null, township));
    }

    private Verdict Run(string subject, Subject facts)
    {
        var verdict = new Verdict(RuleSet, subject, Children, _nodes.Length);
        Span<decimal> relative = _nodes.Length <= 64 ? stackalloc decimal[_nodes.Length] : new decimal[_nodes.Length];
        verdict.Outcome = Eval(0, facts, verdict, relative);
        return verdict;
    }

    private Outcome Eval(int index, Subject facts, Verdict verdict, Span<decimal> relative)
    {
        ref readonly var node = ref _nodes[index];
        var results = verdict.Results;
        if (node.Children is null)
        {
            results[index] = node.EvaluateLeaf(verdict, index, facts, out relative[index]);
            return results[index].Outcome;
        }

        var passed = 0;
        var failed = 0;
        var notPassing = -1;
        var notPassingCount = 0;
        var cheapest = -1;
        foreach (var child in node.Children)
        {
            var o = Eval(child, facts, verdict, relative);
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
            source = outcome == Outcome.Fail && notPassingCount == 1 ? notPassing : -1;
        }
        else
        {
            outcome = passed > 0 ? Outcome.Pass : failed == n ? Outcome.Fail : Outcome.Unknown;
            source = outcome == Outcome.Fail ? cheapest : -1;
        }

        // A group's shortfall is its one failing part's (all of) or its cheapest part's (any of).
        if (source >= 0 && results[source].ShortfallSource is { } from)
        {
            relative[index] = relative[source];
            results[index] = new CriterionResult(verdict, index, node.Criterion, outcome, shortfallSource: from, shortfallAmount: results[source].ShortfallAmount, fraction: relative[source]);
        }
        else
        {
            results[index] = new CriterionResult(verdict, index, node.Criterion, outcome);
        }

        return outcome;
    }
}

/// <summary>What the engine reads values from: a village record or a township's figures, through the metric descriptors.</summary>
internal readonly struct Subject(VillageRecord? village, TownshipFigures? township)
{
    public decimal? Value(Metric metric) => village is not null ? metric.FromVillage?.Invoke(village) : metric.FromTownship?.Invoke(township!);

    public int Category(Metric metric) => village is not null
        ? metric.CategoryOfVillage?.Invoke(village) ?? -1
        : metric.CategoryOfTownship?.Invoke(township!) ?? -1;

    public bool ReadFromName(Metric metric) => village is not null && metric.ReadFromName?.Invoke(village) == true;
}
