namespace TaobaoVillage.Domain;

/// <summary>
/// One township's figures for one year, as township rule sets see them: its count of Taobao Villages and its
/// e-commerce totals. Usually the sums of its villages' records; every figure is optional and missing means unknown.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Code">The township's key, usually the 9-digit statistical prefix, or its name where codes are unknown.</param>
public sealed record TownshipFigures(string Code)
{
    /// <summary>The township's name.</summary>
    public string? Name { get; init; }

    /// <summary>The province's name.</summary>
    public string? Province { get; init; }

    /// <summary>The city's name.</summary>
    public string? City { get; init; }

    /// <summary>The county's name.</summary>
    public string? County { get; init; }

    /// <summary>The year the figures describe.</summary>
    public int? Year { get; init; }

    /// <summary>Township or sub-district, when known.</summary>
    public TownshipKind? Kind { get; init; }

    /// <summary>
    /// <see cref="Kind"/> when given, else what the code's NBS range or the name's suffix says
    /// (<see cref="OfficialNames.TownshipKindOf"/>), else unknown.
    /// </summary>
    public TownshipKind? EffectiveKind => Kind ?? OfficialNames.TownshipKindOf(Code, Name);

    /// <summary>How many of its villages are Taobao Villages; <see langword="null"/> when unknown.</summary>
    public long? TaobaoVillages { get; init; }

    /// <summary>Annual e-commerce sales of the township.</summary>
    public Cny? AnnualSales { get; init; }

    /// <summary>Active online shops in the township.</summary>
    public long? ActiveShops { get; init; }

    /// <summary>Households in the township.</summary>
    public long? Households { get; init; }

    /// <summary>Households engaged in e-commerce in the township.</summary>
    public long? EcommerceHouseholds { get; init; }
}
