using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Engine;

/// <summary>
/// The explained decision of one rule set on one village or township: the outcome, every criterion's value,
/// threshold, outcome and shortfall, and the rule set's id, version and content hash, so that the decision can be
/// reproduced.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: one object holding the rule set, the record it judged and each criterion's outcome; the
/// explanations (<see cref="CriterionResult"/>) are read back from the record on demand.
/// </remarks>
public sealed class Verdict
{
    private readonly RuleEvaluator _evaluator;
    private readonly Subject _facts;

    // Two bits per node for rule sets of up to 32 criteria (every built-in one): the verdict stays one allocation.
    private readonly ulong _packed;
    private readonly Outcome[]? _outcomes;

    // Every result's value seen and shortfall, computed on the first read of any (see DetailOf).
    private ResultDetail[]? _details;

    internal Verdict(RuleEvaluator evaluator, string subject, Subject facts, Outcome outcome, ReadOnlySpan<Outcome> outcomes)
    {
        _evaluator = evaluator;
        Subject = subject;
        _facts = facts;
        Outcome = outcome;
        Count = outcomes.Length;
        Problems = [];
        if (outcomes.Length <= 32)
        {
            for (var i = 0; i < outcomes.Length; i++)
            {
                _packed |= (ulong)outcomes[i] << (2 * i);
            }
        }
        else
        {
            _outcomes = outcomes.ToArray();
        }
    }

    internal Verdict(RuleEvaluator evaluator, string subject, IReadOnlyList<RecordProblem> problems)
    {
        _evaluator = evaluator;
        Subject = subject;
        Problems = problems;
        Outcome = Outcome.Unknown;
    }

    /// <summary>The rule set that decided (its id, version and <see cref="RuleSet.ContentHash"/>).</summary>
    public RuleSet RuleSet => _evaluator.RuleSet;

    /// <summary>The key of what was decided: the village code or the township code.</summary>
    public string Subject { get; }

    /// <summary>The root criterion's outcome (<see cref="Outcome.Unknown"/> for an invalid record).</summary>
    public Outcome Outcome { get; }

    /// <summary>Eligible, not eligible, indeterminate (missing data could still decide either way), or invalid.</summary>
    public Eligibility Eligibility => Problems.Count > 0 ? Eligibility.Invalid : Outcome switch
    {
        Outcome.Pass => Eligibility.Eligible,
        Outcome.Fail => Eligibility.NotEligible,
        _ => Eligibility.Indeterminate,
    };

    /// <summary>Whether the subject qualifies.</summary>
    public bool IsEligible => Outcome == Outcome.Pass && Problems.Count == 0;

    /// <summary>Why the record could not be evaluated; empty for every verdict but <see cref="Eligibility.Invalid"/>.</summary>
    public IReadOnlyList<RecordProblem> Problems { get; }

    /// <summary>
    /// The result of the rule set's root criterion; walk <see cref="CriterionResult.Children"/> from here. For an
    /// invalid record, <c>default</c> (no criterion, no children).
    /// </summary>
    public CriterionResult Root => Count > 0 ? new CriterionResult(this, 0) : default;

    /// <summary>Every criterion's result, parents before children, from the root (a walk of the tree).</summary>
    public IEnumerable<CriterionResult> Criteria => From(0);

    /// <summary>The results an explanation lists: all but a root group, whose outcome is the verdict (see <see cref="Rules.RuleSet.ExplainedCriteria"/>).</summary>
    public IEnumerable<CriterionResult> Explained => From(FirstExplained);

    // The engine's nodes are the tree's pre-order walk: reading them in order is the walk, without recursion.
    private IEnumerable<CriterionResult> From(int start)
    {
        for (var i = start; i < Count; i++)
        {
            yield return new CriterionResult(this, i);
        }
    }

    /// <summary>
    /// The start of <see cref="Explained"/> in the engine's pre-order walk of the tree (1 after a root group, whose
    /// outcome is the verdict, else 0): writers read results <see cref="ResultAt"/> this index up to <see cref="Count"/>
    /// without an enumerator, and find each one's text by its <see cref="CriterionResult.Criterion"/>, never by position.
    /// </summary>
    internal int FirstExplained => Count > 0 && _evaluator.Nodes[0].Children is not null ? 1 : 0;

    /// <summary>How many criteria were evaluated: the rule set's, or none for an invalid record.</summary>
    internal int Count { get; }

    /// <summary>The result of the node at this index of the engine's pre-order walk.</summary>
    internal CriterionResult ResultAt(int index) => new(this, index);

    internal Criterion CriterionAt(int index) => _evaluator.Nodes[index].Criterion;

    internal Outcome OutcomeAt(int index) => _outcomes is { } all ? all[index] : (Outcome)((_packed >> (2 * index)) & 3);

    /// <summary>
    /// What the node at <paramref name="index"/> saw and misses, with its shortfall: every node's computed once, the
    /// first time any is read, and kept (evaluating stays one allocation; writers, which explain every line, use
    /// <see cref="DetailsInto"/> with their own buffer instead).
    /// </summary>
    internal ref readonly ResultDetail DetailOf(int index) => ref (Volatile.Read(ref _details) ?? ComputeDetails())[index];

    private ResultDetail[] ComputeDetails()
    {
        var details = new ResultDetail[Count];
        DetailsInto(details);
        // Two threads reading at once compute the same values; the first kept wins.
        return Interlocked.CompareExchange(ref _details, details, null) ?? details;
    }

    /// <summary>Every result's detail into <paramref name="details"/> (at least <see cref="Count"/> long), each computed once.</summary>
    internal void DetailsInto(ResultDetail[] details)
    {
        if (Count > 0)
        {
            _evaluator.DetailsOf(_facts, this, details);
        }
    }

    /// <summary>The result of the criterion with this id.</summary>
    /// <param name="criterionId">The criterion's id.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">The rule set has no criterion with this id.</exception>
    /// <exception cref="InvalidOperationException">The record was invalid, so no criterion was evaluated (see <see cref="Problems"/>).</exception>
    public CriterionResult this[string criterionId] => TryGet(criterionId, out var result)
        ? result
        : Problems.Count > 0
            ? throw new InvalidOperationException($"The record {Subject} is invalid ({string.Join("; ", Problems.Select(p => p.ToString()))}); no criterion was evaluated.")
            : throw new KeyNotFoundException($"The rule set {RuleSet} has no criterion '{criterionId}'.");

    /// <summary>Finds the result of a criterion. Does not throw.</summary>
    /// <param name="criterionId">The criterion's id.</param>
    /// <param name="result">The result, when found.</param>
    /// <returns>Whether the criterion exists.</returns>
    public bool TryGet(string criterionId, out CriterionResult result)
    {
        // One lookup by id, not a walk of the nodes: a CSV row looks up every criterion, and 8,000 any-of branches made
        // that walk quadratic (4.1 s for 10 rows).
        LookupProbes++;
        var index = criterionId is null ? -1 : _evaluator.IndexOf(criterionId);
        if (index >= 0 && index < Count)
        {
            result = new CriterionResult(this, index);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Probes made by <see cref="TryGet"/> on this thread: a counted operation for tests of its cost.</summary>
    [ThreadStatic]
    internal static long LookupProbes;

    /// <summary>The metrics whose data is missing where the verdict needed them.</summary>
    public IReadOnlyList<Metric> MissingData => Criteria
        .Where(r => r.Outcome == Outcome.Unknown && r.Criterion is Condition)
        .Select(r => ((Condition)r.Criterion).Metric)
        .Distinct()
        .ToList();

    /// <summary>
    /// The ways to pass, cheapest first (fewest missing data, then fewest steps, then the smallest total
    /// <see cref="Shortfall.Fraction"/>): each is a set of shortfalls to make good together (and data to supply). An
    /// eligible verdict has one empty path; a verdict that no change of amounts can turn (a residents' committee,
    /// say) has none, and neither has an invalid one.
    /// </summary>
    /// <param name="limit">The most paths to return.</param>
    /// <returns>The paths.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public IReadOnlyList<PathToPass> PathsToPass(int limit = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!Root.HasCriterion)
        {
            return [];
        }

        // Advice never offers a way that needs more of the same and nothing less than another way. Every candidate is
        // weighed before the cut: a way as cheap as one kept, later in rule order, may dominate it, and stopping at the
        // limit kept the dominated one (PathsToPass(1) then disagreed with PathsToPass(8)'s first).
        var kept = new List<PathToPass>();
        // The details kept if a result was read already; else computed into this thread's scratch and not kept: advice
        // for every row of a national file would otherwise keep them with verdicts about to be dropped.
        var details = Volatile.Read(ref _details) ?? DetailScratch();
        foreach (var path in WaysToPass.Paths(this, 0, Math.Max(limit, 16), details))
        {
            if (!AnyDominates(kept, path))
            {
                // Loops, not lambdas: advice for every row of a national file filters its ways here.
                for (var i = kept.Count - 1; i >= 0; i--)
                {
                    if (path.Dominates(kept[i]))
                    {
                        kept.RemoveAt(i);
                    }
                }

                kept.Add(path);
            }
        }

        return kept.Count > limit ? kept.GetRange(0, limit) : kept;
    }

    [ThreadStatic]
    private static ResultDetail[]? scratch;

    private ResultDetail[] DetailScratch()
    {
        var details = scratch is { } s && s.Length >= Count ? s : scratch = new ResultDetail[Math.Max(Count, 16)];
        DetailsInto(details);
        return details;
    }

    private static bool AnyDominates(List<PathToPass> kept, PathToPass path)
    {
        foreach (var k in kept)
        {
            if (k.Dominates(path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The indices of a node's parts in the engine's pre-order walk; empty for a condition.</summary>
    internal int[] ChildIndicesOf(int index) => _evaluator.Nodes[index].Children ?? [];

    internal IReadOnlyList<CriterionResult> ChildrenOf(int index)
    {
        if (_evaluator.Nodes[index].Children is not { Length: > 0 } indices)
        {
            return [];
        }

        var children = new CriterionResult[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            children[i] = new CriterionResult(this, indices[i]);
        }

        return children;
    }

    /// <summary>Formats the verdict as <c>code: eligible under id@version</c>.</summary>
    /// <returns>The formatted verdict.</returns>
    public override string ToString() => $"{Subject}: {Eligibility} under {RuleSet}";
}
