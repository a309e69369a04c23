using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// One named value of an output row. The value is typed — text, a whole number, an amount, an
/// <see cref="Engine.Eligibility"/>, a <see cref="RuleSet"/>, a <see cref="Verdict"/> (its criteria), or a list of
/// <see cref="VillageResult"/>s — and each format writes each type one way (docs/formats.md).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Name">The column or property name (snake_case).</param>
/// <param name="Value">The value; <see langword="null"/> when unknown.</param>
public readonly record struct OutputField(string Name, object? Value)
{
    /// <summary>The column or property name; empty for <c>default(OutputField)</c>.</summary>
    public string Name { get => field ?? string.Empty; init; } = Name;
}

/// <summary>Which regions a summary or a comparison is per.</summary>
public enum RegionLevel
{
    /// <summary>Per county (with its province and city).</summary>
    County,

    /// <summary>Per province.</summary>
    Province,
}

/// <summary>
/// The output model of every level above the village — a township's verdict, a region's summary, a change between
/// two years — as ordered named fields: the one definition the JSON Lines, CSV and table writers all write.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class OutputRow
{
    /// <summary>The name under which every output names the rule set that decided: <c>rule_set</c>.</summary>
    public const string RuleSetField = "rule_set";

    /// <summary>A township's verdict: names, code, year, counts, figures, verdict, rule set, criteria, villages.</summary>
    /// <param name="town">The township verdict.</param>
    /// <returns>The fields, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="town"/> is null.</exception>
    public static IReadOnlyList<OutputField> Of(TownVerdict town)
    {
        ArgumentNullException.ThrowIfNull(town);
        return
        [
            .. Names(town.Region, RegionLevel.County, withTownship: true),
            new("township_code", town.Region.TownshipCode),
            new("year", town.Year),
            new(Metric.TaobaoVillages.Name, town.TaobaoVillages),
            new("undecided_villages", town.UndecidedVillages.Count),
            new(Metric.AnnualSales.Name, town.Figures.AnnualSales?.Yuan),
            new(Metric.ActiveShops.Name, town.Figures.ActiveShops),
            new("verdict", town.Verdict.Eligibility),
            new(RuleSetField, town.Verdict.RuleSet),
            new("criteria", town.Verdict),
            new("villages", (IReadOnlyList<VillageResult>)[.. town.QualifyingVillages, .. town.UndecidedVillages]),
        ];
    }

    /// <summary>A county's or province's summary for one year, with its rank.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="rank">Its rank in its year (1 is the most Taobao Villages).</param>
    /// <param name="level">County or province: which names are written, and whether a cluster candidate is.</param>
    /// <returns>The fields, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is null.</exception>
    public static IReadOnlyList<OutputField> Of(RegionSummary summary, int rank, RegionLevel level)
    {
        ArgumentNullException.ThrowIfNull(summary);
        List<OutputField> fields = [new("year", summary.Year), new("rank", rank), .. Names(summary.Region, level, withTownship: false),
            new(Metric.TaobaoVillages.Name, summary.TaobaoVillages), new("undecided_villages", summary.UndecidedVillages), new("taobao_towns", summary.TaobaoTowns)];
        if (level == RegionLevel.County)
        {
            fields.Add(new("cluster_candidate", ClusterName(summary.Cluster)));
        }

        return fields;
    }

    /// <summary>The names of <see cref="Of(NearMiss, int, string)"/>'s fields, in order: the header of a near-miss table with no rows too.</summary>
    public static IReadOnlyList<string> NearMissColumns { get; } = ["rank", "village_code", "village_name", "year", "county", "township", "verdict", "readiness", "needs"];

    /// <summary>The names of <see cref="Of(VerdictChange)"/>'s fields, in order: the header of a what-if table with no rows too.</summary>
    public static IReadOnlyList<string> VerdictChangeColumns { get; } = ["line", "village_code", "village_name", "before", "after"];

    /// <summary>A near miss with its rank: rank, code, name, year, county, township, verdict, readiness, needs.</summary>
    /// <param name="miss">The near miss.</param>
    /// <param name="rank">Its rank (1 is the nearest).</param>
    /// <param name="needs">What it still needs, worded by the caller (in its language and unit of money).</param>
    /// <returns>The fields, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="miss"/> is null.</exception>
    public static IReadOnlyList<OutputField> Of(NearMiss miss, int rank, string needs)
    {
        ArgumentNullException.ThrowIfNull(miss);
        var row = miss.Row;
        return Fields(NearMissColumns, [rank, row.Key ?? string.Empty, row.Record?.Name ?? string.Empty, row.Year, row.Record?.County ?? string.Empty,
            row.Record?.Township ?? string.Empty, row.StatusName, miss.Score, needs]);
    }

    /// <summary>A row whose verdict changes between two rule sets: line, code, name, before, after.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The fields, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    public static IReadOnlyList<OutputField> Of(VerdictChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = change.Before;
        return Fields(VerdictChangeColumns, [row.Line, row.Key ?? string.Empty, row.Record?.Name ?? string.Empty, row.StatusName, change.After.StatusName]);
    }

    /// <summary>A village or township newly designated, kept or lost between two years.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The fields, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    public static IReadOnlyList<OutputField> Of(DesignationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return [new("change", ChangeName(change.Change)), new("name", change.Name), .. Names(change.Region, RegionLevel.County, withTownship: true),
            new("from", change.From), new("to", change.To)];
    }

    /// <summary>A county's or province's counts in two years.</summary>
    /// <param name="change">The change.</param>
    /// <param name="level">County or province.</param>
    /// <returns>The fields, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is null.</exception>
    public static IReadOnlyList<OutputField> Of(RegionChange change, RegionLevel level)
    {
        ArgumentNullException.ThrowIfNull(change);
        return [.. Names(change.Region, level, withTownship: false), new("from", change.From), new("to", change.To),
            new("villages_from", change.VillagesFrom), new("villages_to", change.VillagesTo), new("new", change.New), new("kept", change.Kept),
            new("lost", change.Lost), new("towns_from", change.TownsFrom), new("towns_to", change.TownsTo)];
    }

    /// <summary>How a region is named for people: the province, or province, city and county.</summary>
    /// <param name="region">The region.</param>
    /// <param name="level">County or province.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is null.</exception>
    public static string DisplayName(Region region, RegionLevel level)
    {
        ArgumentNullException.ThrowIfNull(region);
        return level == RegionLevel.Province ? region.Province : $"{region.Province} {region.City} {region.County}";
    }

    /// <summary>The contract name of a change: <c>new</c>, <c>kept</c> or <c>lost</c>.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The name.</returns>
    public static string ChangeName(Change change) => change.ToString().ToLowerInvariant();

    /// <summary>The contract name of a cluster candidate: <c>none</c>, <c>cluster</c> or <c>very-large</c>.</summary>
    /// <param name="cluster">The candidate kind.</param>
    /// <returns>The name.</returns>
    public static string ClusterName(ClusterCandidate cluster) => cluster switch
    {
        ClusterCandidate.VeryLarge => "very-large",
        ClusterCandidate.Cluster => "cluster",
        _ => "none",
    };

    private static IEnumerable<OutputField> Names(Region region, RegionLevel level, bool withTownship)
    {
        yield return new("province", region.Province);
        if (level == RegionLevel.County)
        {
            yield return new("city", region.City);
            yield return new("county", region.County);
            if (withTownship)
            {
                yield return new("township", region.Township);
            }
        }
    }

    private static OutputField[] Fields(IReadOnlyList<string> names, object?[] values) => names.Zip(values, (name, value) => new OutputField(name, value)).ToArray();
}
