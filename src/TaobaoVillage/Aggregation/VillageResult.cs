using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// One village's outcome for one year, whatever it came from: a scored record (with its verdict) or an official list
/// (designated, so eligible, without figures). The unit that towns, counties, provinces and years are built from.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record VillageResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="region">Where the village is.</param>
    /// <param name="village">The village's name or code.</param>
    /// <param name="year">The year.</param>
    /// <param name="eligibility">Whether it is a Taobao Village.</param>
    public VillageResult(Region region, string village, int year, Eligibility eligibility)
    {
        Region = region ?? throw new ArgumentNullException(nameof(region));
        Village = village ?? throw new ArgumentNullException(nameof(village));
        Year = year;
        Eligibility = eligibility;
    }

    /// <summary>Where the village is.</summary>
    public Region Region { get; }

    /// <summary>The village's name (lists) or code (records).</summary>
    public string Village { get; }

    /// <summary>The village's code, when known.</summary>
    public string? Code { get; init; }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>Whether it is a Taobao Village that year.</summary>
    public Eligibility Eligibility { get; }

    /// <summary>The record, when the result came from one (its figures feed township sums).</summary>
    public VillageRecord? Record { get; init; }

    /// <summary>The village's own verdict, when it was scored.</summary>
    public Verdict? Verdict { get; init; }

    /// <summary>A key for the village that is stable across years: its code, else its region and name.</summary>
    public string Key => Code ?? Region.Key + "/" + Village;

    /// <summary>The result of a scored row; <see langword="null"/> for a rejected row or a row without a year.</summary>
    /// <param name="row">The scored row.</param>
    /// <param name="defaultYear">The year to use when the record has none.</param>
    /// <returns>The result, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public static VillageResult? FromScored(ScoredRow row, int? defaultYear = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Record is not { } record || row.Verdict is not { } verdict || (record.Year ?? defaultYear) is not { } year)
        {
            return null;
        }

        return new VillageResult(Region.Of(record), record.Name ?? record.Code.Value, year, verdict.Eligibility) { Code = record.Code.Value, Record = record, Verdict = verdict };
    }

    /// <summary>The result of a designated village: eligible.</summary>
    /// <param name="village">The listed village.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="village"/> is null.</exception>
    public static VillageResult FromDesignated(DesignatedVillage village)
    {
        ArgumentNullException.ThrowIfNull(village);
        return new VillageResult(new Region(village.Province, village.City, village.County, village.Township), village.Village, village.Year, Eligibility.Eligible);
    }
}

