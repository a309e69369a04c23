using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// Collects village results in one pass, holding one small accumulator per township and year (its Taobao Villages,
/// its undecided villages, sums of its figures), and from them decides towns and counts counties and provinces.
/// </summary>
/// <remarks>Not thread-safe while adding; the lists it returns are immutable.</remarks>
public sealed class RegionAggregator
{
    private readonly Dictionary<(int Year, string Key), TownshipTally> _groups = [];

    /// <summary>How many village results were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one village result.</summary>
    /// <param name="village">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="village"/> is null.</exception>
    public void Add(VillageResult village)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (!_groups.TryGetValue((village.Year, village.Region.Key), out var acc))
        {
            _groups[(village.Year, village.Region.Key)] = acc = new TownshipTally(village.Region, village.Year);
        }

        acc.Add(village);
        Count++;
    }

    /// <summary>Adds village results.</summary>
    /// <param name="villages">The results.</param>
    /// <exception cref="ArgumentNullException"><paramref name="villages"/> is null.</exception>
    public void AddRange(IEnumerable<VillageResult> villages)
    {
        ArgumentNullException.ThrowIfNull(villages);
        foreach (var village in villages)
        {
            Add(village);
        }
    }

    /// <summary>The years seen, in order.</summary>
    public IReadOnlyList<int> Years => _groups.Keys.Select(k => k.Year).Distinct().Order().ToList();

    /// <summary>Decides every township, with the rule set each year names.</summary>
    /// <param name="rules">The township rule set for a year.</param>
    /// <returns>The township verdicts, ordered by year, then province, city, county and township.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule set given is not a township rule set.</exception>
    public IReadOnlyList<TownVerdict> Towns(Func<int, RuleSet> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return _groups.Values
            .Select(acc => acc.Decide(rules(acc.Year)))
            .OrderBy(t => t.Year)
            .ThenBy(t => t.Region.ProvinceKey, StringComparer.Ordinal)
            .ThenBy(t => t.Region.City, StringComparer.Ordinal)
            .ThenBy(t => t.Region.County, StringComparer.Ordinal)
            .ThenBy(t => t.Region.Township, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Counts Taobao Villages and Towns per county and year, with the cluster candidates: a county with 10 or more
    /// Taobao Villages may hold a Taobao Village cluster (adjacency is not checked: the data has no geography), more
    /// than 100 is the very large kind.
    /// </summary>
    /// <param name="towns">The township verdicts from <see cref="Towns"/>.</param>
    /// <returns>One summary per county and year, most Taobao Villages first within a year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<RegionSummary> Counties(IEnumerable<TownVerdict> towns)
    {
        ArgumentNullException.ThrowIfNull(towns);
        return Summarise(towns, RegionLevel.County);
    }

    /// <summary>Counts Taobao Villages and Towns per province and year.</summary>
    /// <param name="towns">The township verdicts from <see cref="Towns"/>.</param>
    /// <returns>One summary per province and year, most Taobao Villages first within a year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<RegionSummary> Provinces(IEnumerable<TownVerdict> towns)
    {
        ArgumentNullException.ThrowIfNull(towns);
        return Summarise(towns, RegionLevel.Province);
    }

    private static List<RegionSummary> Summarise(IEnumerable<TownVerdict> towns, RegionLevel level) => towns
        .GroupBy(t => (t.Year, Key: t.Region.KeyAt(level)))
        .Select(g => new RegionSummary(g.First().Region.At(level), g.Key.Key, g.Key.Year)
        {
            TaobaoVillages = (int)g.Sum(t => t.TaobaoVillages),
            UndecidedVillages = g.Sum(t => t.UndecidedVillages.Count),
            TaobaoTowns = g.Count(t => t.Verdict.Eligibility == Engine.Eligibility.Eligible),
            UndecidedTowns = g.Count(t => t.Verdict.Eligibility == Engine.Eligibility.Indeterminate),
            Townships = g.Count(),
            Villages = g.Sum(t => t.Villages),
        })
        .OrderBy(s => s.Year)
        .ThenByDescending(s => s.TaobaoVillages)
        .ThenBy(s => s.Key, StringComparer.Ordinal)
        .ToList();
}
