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
