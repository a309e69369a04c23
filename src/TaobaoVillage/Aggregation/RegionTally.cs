using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Aggregation;

/// <summary>One region's verdict counts in a <see cref="RegionTally"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Region">The region, cut to the tally's level.</param>
/// <param name="Key">Its grouping key (<see cref="Region.KeyAt"/>).</param>
/// <param name="Eligible">Eligible villages.</param>
/// <param name="NotEligible">Villages not eligible.</param>
/// <param name="Indeterminate">Villages whose verdict missing data leaves open.</param>
public sealed record RegionCount(Region Region, string Key, int Eligible, int NotEligible, int Indeterminate);

/// <summary>
/// Village verdicts counted per county or province as rows stream past, grouped by <see cref="Region.KeyAt"/>
/// (codes where known, names otherwise): for summaries and reports of scored files.
/// </summary>
/// <remarks>Not thread-safe: one tally per run.</remarks>
/// <param name="level">County or province.</param>
public sealed class RegionTally(RegionLevel level)
{
    private readonly Dictionary<string, (Region Region, int[] Counts)> _byKey = new(StringComparer.Ordinal);

    /// <summary>The level counted at.</summary>
    public RegionLevel Level => level;

    /// <summary>Counts one scored row; rejected rows are not counted.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Record is not { } record || row.Verdict is not { } verdict)
        {
            return;
        }

        var region = Region.Of(record);
        var key = region.KeyAt(level);
        if (!_byKey.TryGetValue(key, out var entry))
        {
            _byKey[key] = entry = (region.At(level), new int[3]);
        }

        entry.Counts[verdict.Eligibility switch { Eligibility.Eligible => 0, Eligibility.NotEligible => 1, _ => 2 }]++;
    }

    /// <summary>The counts per region, most eligible villages first, then by key.</summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<RegionCount> Rows() => _byKey
        .Select(kv => new RegionCount(kv.Value.Region, kv.Key, kv.Value.Counts[0], kv.Value.Counts[1], kv.Value.Counts[2]))
        .OrderByDescending(r => r.Eligible)
        .ThenBy(r => r.Key, StringComparer.Ordinal)
        .ToList();
}
