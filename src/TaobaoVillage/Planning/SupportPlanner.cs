using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planning;

/// <summary>
/// Chooses the villages to support so that new Taobao Villages plus new Taobao Towns are the most, ties broken by
/// less effort. Helping a village raises its figures by its cheapest way to pass; its township's figures rise with it,
/// so a township may become a Taobao Town by its count of Taobao Villages or (from 2019) by its sales and shops.
/// </summary>
/// <remarks>
/// Townships are independent, so the plan is a multiple-choice knapsack over townships: each township offers the ways
/// of helping some of its candidates, and a dynamic programme over the budget picks one per township (or, where that
/// programme would pass its bounds in memory or time, a greedy pass over each township's best value per cost, with the
/// linear relaxation as the bound: memory and time then follow the candidates, whatever the budget). Within a township
/// with at most <see cref="ExactCandidatesPerTownship"/> candidates (and an instance of at most
/// <see cref="ExactCandidates"/> candidates) every subset is tried and the plan is optimal; otherwise the cheapest
/// first few of each township are tried, and <see cref="SupportPlan.GainBound"/> says how far from the best it can be.
/// An effort budget is counted in hundredths, each village's effort rounded up (never over the budget).
/// Every gain is decided by the same township tally as town aggregation, from the figures scoring gave. Villages are
/// not held: a township keeps sums of its figures and those of its candidates some plan within the budget could help.
/// Pure and thread-safe.
/// </remarks>
public static class SupportPlanner
{
    /// <summary>The most candidates in one township for which every subset is tried.</summary>
    public const int ExactCandidatesPerTownship = 12;

    /// <summary>The most candidates in all for which the plan is exact.</summary>
    public const int ExactCandidates = 64;

    /// <summary>Plans support for scored villages.</summary>
    /// <param name="rows">Scored rows (from <see cref="BatchScorer"/>), any order; rows without a year or record are left out.</param>
    /// <param name="townRules">The township rule set for a year, such as <see cref="TaobaoVillage.RuleSets.BuiltInRuleSets.ForTownshipYear"/>.</param>
    /// <param name="budget">What may be spent.</param>
    /// <param name="year">Only this year, or null for every year.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SupportPlan Plan(IEnumerable<ScoredRow> rows, Func<int, RuleSet> townRules, PlanBudget budget, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(townRules);
        ArgumentNullException.ThrowIfNull(budget);
        return Plan(rows.Select(r => PlanEntry.Of(r, year)), townRules, budget);
    }

    /// <summary>
    /// Scores records and plans support for them in one pass: each village's way to pass is found on the scorer's
    /// threads, as it is scored. The same plan as scoring first and planning the scored rows.
    /// </summary>
    /// <param name="scorer">The scorer (its rule sets and parallelism).</param>
    /// <param name="rows">The records, as a reader gives them.</param>
    /// <param name="townRules">The township rule set for a year.</param>
    /// <param name="budget">What may be spent.</param>
    /// <param name="year">Only this year, or null for every year.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="year"/> is null.</exception>
    public static SupportPlan ScoreAndPlan(BatchScorer scorer, IEnumerable<InputRow> rows, Func<int, RuleSet> townRules, PlanBudget budget, int? year)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(townRules);
        ArgumentNullException.ThrowIfNull(budget);
        return Plan(scorer.ScoreSelect(rows, r => PlanEntry.Of(r, year)), townRules, budget);
    }

    private static SupportPlan Plan(IEnumerable<PlanEntry?> entries, Func<int, RuleSet> townRules, PlanBudget budget)
    {
        var capacity = Capacity(budget);
        var collected = Collect(entries, budget, capacity);
        var exact = collected.Candidates <= ExactCandidates;
        var limit = exact ? null : EffortLimit(collected, capacity);
        var townships = collected.Townships.ConvertAll(t => new TownshipOptions(t, townRules(t.Year), budget, exact, limit));
        var best = MultipleChoiceKnapsack.Solve(townships.ConvertAll(t => t.Options), capacity);
        var optimal = exact && best.IsExact && townships.All(t => t.Exact);
        var bound = optimal ? best.Value : Bound(townships, budget, capacity);
        var chosen = townships.SelectMany((t, i) => t.Planned(t.Options[best.Choices[i]])).ToList();
        var townsBefore = townships.Count(t => t.TownBefore);
        return new SupportPlan
        {
            Villages = [.. chosen.OrderBy(v => v.CompletesTown is null).ThenBy(v => v.CompletesTown, StringComparer.Ordinal).ThenBy(v => v.Effort).ThenBy(v => v.Line)],
            VillagesBefore = collected.Eligible,
            VillagesAfter = collected.Eligible + chosen.Count,
            TownsBefore = townsBefore,
            TownsAfter = townsBefore + townships.Select((t, i) => t.Options[best.Choices[i]].TownGain).Sum(),
            IsOptimal = optimal,
            GainBound = Math.Max(bound, best.Value),
            Candidates = collected.Candidates,
            Budget = budget,
            UsableBudget = budget.MaxVillages is { } k ? PlanBudget.Villages(Math.Min(k, collected.Candidates)) : PlanBudget.Effort(Math.Min(budget.MaxEffort!.Value, collected.Effort)),
            Undecided = collected.Undecided,
            CannotPass = collected.CannotPass,
        };
    }

    /// <summary>The budget in the knapsack's units: villages, or effort in hundredths.</summary>
    private static int Capacity(PlanBudget budget) => budget.MaxVillages ?? (int)decimal.Ceiling(budget.MaxEffort!.Value * 100m);

    /// <summary>Every entry into its township (in the order townships first appear) and the counts; past exact size, townships drop the candidates no plan can reach.</summary>
    private static Collected Collect(IEnumerable<PlanEntry?> entries, PlanBudget budget, int capacity)
    {
        var collected = new Collected(budget, capacity);
        var byKey = new Dictionary<(int Year, string Key), TownshipCandidates>();
        foreach (var entry in entries)
        {
            if (entry is not null)
            {
                collected.Add(entry, Township(byKey, collected.Townships, entry));
            }
        }

        if (collected.Candidates > ExactCandidates)
        {
            collected.Townships.ForEach(t => t.Trim(budget, capacity));
        }

        return collected;
    }

    private static TownshipCandidates Township(Dictionary<(int Year, string Key), TownshipCandidates> byKey, List<TownshipCandidates> townships, PlanEntry entry)
    {
        if (!byKey.TryGetValue((entry.Year, entry.Region.Key), out var township))
        {
            byKey[(entry.Year, entry.Region.Key)] = township = new TownshipCandidates(entry.Region, entry.Year);
            townships.Add(township);
        }

        return township;
    }

    /// <summary>
    /// For a budget of K villages the exact programme would solve, the K-th cheapest effort of all candidates (see
    /// <see cref="TownshipOptions"/>): the programme then weighs fewer options and picks the same plan. Null otherwise:
    /// the greedy pass is not exact, and fewer options could change what it picks.
    /// </summary>
    private static decimal? EffortLimit(Collected collected, int capacity) =>
        collected.KthCheapestEffort is { } limit && MultipleChoiceKnapsack.Fits(collected.Townships.Select(t => Math.Min(capacity, t.KeptCount)).Where(cap => cap > 0).Select(cap => (cap + 1, cap)), capacity)
            ? limit
            : null;

    /// <summary>The bound on the gain when the plan is not known to be optimal.</summary>
    private static int Bound(List<TownshipOptions> townships, PlanBudget budget, int capacity) => budget.MaxVillages is { } k
        ? VillageBound(townships, k)
        : MultipleChoiceKnapsack.Solve(townships.ConvertAll(t => t.Bounds), capacity).UpperBound;

    /// <summary>
    /// With K villages, no plan gains more than one per village plus one town per township that helping all its
    /// candidates would make a town, at most one such township per village: the relaxation solved in closed form.
    /// </summary>
    private static int VillageBound(List<TownshipOptions> townships, int k)
    {
        var villages = Math.Min(k, townships.Sum(t => t.CandidateCount));
        return villages + Math.Min(villages, townships.Count(t => t.TownPossible));
    }

    /// <summary>The townships and counts of one collection.</summary>
    private sealed class Collected(PlanBudget budget, int capacity)
    {
        // With a budget of K villages, the K cheapest efforts so far, dearest on top.
        private readonly PriorityQueue<decimal, decimal> _cheapest = new(Comparer<decimal>.Create(static (a, b) => b.CompareTo(a)));

        public List<TownshipCandidates> Townships { get; } = [];

        /// <summary>With a budget of K villages and at least K candidates, the K-th cheapest effort; else null.</summary>
        public decimal? KthCheapestEffort => budget.MaxVillages is { } k && k > 0 && _cheapest.Count == k ? _cheapest.Peek() : null;

        public int Eligible { get; private set; }

        public int Candidates { get; private set; }

        public decimal Effort { get; private set; }

        public int Undecided { get; private set; }

        public int CannotPass { get; private set; }

        public void Add(PlanEntry entry, TownshipCandidates township)
        {
            township.Add(entry);
            (Eligible, Undecided, CannotPass) = (Eligible + (entry.IsEligible ? 1 : 0), Undecided + (entry.Undecided ? 1 : 0), CannotPass + (entry.CannotPass ? 1 : 0));
            if (entry.Candidate is { } candidate)
            {
                (Candidates, Effort) = (Candidates + 1, Effort + candidate.Effort);
                KeepEffort(candidate.Effort);
                if (Candidates > ExactCandidates)
                {
                    township.Trim(budget, capacity);
                }
            }
        }

        private void KeepEffort(decimal effort)
        {
            if (budget.MaxVillages is not { } k || k == 0)
            {
                return;
            }

            if (_cheapest.Count < k)
            {
                _cheapest.Enqueue(effort, effort);
            }
            else if (effort < _cheapest.Peek())
            {
                _cheapest.EnqueueDequeue(effort, effort);
            }
        }
    }
}
