using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// A village designated a Taobao Village on an official list (the shape of AliResearch's published lists): year and
/// region names, no figures.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Year">The list's year.</param>
/// <param name="Province">The province as written.</param>
/// <param name="City">The city.</param>
/// <param name="County">The county, district or county-level city.</param>
/// <param name="Township">The township, town or sub-district.</param>
/// <param name="Village">The village's name.</param>
public sealed record DesignatedVillage(int Year, string Province, string City, string County, string Township, string Village)
{
    /// <summary>The main product, when the list gives one.</summary>
    public string? MainProduct { get; init; }
}

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

/// <summary>
/// Where a village is: province, city, county and township names, and the township's statistical code when known.
/// Two regions are the same township when their codes match, or, without codes, their names match (province names
/// compared without suffixes such as 省 or 市, since lists write 北京 and 北京市 for the same place).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Province">The province.</param>
/// <param name="City">The city.</param>
/// <param name="County">The county.</param>
/// <param name="Township">The township.</param>
public sealed record Region(string Province, string City, string County, string Township)
{
    private static readonly string[] ProvinceSuffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"];

    /// <summary>The township's statistical code (9 digits), when known.</summary>
    public string? TownshipCode { get; init; }

    /// <summary>The province name without its suffix (浙江省 → 浙江, 北京市 → 北京).</summary>
    public string ProvinceKey => NormalizeProvince(Province);

    /// <summary>The county's key: the 6-digit code prefix when the township code is known, else the names.</summary>
    public string CountyKey => TownshipCode is { Length: 9 } code && code.All(char.IsAsciiDigit) ? code[..6] : $"{ProvinceKey}/{City}/{County}";

    /// <summary>The township's key: its code when known, else the names.</summary>
    public string Key => TownshipCode ?? $"{ProvinceKey}/{City}/{County}/{Township}";

    /// <summary>
    /// The grouping key at a level — the one function every summary, ranking and comparison groups by: for a county
    /// <see cref="CountyKey"/>, for a province <see cref="ProvinceKey"/>.
    /// </summary>
    /// <param name="level">County or province.</param>
    /// <returns>The key.</returns>
    public string KeyAt(RegionLevel level) => level == RegionLevel.Province ? ProvinceKey : CountyKey;

    /// <summary>This region cut to a level: a county keeps its province, city and county; a province only its name.</summary>
    /// <param name="level">County or province.</param>
    /// <returns>The region at that level.</returns>
    public Region At(RegionLevel level) => level == RegionLevel.Province
        ? new Region(Province, string.Empty, string.Empty, string.Empty)
        : this with { Township = string.Empty, TownshipCode = null };

    /// <summary>Where a village record is: its names, and its township code as given or from its statistical code.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The region; missing names are empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Region Of(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new Region(record.Province ?? string.Empty, record.City ?? string.Empty, record.County ?? string.Empty, record.Township ?? string.Empty)
        {
            TownshipCode = record.EffectiveTownshipCode,
        };
    }

    /// <summary>The province name without suffix.</summary>
    /// <param name="province">The name as written.</param>
    /// <returns>The name without 省, 市, 自治区 and the like.</returns>
    public static string NormalizeProvince(string province)
    {
        ArgumentNullException.ThrowIfNull(province);
        var name = province.Trim();
        foreach (var suffix in ProvinceSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }
}
