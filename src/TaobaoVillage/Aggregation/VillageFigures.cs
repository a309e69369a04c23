using TaobaoVillage.Domain;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// The figures of a village that its township's figures are summed from; null where the record has none. Packed
/// (which figures are known in one byte), as the support plan holds one per candidate of a country.
/// </summary>
internal readonly struct VillageFigures
{
    private readonly decimal _sales;
    private readonly long _shops;
    private readonly long _households;
    private readonly long _engaged;
    private readonly byte _known;

    private VillageFigures(decimal? sales, long? shops, long? households, long? engaged)
    {
        (_sales, _shops, _households, _engaged) = (sales ?? 0m, shops ?? 0, households ?? 0, engaged ?? 0);
        _known = (byte)((sales is null ? 0 : 1) | (shops is null ? 0 : 2) | (households is null ? 0 : 4) | (engaged is null ? 0 : 8));
    }

    /// <summary>Annual sales in yuan.</summary>
    public decimal? Sales => (_known & 1) != 0 ? _sales : null;

    /// <summary>Active shops.</summary>
    public long? Shops => (_known & 2) != 0 ? _shops : null;

    /// <summary>Households.</summary>
    public long? Households => (_known & 4) != 0 ? _households : null;

    /// <summary>Households in e-commerce.</summary>
    public long? Engaged => (_known & 8) != 0 ? _engaged : null;

    /// <summary>The figures of a record, or all missing without one (a village from a list).</summary>
    public static VillageFigures Of(VillageRecord? record) =>
        new(record?.AnnualSales?.Yuan, record?.ActiveShops, record?.Households, record?.EcommerceHouseholds);
}
