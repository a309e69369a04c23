using TaobaoVillage.Aggregation;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planning;

/// <summary>One township in one year: the ways to help its candidates, each with what it costs and gains.</summary>
internal sealed class TownshipOptions
{
    private readonly TownshipCandidates _township;
    private readonly PlanCandidate[] _ordered;
    private readonly RuleSet _rules;

    /// <param name="township">The township's villages.</param>
    /// <param name="rules">Its rule set.</param>
    /// <param name="budget">The budget.</param>
    /// <param name="exactInstance">Whether the instance is small enough for every subset to be tried.</param>
    /// <param name="effortLimit">
    /// Null, or (a budget of K villages solved exactly) the K-th cheapest candidate's effort over all townships: a
    /// candidate dearer than that is in no best plan unless it completes a town (a cheaper one outside the plan would
    /// take its place for less), so the prefixes stop at the longer of those within it and the first that makes a town.
    /// </param>
    public TownshipOptions(TownshipCandidates township, RuleSet rules, PlanBudget budget, bool exactInstance, decimal? effortLimit)
    {
        (_township, _rules) = (township, rules);
        _ordered = township.Kept();
        Code = township.Region.TownshipCode ?? township.Region.Key;
        TownBefore = township.Before.IsTown(rules);
        Exact = exactInstance && _ordered.Length <= SupportPlanner.ExactCandidatesPerTownship;
        var cap = budget.MaxVillages is { } k ? Math.Min(k, _ordered.Length) : _ordered.Length;
        Options = Exact ? Subsets(budget, cap) : Prefixes(budget, cap, effortLimit);

        // Optimistic: every size gains the town if helping all candidates would; costs are the cheapest for the size.
        TownPossible = !TownBefore && township.CandidateCount > 0 && township.AllHelped.IsTown(rules);
        Bounds = budget.MaxVillages is null
            ? [.. Prefixes(budget, cap, limit: null, evaluate: false).Select(o => o with { TownGain = TownPossible && o.Members.Count > 0 ? 1 : 0 })]
            : [];
    }

    public bool TownPossible { get; }

    public int CandidateCount => _township.CandidateCount;

    public string Code { get; }

    public bool TownBefore { get; }

    public bool Exact { get; }

    public List<PlanOption<PlanCandidate>> Options { get; }

    public List<PlanOption<PlanCandidate>> Bounds { get; }

    /// <summary>The planned villages of an option.</summary>
    public IEnumerable<PlannedVillage> Planned(PlanOption<PlanCandidate> option) =>
        option.Members.Select(c => c.Plan(_township.Region.TownshipCode, _township.Year, option.TownGain > 0 ? Code : null));

    private List<PlanOption<PlanCandidate>> Prefixes(PlanBudget budget, int cap, decimal? limit, bool evaluate = true)
    {
        var town = evaluate ? FirstTownPrefix(cap) : int.MaxValue;
        var longest = Longest(cap, town, limit);
        var options = new List<PlanOption<PlanCandidate>>(longest + 1);
        for (var m = 0; m <= longest; m++)
        {
            // A view of the first m candidates, not a copy: a township of n candidates holds n, not n²/2.
            var option = Make(new ArraySegment<PlanCandidate>(_ordered, 0, m), budget, gain: 0);
            options.Add(m >= town ? option with { TownGain = 1 } : option);
        }

        return options;
    }

    /// <summary>
    /// The longest prefix a best plan may take: all of them without a limit, else those within it or, when longer,
    /// the first that makes a town. The options kept are the first ones, so an option's index does not change.
    /// </summary>
    private int Longest(int cap, int town, decimal? limit)
    {
        if (limit is not { } most)
        {
            return cap;
        }

        var within = 0;
        while (within < cap && _ordered[within].Effort <= most)
        {
            within++;
        }

        return Math.Min(cap, Math.Max(within, town == int.MaxValue ? 0 : town));
    }

    /// <summary>
    /// The fewest cheapest candidates that make the township a town, or int.MaxValue. Helping more villages never
    /// loses a town (raising figures is monotone), so a binary search finds it in log n aggregations, not n.
    /// </summary>
    private int FirstTownPrefix(int cap)
    {
        if (TownBefore || cap == 0 || !IsTown(i => i < cap))
        {
            return int.MaxValue;
        }

        var (low, high) = (1, cap);
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            (low, high) = IsTown(i => i < mid) ? (low, mid) : (mid + 1, high);
        }

        return low;
    }

    private List<PlanOption<PlanCandidate>> Subsets(PlanBudget budget, int cap)
    {
        var options = new List<PlanOption<PlanCandidate>>();
        for (var mask = 0; mask < 1 << _ordered.Length; mask++)
        {
            if (int.PopCount(mask) <= cap)
            {
                var members = _ordered.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                var gain = !TownBefore && members.Count > 0 && IsTown(i => (mask & (1 << i)) != 0) ? 1 : 0;
                options.Add(Make(members, budget, gain));
            }
        }

        return options;
    }

    private static PlanOption<PlanCandidate> Make(IReadOnlyList<PlanCandidate> members, PlanBudget budget, int gain)
    {
        var effort = members.Sum(c => c.Effort);
        var cost = budget.MaxVillages is not null ? members.Count : members.Sum(c => c.EffortCost);
        return new PlanOption<PlanCandidate>(members, cost, effort, gain);
    }

    /// <summary>Whether the township is a Taobao Town with the kept candidates at these places helped: the same tally as <c>towns</c> decides by.</summary>
    private bool IsTown(Func<int, bool> helped)
    {
        var tally = _township.Rest.Copy();
        for (var i = 0; i < _ordered.Length; i++)
        {
            var c = _ordered[i];
            if (helped(i))
            {
                tally.Add(Eligibility.Eligible, c.Raised);
            }
            else
            {
                tally.Add(c.Eligibility, c.Original);
            }
        }

        return tally.IsTown(_rules);
    }
}
