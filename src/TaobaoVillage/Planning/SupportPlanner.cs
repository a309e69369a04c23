using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

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
/// Every gain is computed by the same calls as scoring and town aggregation. Pure and thread-safe.
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

        var villages = new List<(VillageResult Result, Candidate? Candidate)>();
        int undecided = 0, cannotPass = 0;
        foreach (var row in rows)
        {
            if (VillageResult.FromScored(row) is not { } scored || (year is not null && scored.Year != year))
            {
                continue;
            }

            // Towns need the figures and the eligibility, not the verdict: letting verdicts go keeps a country in memory.
            var result = scored with { Verdict = null };

            Candidate? candidate = null;
            if (result.Eligibility != Eligibility.Eligible)
            {
                switch (Candidate.Of(row, result))
                {
                    case (var c, _) when c is not null: candidate = c; break;
                    case (_, true): undecided++; break;
                    default: cannotPass++; break;
                }
            }

            villages.Add((result, candidate));
        }

        var candidates = villages.Count(v => v.Candidate is not null);
        var exact = candidates <= ExactCandidates;
        var townships = villages.GroupBy(v => (v.Result.Year, v.Result.Region.Key))
            .Select(g => new Township(g.ToList(), townRules(g.Key.Year), budget, exact))
            .ToList();
        var capacity = budget.MaxVillages ?? (int)decimal.Ceiling(budget.MaxEffort!.Value * 100m);
        var best = MultipleChoiceKnapsack.Solve(townships.ConvertAll(t => t.Options), capacity);
        var optimal = exact && best.IsExact && townships.All(t => t.Exact);
        var bound = optimal ? best.Value
            : budget.MaxVillages is { } k ? VillageBound(townships, k)
            : MultipleChoiceKnapsack.Solve(townships.ConvertAll(t => t.Bounds), capacity).UpperBound;

        var chosen = new List<PlannedVillage>();
        var townsGained = 0;
        for (var i = 0; i < townships.Count; i++)
        {
            var option = townships[i].Options[best.Choices[i]];
            townsGained += option.TownGain;
            chosen.AddRange(option.Members.Select(c => c.Plan(option.TownGain > 0 ? townships[i].Code : null)));
        }

        return new SupportPlan
        {
            Villages = [.. chosen.OrderBy(v => v.CompletesTown is null).ThenBy(v => v.CompletesTown, StringComparer.Ordinal).ThenBy(v => v.Effort).ThenBy(v => v.Line)],
            VillagesBefore = villages.Count(v => v.Result.Eligibility == Eligibility.Eligible),
            VillagesAfter = villages.Count(v => v.Result.Eligibility == Eligibility.Eligible) + chosen.Count,
            TownsBefore = townships.Count(t => t.TownBefore),
            TownsAfter = townships.Count(t => t.TownBefore) + townsGained,
            IsOptimal = optimal,
            GainBound = Math.Max(bound, best.Value),
            Candidates = candidates,
            Budget = budget,
            UsableBudget = Usable(budget, villages.Where(v => v.Candidate is not null).Select(v => v.Candidate!)),
            Undecided = undecided,
            CannotPass = cannotPass,
        };
    }

    /// <summary>The budget clipped to what helping every candidate would cost.</summary>
    private static PlanBudget Usable(PlanBudget budget, IEnumerable<Candidate> candidates) => budget.MaxVillages is { } k
        ? PlanBudget.Villages(Math.Min(k, candidates.Count()))
        : PlanBudget.Effort(Math.Min(budget.MaxEffort!.Value, candidates.Sum(c => c.Effort)));

    /// <summary>
    /// With K villages, no plan gains more than one per village plus one town per township that helping all its
    /// candidates would make a town, at most one such township per village: the relaxation solved in closed form.
    /// </summary>
    private static int VillageBound(List<Township> townships, int k)
    {
        var villages = Math.Min(k, townships.Sum(t => t.CandidateCount));
        return villages + Math.Min(villages, townships.Count(t => t.TownPossible));
    }

    /// <summary>A village that can pass by raising figures: its cheapest way, its cost and the record once raised.</summary>
    private sealed class Candidate
    {
        private readonly long _line;
        private readonly string? _code;
        private readonly string? _name;

        private Candidate(ScoredRow row, VillageResult raised, PathToPass path)
        {
            (_line, _code, _name) = (row.Line, row.Key, row.Record?.Name);
            Raised = raised;
            Steps = path.Steps;
            Effort = path.Steps.Sum(s => s.Fraction);
        }

        public VillageResult Raised { get; }

        public IReadOnlyList<Shortfall> Steps { get; }

        public decimal Effort { get; }

        public int EffortCost => (int)decimal.Ceiling(Effort * 100m);

        /// <summary>The candidate, or why not: missing data (undecided) or no way at all.</summary>
        public static (Candidate? Candidate, bool Undecided) Of(ScoredRow row, VillageResult result)
        {
            var verdict = row.Verdict!;
            // Ways come fewest missing figures first: if the first needs data, none can do without.
            var paths = verdict.PathsToPass(1);
            var path = paths.FirstOrDefault(p => p.MissingData.Count == 0 && p.Steps.Count > 0);
            if (path is null)
            {
                return (null, paths.Count > 0);
            }

            // Raise each figure by the most any step asks of it, then check: the raised record must pass.
            var record = row.Record!;
            foreach (var group in path.Steps.GroupBy(s => s.Metric.Numerator ?? s.Metric))
            {
                record = group.Key.Raise(record, group.Max(s => s.Amount))!;
                if (record is null)
                {
                    return (null, false);
                }
            }

            if (!VillageRecordValidator.IsValid(record) || !verdict.RuleSet.Compile().Evaluate(record).IsEligible)
            {
                return (null, false);
            }

            var raised = new VillageResult(result.Region, result.Village, result.Year, Eligibility.Eligible) { Code = result.Code, Record = record };
            return (new Candidate(row, raised, path), false);
        }

        public PlannedVillage Plan(string? completesTown) =>
            new(_line, _code ?? Raised.Key, _name, Raised.Region.TownshipCode, Raised.Year, Effort, Steps, completesTown);
    }

    /// <summary>One township in one year: its villages, its candidates and the ways to help them.</summary>
    private sealed class Township
    {
        private readonly List<VillageResult> _villages;
        private readonly List<Candidate> _candidates;
        private readonly Candidate[] _ordered;
        private readonly RuleSet _rules;

        public Township(List<(VillageResult Result, Candidate? Candidate)> villages, RuleSet rules, PlanBudget budget, bool exactInstance)
        {
            _villages = villages.ConvertAll(v => v.Result);
            _candidates = villages.Where(v => v.Candidate is not null).Select(v => v.Candidate!).OrderBy(c => c.Effort).ThenBy(c => c.Raised.Key, StringComparer.Ordinal).ToList();
            _ordered = [.. _candidates];
            _rules = rules;
            Code = villages[0].Result.Region.TownshipCode ?? villages[0].Result.Region.Key;
            TownBefore = IsTown([]);
            Exact = exactInstance && _candidates.Count <= ExactCandidatesPerTownship;
            var cap = budget.MaxVillages is { } k ? Math.Min(k, _candidates.Count) : _candidates.Count;
            Options = Exact ? Subsets(budget, cap) : Prefixes(budget, cap);

            // Optimistic: every size gains the town if helping all candidates would; costs are the cheapest for the size.
            TownPossible = !TownBefore && _candidates.Count > 0 && IsTown(_candidates);
            Bounds = budget.MaxVillages is null
                ? [.. Prefixes(budget, cap, evaluate: false).Select(o => o with { TownGain = TownPossible && o.Members.Count > 0 ? 1 : 0 })]
                : [];
        }

        public bool TownPossible { get; }

        public int CandidateCount => _candidates.Count;

        public string Code { get; }

        public bool TownBefore { get; }

        public bool Exact { get; }

        public List<PlanOption<Candidate>> Options { get; }

        public List<PlanOption<Candidate>> Bounds { get; }

        private List<PlanOption<Candidate>> Prefixes(PlanBudget budget, int cap, bool evaluate = true)
        {
            var town = evaluate ? FirstTownPrefix(cap) : int.MaxValue;
            var options = new List<PlanOption<Candidate>>(cap + 1);
            for (var m = 0; m <= cap; m++)
            {
                // A view of the first m candidates, not a copy: a township of n candidates holds n, not n²/2.
                var option = Make(new ArraySegment<Candidate>(_ordered, 0, m), budget, evaluate: false);
                options.Add(m >= town ? option with { TownGain = 1 } : option);
            }

            return options;
        }

        /// <summary>
        /// The fewest cheapest candidates that make the township a town, or int.MaxValue. Helping more villages never
        /// loses a town (raising figures is monotone), so a binary search finds it in log n aggregations, not n.
        /// </summary>
        private int FirstTownPrefix(int cap)
        {
            if (TownBefore || cap == 0 || !IsTown(new ArraySegment<Candidate>(_ordered, 0, cap)))
            {
                return int.MaxValue;
            }

            var (low, high) = (1, cap);
            while (low < high)
            {
                var mid = low + ((high - low) / 2);
                (low, high) = IsTown(new ArraySegment<Candidate>(_ordered, 0, mid)) ? (low, mid) : (mid + 1, high);
            }

            return low;
        }

        private List<PlanOption<Candidate>> Subsets(PlanBudget budget, int cap)
        {
            var options = new List<PlanOption<Candidate>>();
            for (var mask = 0; mask < 1 << _candidates.Count; mask++)
            {
                if (int.PopCount(mask) <= cap)
                {
                    options.Add(Make(_candidates.Where((_, i) => (mask & (1 << i)) != 0).ToList(), budget, evaluate: true));
                }
            }

            return options;
        }

        private PlanOption<Candidate> Make(IReadOnlyList<Candidate> members, PlanBudget budget, bool evaluate)
        {
            var effort = members.Sum(c => c.Effort);
            var cost = budget.MaxVillages is not null ? members.Count : members.Sum(c => c.EffortCost);
            var gain = evaluate && !TownBefore && members.Count > 0 && IsTown(members) ? 1 : 0;
            return new PlanOption<Candidate>(members, cost, effort, gain);
        }

        /// <summary>Whether the township is a Taobao Town with these candidates helped: the same call as <c>towns</c> makes.</summary>
        private bool IsTown(IReadOnlyCollection<Candidate> helped)
        {
            var raised = helped.Select(c => c.Raised).ToList();
            var keys = raised.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
            var villages = _villages.Where(v => !keys.Contains(v.Key)).Concat(raised);
            return TownAggregator.Towns(villages, _rules).Single().IsTaobaoTown;
        }
    }
}
