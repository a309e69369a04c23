namespace TaobaoVillage.Batch;

/// <summary>What <see cref="VillageLookup.Find"/> found: one village's rows, or the villages a query could mean.</summary>
/// <param name="Rows">The village's rows (one per year it appears in) when exactly one village matched; else empty.</param>
/// <param name="Candidates">When several matched, the first <see cref="VillageLookup.MaxCandidates"/> of them; else empty.</param>
/// <param name="VillageCount">How many villages matched: 0 none, 1 found, more ambiguous.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record VillageMatch(IReadOnlyList<ScoredRow> Rows, IReadOnlyList<VillageCandidate> Candidates, int VillageCount)
{
    /// <summary>Whether exactly one village matched.</summary>
    public bool IsFound => VillageCount == 1;
}
