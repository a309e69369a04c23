using TaobaoVillage.Engine;

namespace TaobaoVillage.Planning;

/// <summary>What a support plan may spend: a number of villages, or a total effort.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PlanBudget
{
    private PlanBudget(int? villages, decimal? effort) => (MaxVillages, MaxEffort) = (villages, effort);

    /// <summary>At most this many villages helped, or null.</summary>
    public int? MaxVillages { get; }

    /// <summary>At most this total effort, or null (see <see cref="PlannedVillage.Effort"/>).</summary>
    public decimal? MaxEffort { get; }

    /// <summary>At most <paramref name="count"/> villages helped.</summary>
    /// <param name="count">The number, 0 or more.</param>
    /// <returns>The budget.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static PlanBudget Villages(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new PlanBudget(count, null);
    }

    /// <summary>At most <paramref name="effort"/> in total (1 is one whole threshold's worth of shortfall).</summary>
    /// <param name="effort">The total effort, 0 or more.</param>
    /// <returns>The budget.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="effort"/> is negative.</exception>
    public static PlanBudget Effort(decimal effort)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(effort);
        return new PlanBudget(null, effort);
    }
}

/// <summary>One village a plan helps: what it must gain, what that costs, and the town it helps make.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Line">The village's line in the input.</param>
/// <param name="VillageCode">The village's code.</param>
/// <param name="VillageName">Its name, when given.</param>
/// <param name="TownshipCode">Its township's code, when known.</param>
/// <param name="Year">The data year.</param>
/// <param name="Effort">The sum, over the steps of its cheapest way to pass, of the fraction of the threshold still missing (0.25 = a quarter of a threshold).</param>
/// <param name="Steps">The shortfalls to close (its cheapest way to pass).</param>
/// <param name="CompletesTown">The township code (or key) that the plan turns into a Taobao Town with this village's help, or null.</param>
public sealed record PlannedVillage(long Line, string VillageCode, string? VillageName, string? TownshipCode, int Year, decimal Effort, IReadOnlyList<Shortfall> Steps, string? CompletesTown);

/// <summary>Which villages to help so that the most villages and towns qualify, and what that gives.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SupportPlan
{
    /// <summary>The villages to help, in the order they are worth helping: those that complete a town first, then the cheapest.</summary>
    public required IReadOnlyList<PlannedVillage> Villages { get; init; }

    /// <summary>Taobao Villages before the plan.</summary>
    public required int VillagesBefore { get; init; }

    /// <summary>Taobao Villages after it.</summary>
    public required int VillagesAfter { get; init; }

    /// <summary>Taobao Towns before the plan.</summary>
    public required int TownsBefore { get; init; }

    /// <summary>Taobao Towns after it.</summary>
    public required int TownsAfter { get; init; }

    /// <summary>The plan's total effort.</summary>
    public decimal Effort => Villages.Sum(v => v.Effort);

    /// <summary>New designations: villages plus towns.</summary>
    public int Gain => VillagesAfter - VillagesBefore + TownsAfter - TownsBefore;

    /// <summary>Whether the plan is proven best (every choice within each township was tried); false for a heuristic.</summary>
    public required bool IsOptimal { get; init; }

    /// <summary>No plan within the budget can give more new designations than this (equal to <see cref="Gain"/> when optimal).</summary>
    public required int GainBound { get; init; }

    /// <summary>Villages that could pass by raising figures (the candidates).</summary>
    public required int Candidates { get; init; }

    /// <summary>Villages not yet eligible whose way to pass needs figures that are missing: undecided, never chosen.</summary>
    public required int Undecided { get; init; }

    /// <summary>Villages no raise of figures can make pass (a residents' committee under a rule that excludes them): never chosen.</summary>
    public required int CannotPass { get; init; }

    /// <summary>The budget asked for; null when the plan was built without one.</summary>
    public PlanBudget? Budget { get; init; }

    /// <summary>
    /// The budget the plan worked with: the one asked for, clipped to what helping every candidate would cost (a
    /// budget beyond that buys nothing more); null when the plan was built without one.
    /// </summary>
    public PlanBudget? UsableBudget { get; init; }
}
