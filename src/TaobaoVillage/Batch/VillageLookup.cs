namespace TaobaoVillage.Batch;

/// <summary>Finds a village the way planners name it: by code, by name, or by the unique start of either.</summary>
/// <remarks>Stateless and thread-safe; reads the rows once.</remarks>
public static class VillageLookup
{
    /// <summary>The most villages a <see cref="VillageMatch.Candidates"/> list names.</summary>
    public const int MaxCandidates = 10;

    private const int MaxPrefixRows = 1_000;

    /// <summary>
    /// The rows of one village: an exact code first, then an exact name, then a start shared by one village only. The
    /// first of these three that names any village decides: one village is found, several are ambiguous.
    /// </summary>
    /// <param name="rows">Scored rows, read once.</param>
    /// <param name="wanted">A code, a name, or the start of one (ordinal comparison).</param>
    /// <returns>The match: found, ambiguous (with candidates) or none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="wanted"/> is null.</exception>
    public static VillageMatch Find(IEnumerable<ScoredRow> rows, string wanted)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(wanted);
        var tiers = Sort(rows, wanted);
        foreach (var found in tiers)
        {
            var villages = found.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count();
            if (villages > 0)
            {
                return villages == 1 ? new VillageMatch(found, [], 1) : new VillageMatch([], Candidates(found), villages);
            }
        }

        return new VillageMatch([], [], 0);
    }

    private static List<ScoredRow>[] Sort(IEnumerable<ScoredRow> rows, string wanted)
    {
        List<ScoredRow>[] tiers = [[], [], []];
        foreach (var row in rows)
        {
            var tier = TierOf(row, wanted);
            if (tier is { } t && (t < 2 || tiers[2].Count < MaxPrefixRows))
            {
                tiers[t].Add(row);
            }
        }

        return tiers;
    }

    private static int? TierOf(ScoredRow row, string wanted)
    {
        var name = row.Record?.Name;
        if (string.Equals(row.Key, wanted, StringComparison.Ordinal))
        {
            return 0;
        }

        if (string.Equals(name, wanted, StringComparison.Ordinal))
        {
            return 1;
        }

        var starts = (row.Key?.StartsWith(wanted, StringComparison.Ordinal) ?? false) || (name?.StartsWith(wanted, StringComparison.Ordinal) ?? false);
        return starts ? 2 : null;
    }

    private static List<VillageCandidate> Candidates(List<ScoredRow> found) =>
        found.GroupBy(r => r.Key).Take(MaxCandidates).Select(g => new VillageCandidate(g.Key, g.First().Record?.Name)).ToList();
}
