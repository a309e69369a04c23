using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>
/// The fields of the village records file contract that are not metrics — the key, names, township code and year —
/// with the header aliases planners write (docs/domain.md, "Column names"); metrics carry their own in <see cref="Metric.Aliases"/>.
/// </summary>
internal static class RecordFields
{
    public static readonly IdentityField VillageCode = new(FieldNames.VillageCode, (d, v) => d.Code = v,
        "code", "村代码", "村编码", "行政区划代码", "统计用区划代码", "区划代码");

    public static readonly IdentityField VillageName = new(FieldNames.VillageName, (d, v) => d.Name = v,
        "village", "name", "村名", "村名称", "村庄名称", "行政村", "行政村名称");

    public static readonly IdentityField Year = new(FieldNames.Year, null, "年份", "年度");

    /// <summary>Every identity field, in contract order.</summary>
    public static readonly IdentityField[] All =
    [
        VillageCode,
        VillageName,
        new(FieldNames.Province, (d, v) => d.Province = v, "省", "省份"),
        new(FieldNames.City, (d, v) => d.City = v, "市", "地市", "地级市"),
        new(FieldNames.County, (d, v) => d.County = v, "县", "区县", "县区", "县(市、区)"),
        new(FieldNames.Township, (d, v) => d.Township = v, "town", "乡镇", "乡镇(街道)", "镇(街道)", "街道"),
        new(FieldNames.TownshipCode, (d, v) => d.TownshipCode = v, "乡镇代码"),
        Year,
    ];
}

/// <summary>A text field of the records contract: its name, its aliases, and where its text goes (null for the year, which is parsed).</summary>
internal sealed record IdentityField(string Name, Action<RecordDraft, string>? Store, params string[] Aliases);
