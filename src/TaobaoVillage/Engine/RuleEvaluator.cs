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

    // Each criterion's node by id, the first of a repeated id winning: a lookup costs the same for 8,000 criteria as for 8.
    private readonly Dictionary<string, int> _indexById;

    internal RuleEvaluator(RuleSet ruleSet)
    {
        RuleSet = ruleSet;
        var nodes = new List<CompiledCriterion>();
        CompiledCriterion.Compile(ruleSet.Criteria, nodes);
        _nodes = [.. nodes];
        _indexById = new Dictionary<string, int>(_nodes.Length, StringComparer.Ordinal);
        for (var i = 0; i < _nodes.Length; i++)
        {
            _indexById.TryAdd(_nodes[i].Criterion.Id, i);
        }
    }

    /// <summary>The rule set this evaluator runs.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Evaluates one village record, checking it first.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The explained verdict; <see cref="Eligibility.Invalid"/> with its problems when the record is invalid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The rule set is for townships.</exception>
    public Verdict Evaluate(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = VillageRecordValidator.Validate(record);
        return problems.Count > 0 ? new Verdict(this, record.Code.Value ?? string.Empty, problems) : EvaluateValid(record);
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

    /// <summary>An <see cref="Eligibility.Invalid"/> verdict for a subject that cannot be evaluated (a township whose sums cannot be held).</summary>
    internal Verdict Invalid(string subject, IReadOnlyList<RecordProblem> problems) => new(this, subject, problems);

    /// <summary>
    /// How this evaluator decides one condition of its rule set on a village record, exactly as <see cref="Evaluate(VillageRecord)"/>
    /// decides it (money as decimals, counts whole, shares cross-multiplied): for engines that combine the conditions
    /// themselves, such as rules engines, and must agree with this one.
    /// </summary>
    /// <param name="condition">A condition of <see cref="RuleSet"/> (the same instance).</param>
    /// <returns>The decision: pass, fail, or unknown when a figure it reads is missing. Thread-safe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentException">The condition is not one of this rule set's.</exception>
    /// <exception cref="InvalidOperationException">The rule set is for townships.</exception>
    public Func<VillageRecord, Outcome> DecisionOf(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (RuleSet.Target != RuleTarget.Village)
        {
            throw new InvalidOperationException($"The rule set {RuleSet} decides about townships; its conditions read TownshipFigures.");
        }

        // By reference: two conditions of a set may be equal records (the same test under two ids is not, but copies are).
        var index = Array.FindIndex(_nodes, n => ReferenceEquals(n.Condition, condition));
        if (index < 0)
        {
            throw new ArgumentException($"The condition '{condition.Id}' is not one of the rule set {RuleSet}'s.", nameof(condition));
        }

        var node = _nodes[index];
        return record => node.Decide(new Subject(record ?? throw new ArgumentNullException(nameof(record)), null));
    }

    /// <summary>The compiled nodes in pre-order: what a verdict reads its criteria, children and explanations from.</summary>
    internal CompiledCriterion[] Nodes => _nodes;

    /// <summary>The node of the criterion with this id (the first, in pre-order), or -1.</summary>
    internal int IndexOf(string criterionId) => _indexById.TryGetValue(criterionId, out var index) ? index : -1;

    private Verdict Run(string subject, Subject facts)
    {
        // Evaluation decides every node's outcome and nothing else: one allocation (the verdict). Values seen and
        // shortfalls are computed from the same immutable facts once, when first asked for (Verdict.DetailOf).
        Span<Outcome> outcomes = _nodes.Length <= 64 ? stackalloc Outcome[_nodes.Length] : new Outcome[_nodes.Length];

        // Pre-order numbers a group before its parts, so from the last node back every part is decided before its group.
        // Every part is decided, even past the point its group is settled: each has its own line in the explanation.
        for (var index = _nodes.Length - 1; index >= 0; index--)
        {
            ref readonly var node = ref _nodes[index];
            outcomes[index] = node.Children is { } children ? Combine(node.Kind, children, outcomes) : node.Decide(facts);
        }

        return new Verdict(this, subject, facts, outcomes[0], outcomes);
    }

    /// <summary>A group's outcome from its parts' (Kleene logic: a failing part fails all of, a passing part passes any of).</summary>
    private static Outcome Combine(GroupKind kind, int[] children, ReadOnlySpan<Outcome> outcomes)
    {
        var passed = 0;
        var failed = 0;
        foreach (var child in children)
        {
            switch (outcomes[child])
            {
                case Outcome.Pass:
                    passed++;
                    break;
                case Outcome.Fail:
                    failed++;
                    break;
            }
        }

        return kind == GroupKind.AllOf
            ? failed > 0 ? Outcome.Fail : passed == children.Length ? Outcome.Pass : Outcome.Unknown
            : passed > 0 ? Outcome.Pass : failed == children.Length ? Outcome.Fail : Outcome.Unknown;
    }

    /// <summary>
    /// Every node's detail at once, each computed once: a group reads its parts' details from <paramref name="details"/>
    /// instead of computing them again (the writers' path: a line explains every node).
    /// </summary>
    internal void DetailsOf(Subject facts, Verdict verdict, ResultDetail[] details)
    {
        // Pre-order numbers a group before its parts, so from the last node back every part is done before its group.
        for (var index = _nodes.Length - 1; index >= 0; index--)
        {
            details[index] = DetailOf(index, facts, verdict, details);
        }
    }

    private ResultDetail DetailOf(int index, Subject facts, Verdict verdict, ResultDetail[] known)
    {
        ref readonly var node = ref _nodes[index];
        var outcome = verdict.OutcomeAt(index);
        if (node.Children is not { } children)
        {
            return node.Explain(facts, outcome);
        }

        if (outcome != Outcome.Fail)
        {
            return default;
        }

        // A group's shortfall is its one part not passing (all of) or its cheapest failing part (any of).
        var source = default(ResultDetail);
        if (node.Kind == GroupKind.AllOf)
        {
            var notPassing = -1;
            foreach (var child in children)
            {
                if (verdict.OutcomeAt(child) != Outcome.Pass)
                {
                    if (notPassing >= 0)
                    {
                        return default;
                    }

                    notPassing = child;
                }
            }

            source = Part(notPassing);
        }
        else
        {
            foreach (var child in children)
            {
                var part = Part(child);
                if (part.ShortfallSource is not null && (source.ShortfallSource is null || part.Relative < source.Relative))
                {
                    source = part;
                }
            }
        }

        return source.ShortfallSource is null ? default : new ResultDetail(shortfallSource: source.ShortfallSource, shortfallAmount: source.ShortfallAmount, required: source.Required, lowers: source.Lowers);

        ResultDetail Part(int child) => known[child];
    }
}

/// <summary>What the engine reads values from: a village record or a township's figures, through the metric descriptors.</summary>
internal readonly struct Subject(VillageRecord? village, TownshipFigures? township)
{
    public decimal? Value(Metric metric) => village is not null ? metric.FromVillage?.Invoke(village) : metric.FromTownship?.Invoke(township!);

    public long? Count(Metric metric) => village is not null ? metric.CountOfVillage?.Invoke(village) : metric.CountOfTownship?.Invoke(township!);

    public int Category(Metric metric) => village is not null
        ? metric.CategoryOfVillage?.Invoke(village) ?? -1
        : metric.CategoryOfTownship?.Invoke(township!) ?? -1;

    public bool ReadFromName(Metric metric) => village is not null && metric.ReadFromName?.Invoke(village) == true;
}
