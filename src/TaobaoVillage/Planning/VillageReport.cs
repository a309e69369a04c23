using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planning;

/// <summary>
/// What a report on one records file shows, gathered in one pass as the rows are scored: the counts, the villages per
/// county, one histogram per numeric criterion of the rule sets the rows were judged by (its threshold the rule set's
/// own), the near misses, the first rejected rows and a support plan. A renderer (HTML, a workbook) draws it.
/// </summary>
/// <remarks>Immutable once built; thread-safe to read.</remarks>
public sealed class VillageReport
{
    private VillageReport(VillageReportBuilder built, SupportPlan? plan)
    {
        Counts = built.Counts;
        RuleSets = built.Shown;
        Counties = built.Counties.Rows();
        Charts = [.. RuleSets.SelectMany(r => built.Charts[r])];
        NearMisses = built.Misses.Take();
        Rejected = built.Rejected;
        Plan = plan;
    }

    /// <summary>The run's counts: read, scored, per verdict, rejected.</summary>
    public BatchCounts Counts { get; }

    /// <summary>The rule sets the rows were judged by, in the scorer's order (all of the scorer's when no row was scored).</summary>
    public IReadOnlyList<RuleSet> RuleSets { get; }

    /// <summary>The scored villages per county, most Taobao Villages first (<see cref="RegionTally.Rows"/>).</summary>
    public IReadOnlyList<RegionCount> Counties { get; }

    /// <summary>One histogram per numeric criterion of <see cref="RuleSets"/>, in order.</summary>
    public IReadOnlyList<CriterionHistogram> Charts { get; }

    /// <summary>The villages nearest to qualifying, nearest first (<see cref="NearMissRanking"/>).</summary>
    public IReadOnlyList<NearMiss> NearMisses { get; }

    /// <summary>The first rejected rows, in input order (<see cref="VillageReportOptions.RejectedRows"/>); <see cref="Counts"/> counts them all.</summary>
    public IReadOnlyList<ScoredRow> Rejected { get; }

    /// <summary>The support plan, or null when the input has more rows than <see cref="VillageReportOptions.PlanRowLimit"/>.</summary>
    public SupportPlan? Plan { get; }

    /// <summary>Scores the rows and gathers the report.</summary>
    /// <param name="scorer">The village scorer: one rule set, or each row by the set of its year.</param>
    /// <param name="rows">The rows, read once.</param>
    /// <param name="options">What to keep; <see cref="VillageReportOptions.Default"/> for the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Whatever <see cref="VillageReportOptions.TownRules"/> throws for a row's year comes out of the plan.</remarks>
    public static VillageReport Build(BatchScorer scorer, IEnumerable<InputRow> rows, VillageReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var built = new VillageReportBuilder(scorer, options);
        foreach (var row in scorer.Score(rows, built.Counts))
        {
            built.Add(row);
        }

        return new VillageReport(built, built.Plan());
    }
}
