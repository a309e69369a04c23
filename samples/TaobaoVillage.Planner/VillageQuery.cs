using TaobaoVillage.Batch;

namespace TaobaoVillage.Planner;

/// <summary>Finds a village the way planners name it: by code, by name, or by the unique start of either.</summary>
public static class VillageQuery
{
    /// <summary>The rows of one village: an exact code first, then an exact name, then a start shared by one village only.</summary>
    /// <param name="rows">Scored rows, read once.</param>
    /// <param name="wanted">A code, a name, or the start of one.</param>
    /// <param name="source">The input's name, for messages.</param>
    /// <returns>The village's rows (one per year it appears in).</returns>
    /// <exception cref="PlannerException">No village matches, or several do (they are listed).</exception>
    public static List<ScoredRow> Find(IEnumerable<ScoredRow> rows, string wanted, string source)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(wanted);
        var byCode = new List<ScoredRow>();
        var byName = new List<ScoredRow>();
        var byStart = new List<ScoredRow>();
        foreach (var row in rows)
        {
            var name = row.Record?.Name;
            if (string.Equals(row.Key, wanted, StringComparison.Ordinal))
            {
                byCode.Add(row);
            }
            else if (string.Equals(name, wanted, StringComparison.Ordinal))
            {
                byName.Add(row);
            }
            else if ((row.Key?.StartsWith(wanted, StringComparison.Ordinal) ?? false) || (name?.StartsWith(wanted, StringComparison.Ordinal) ?? false))
            {
                if (byStart.Count < 1_000)
                {
                    byStart.Add(row);
                }
            }
        }

        foreach (var found in new[] { byCode, byName, byStart })
        {
            var villages = found.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
            if (villages.Count == 1)
            {
                return found;
            }

            if (villages.Count > 1)
            {
                var listed = found.GroupBy(r => r.Key).Take(10).Select(g => $"{g.Key} {g.First().Record?.Name}".Trim());
                throw new PlannerException(Words.Format("'{0}' names {1} villages in {2}: {3}; give the code.", wanted, villages.Count, source, string.Join(", ", listed) + (villages.Count > 10 ? ", …" : string.Empty)));
            }
        }

        throw new PlannerException(Words.Format("no village '{0}' in {1} (by code, name or the start of either).", wanted, source));
    }
}
