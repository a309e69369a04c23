using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Aggregation;

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
