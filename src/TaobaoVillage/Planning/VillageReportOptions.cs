using TaobaoVillage.RuleSets;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planning;

/// <summary>How much a <see cref="VillageReport"/> keeps: near misses, rejected rows, and the support plan's size.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed record VillageReportOptions
{
    /// <summary>The defaults: 20 near misses, 50 rejected rows, a plan of 10 villages for inputs of up to 100,000 rows.</summary>
    public static VillageReportOptions Default { get; } = new();

    /// <summary>How many near misses are kept, nearest first (default 20).</summary>
    public int NearMisses { get; init; } = 20;

    /// <summary>How many rejected rows are kept, in input order (default 50); all are counted.</summary>
    public int RejectedRows { get; init; } = 50;

    /// <summary>How many villages the support plan helps (default 10).</summary>
    public int PlanVillages { get; init; } = 10;

    /// <summary>
    /// The most rows a plan is made for (default 100,000): the report's plan holds every row; larger inputs get none
    /// (<see cref="VillageReport.Plan"/> is null) and are planned with <see cref="SupportPlanner.ScoreAndPlan"/>.
    /// </summary>
    public int PlanRowLimit { get; init; } = 100_000;

    /// <summary>The township rule set of a data year, for the plan's towns (default <see cref="BuiltInRuleSets.ForTownshipYear"/>).</summary>
    public Func<int, RuleSet> TownRules { get; init; } = BuiltInRuleSets.ForTownshipYear;
}
