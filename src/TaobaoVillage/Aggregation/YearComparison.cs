namespace TaobaoVillage.Aggregation;

/// <summary>How a place's designation changed between two years.</summary>
public enum Change
{
    /// <summary>Designated in the later year only.</summary>
    New,

    /// <summary>Designated in both years.</summary>
    Kept,

    /// <summary>Designated in the earlier year only.</summary>
    Lost,
}

/// <summary>One village's or township's change between two years.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Key">The stable key (code, or region and name).</param>
/// <param name="Region">Where it is.</param>
/// <param name="Name">The village's or township's name.</param>
/// <param name="From">The earlier year.</param>
/// <param name="To">The later year.</param>
/// <param name="Change">New, kept or lost.</param>
public sealed record DesignationChange(string Key, Region Region, string Name, int From, int To, Change Change);

/// <summary>A county's or province's counts in two years, and its villages new, kept and lost.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Key">The county or province key.</param>
/// <param name="Region">Its names.</param>
/// <param name="From">The earlier year.</param>
/// <param name="To">The later year.</param>
public sealed record RegionChange(string Key, Region Region, int From, int To)
{
    /// <summary>Taobao Villages in the earlier year.</summary>
    public int VillagesFrom { get; init; }

    /// <summary>Taobao Villages in the later year.</summary>
    public int VillagesTo { get; init; }

    /// <summary>Villages designated only in the later year.</summary>
    public int New { get; init; }

    /// <summary>Villages designated in both years.</summary>
    public int Kept { get; init; }

    /// <summary>Villages designated only in the earlier year.</summary>
    public int Lost { get; init; }

    /// <summary>Taobao Towns in the earlier year.</summary>
    public int TownsFrom { get; init; }

    /// <summary>Taobao Towns in the later year.</summary>
    public int TownsTo { get; init; }
}

/// <summary>
/// Compares designations between years: which villages and towns are new, kept or lost, and how counts changed per
/// county and province. Only decided designations count (eligible); an indeterminate verdict is neither.
/// </summary>
/// <remarks>
/// Villages are matched by code when they have one, else by province (without suffix), city, county, township and
/// name, so a renamed county or township shows as lost and new. Static members are pure and thread-safe.
/// </remarks>
public static class YearComparison
{
    /// <summary>The villages designated in either year, each new, kept or lost.</summary>
    /// <param name="villages">Village results of both years (others are ignored).</param>
    /// <param name="from">The earlier year.</param>
    /// <param name="to">The later year.</param>
    /// <returns>The changes, new first, then kept, then lost.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="villages"/> is null.</exception>
    public static IReadOnlyList<DesignationChange> Villages(IEnumerable<VillageResult> villages, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(villages);
        var designated = villages.Where(v => v.Eligibility == Engine.Eligibility.Eligible && (v.Year == from || v.Year == to));
        return Compare(designated.Select(v => (v.Key, v.Region, v.Village, v.Year)), from, to);
    }

    /// <summary>The Taobao Towns of either year, each new, kept or lost.</summary>
    /// <param name="towns">Township verdicts of both years.</param>
    /// <param name="from">The earlier year.</param>
    /// <param name="to">The later year.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<DesignationChange> Towns(IEnumerable<TownVerdict> towns, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(towns);
        return Compare(towns.Where(t => t.IsTaobaoTown && (t.Year == from || t.Year == to)).Select(t => (t.Region.Key, t.Region, t.Region.Township, t.Year)), from, to);
    }

    /// <summary>Per county: Taobao Villages and Towns in each year, and villages new, kept and lost.</summary>
    /// <param name="towns">Township verdicts of both years.</param>
    /// <param name="from">The earlier year.</param>
    /// <param name="to">The later year.</param>
    /// <returns>One row per county, largest change first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<RegionChange> Counties(IEnumerable<TownVerdict> towns, int from, int to) =>
        Regions(towns, from, to, RegionLevel.County);

    /// <summary>Per province: Taobao Villages and Towns in each year, and villages new, kept and lost.</summary>
    /// <param name="towns">Township verdicts of both years.</param>
    /// <param name="from">The earlier year.</param>
    /// <param name="to">The later year.</param>
    /// <returns>One row per province, largest change first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<RegionChange> Provinces(IEnumerable<TownVerdict> towns, int from, int to) =>
        Regions(towns, from, to, RegionLevel.Province);

    private static List<RegionChange> Regions(IEnumerable<TownVerdict> towns, int from, int to, RegionLevel level)
    {
        string key(TownVerdict t) => t.Region.KeyAt(level);
        ArgumentNullException.ThrowIfNull(towns);
        var list = towns.Where(t => t.Year == from || t.Year == to).ToList();
        var villageChanges = Villages(list.SelectMany(t => t.QualifyingVillages), from, to);
        var byVillageKey = list.SelectMany(t => t.QualifyingVillages.Select(v => (v.Key, Region: key(t)))).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Region);
        return list.GroupBy(key)
            .Select(g =>
            {
                var changes = villageChanges.Where(c => byVillageKey.GetValueOrDefault(c.Key) == g.Key).ToList();
                return new RegionChange(g.Key, g.First().Region.At(level), from, to)
                {
                    VillagesFrom = g.Where(t => t.Year == from).Sum(t => t.QualifyingVillages.Count),
                    VillagesTo = g.Where(t => t.Year == to).Sum(t => t.QualifyingVillages.Count),
                    TownsFrom = g.Count(t => t.Year == from && t.IsTaobaoTown),
                    TownsTo = g.Count(t => t.Year == to && t.IsTaobaoTown),
                    New = changes.Count(c => c.Change == Change.New),
                    Kept = changes.Count(c => c.Change == Change.Kept),
                    Lost = changes.Count(c => c.Change == Change.Lost),
                };
            })
            .OrderByDescending(r => Math.Abs(r.VillagesTo - r.VillagesFrom))
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static List<DesignationChange> Compare(IEnumerable<(string Key, Region Region, string Name, int Year)> items, int from, int to)
    {
        var seen = new Dictionary<string, (Region Region, string Name, bool From, bool To)>(StringComparer.Ordinal);
        foreach (var (key, region, name, year) in items)
        {
            var entry = seen.TryGetValue(key, out var found) ? found : (Region: region, Name: name, From: false, To: false);
            // Both flags can be set by one item: comparing a year with itself keeps everything.
            if (year == from)
            {
                entry = entry with { From = true };
            }

            if (year == to)
            {
                entry = entry with { To = true, Region = region, Name = name };
            }

            seen[key] = entry;
        }

        return seen
            .Select(kv => new DesignationChange(kv.Key, kv.Value.Region, kv.Value.Name, from, to,
                kv.Value.From && kv.Value.To ? Change.Kept : kv.Value.To ? Change.New : Change.Lost))
            .OrderBy(c => c.Change)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }
}
