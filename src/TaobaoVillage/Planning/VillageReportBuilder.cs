using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planning;

/// <summary>A <see cref="VillageReport"/> as it is gathered, row by row.</summary>
internal sealed class VillageReportBuilder(BatchScorer scorer, VillageReportOptions options)
{
    private readonly HashSet<RuleSet> _used = [];

    // The support plan needs every row at once: kept for county- and province-sized inputs only.
    private List<ScoredRow>? _kept = [];

    public BatchCounts Counts { get; } = new();

    public RegionTally Counties { get; } = new(RegionLevel.County);

    public Dictionary<RuleSet, IReadOnlyList<CriterionHistogram>> Charts { get; } = scorer.RuleSets.ToDictionary(r => r, CriterionHistogram.ForRuleSet);

    public NearMissRanking Misses { get; } = new(options.NearMisses);

    public List<ScoredRow> Rejected { get; } = [];

    // The sets the rows were judged by (all of them when none was used, as for an empty file), as the summary names them.
    public IReadOnlyList<RuleSet> Shown => _used.Count > 0 ? [.. scorer.RuleSets.Where(_used.Contains)] : scorer.RuleSets;

    public void Add(ScoredRow row)
    {
        Keep(row);
        if (row.Record is not { } record || row.Verdict is not { } verdict)
        {
            if (Rejected.Count < options.RejectedRows)
            {
                Rejected.Add(row);
            }

            return;
        }

        Counties.Add(row);
        _used.Add(verdict.RuleSet);
        foreach (var chart in Charts[verdict.RuleSet])
        {
            chart.Add(record);
        }

        Misses.Add(row);
    }

    public SupportPlan? Plan() => _kept is null ? null : SupportPlanner.Plan(_kept, options.TownRules, PlanBudget.Villages(options.PlanVillages));

    private void Keep(ScoredRow row)
    {
        _kept?.Add(row);
        if (_kept?.Count > options.PlanRowLimit)
        {
            _kept = null;
        }
    }
}
