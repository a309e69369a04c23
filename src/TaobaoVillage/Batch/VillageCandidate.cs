namespace TaobaoVillage.Batch;

/// <summary>One village an ambiguous query could mean.</summary>
/// <param name="Key">Its key (the village code as read, or null for a row without one).</param>
/// <param name="Name">Its name, when the row gives one.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record VillageCandidate(string? Key, string? Name)
{
    /// <summary>The key and name as a planner reads them: <c>330782100001 前岙村</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Key} {Name}".Trim();
}
