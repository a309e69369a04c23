using FsCheck;
using FsCheck.Fluent;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

/// <summary>Shrinking generators of village records: valid ones, with values clustered at the published thresholds.</summary>
public static class Arbitraries
{
    private static readonly Platform[] Platforms = Enum.GetValues<Platform>();

    /// <summary>Sales near the CN¥10M threshold (one fen either side), anywhere, zero, or huge.</summary>
    public static Gen<decimal> Sales { get; } = Gen.Frequency(
        (3, Gen.Choose(-300, 300).Select(fen => 10_000_000m + (fen / 100m))),
        (3, Gen.Choose(0, 50_000).Select(k => k * 1_000m)),
        (1, Gen.Elements(0m, 0.01m, 29_999_999.99m, 30_000_000m, 30_000_000.01m)),
        (1, Gen.Choose(1, 1_000_000).Select(x => x * 1_000_000_000m)));

    /// <summary>Counts near 100, small, or large.</summary>
    public static Gen<long> Shops { get; } = Gen.Frequency(
        (3, Gen.Choose(95, 105).Select(x => (long)x)),
        (3, Gen.Choose(0, 1_000).Select(x => (long)x)),
        (1, Gen.Choose(0, int.MaxValue).Select(x => (long)x * 1_000)));

    /// <summary>Household counts, small ones often so that the 10% boundary is hit.</summary>
    public static Gen<long> Households { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 120).Select(x => (long)x)),
        (3, Gen.Choose(1, 5_000).Select(x => (long)x)),
        (1, Gen.Choose(1, int.MaxValue).Select(x => (long)x)));

    /// <summary>A valid record: every figure present or missing, engaged households never above households.</summary>
    public static Gen<VillageRecord> ValidRecord { get; } =
        from code in Gen.Choose(1, 999_999).Select(n => "3307821" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))
        from households in Households.OrNull()
        from engagedFraction in Gen.Choose(0, 1000)
        from hasEngaged in Gen.Elements(true, true, true, false)
        from shops in Shops.OrNull()
        from sales in Sales.OrNull()
        from platform in Gen.Elements(Platforms).OrNull()
        from committee in Gen.Elements(CommitteeKind.Village, CommitteeKind.Village, CommitteeKind.Residents).OrNull()
        select new VillageRecord(new VillageCode(code))
        {
            Year = 2016,
            Households = households,
            EcommerceHouseholds = hasEngaged ? (households is { } h ? h * engagedFraction / 1000 : engagedFraction) : null,
            ActiveShops = shops,
            AnnualSales = sales is { } s ? Cny.FromYuan(s) : null,
            MainPlatform = platform,
            Committee = committee,
        };

    /// <summary>A valid record with every figure present.</summary>
    public static Gen<VillageRecord> CompleteRecord { get; } = ValidRecord.Select(Complete);

    /// <summary>Valid records, shrinking by dropping figures and moving numbers towards small values.</summary>
    public static Arbitrary<VillageRecord> Records() => Arb.From(ValidRecord, Shrink);

    /// <summary>Complete records, shrinking towards small values.</summary>
    public static Arbitrary<VillageRecord> CompleteRecords() => Arb.From(CompleteRecord, r => Shrink(r).Where(IsComplete));

    /// <summary>Candidates smaller than <paramref name="r"/> that are still valid.</summary>
    public static IEnumerable<VillageRecord> Shrink(VillageRecord r)
    {
        if (r.AnnualSales is not null)
        {
            yield return r with { AnnualSales = null };
        }

        if (r.ActiveShops is not null)
        {
            yield return r with { ActiveShops = null };
        }

        if (r.EcommerceHouseholds is not null)
        {
            yield return r with { EcommerceHouseholds = null };
        }

        if (r.MainPlatform is not null)
        {
            yield return r with { MainPlatform = null };
        }

        if (r.Committee is not null)
        {
            yield return r with { Committee = null };
        }

        if (r.AnnualSales is { Yuan: > 0 } s)
        {
            yield return r with { AnnualSales = Cny.FromYuan(decimal.Round(s.Yuan / 2, 2)) };
        }

        if (r.ActiveShops is > 0 and var shops)
        {
            yield return r with { ActiveShops = shops / 2 };
        }

        if (r.Households is > 1 and var h)
        {
            var half = h / 2;
            yield return r with { Households = half, EcommerceHouseholds = r.EcommerceHouseholds is { } e ? Math.Min(e, half) : null };
        }

        if (r.EcommerceHouseholds is > 0 and var engaged)
        {
            yield return r with { EcommerceHouseholds = engaged / 2 };
        }
    }

    /// <summary>Fills every missing figure with a plausible value.</summary>
    public static VillageRecord Complete(VillageRecord r)
    {
        var households = r.Households ?? 400;
        return r with
        {
            Households = households,
            EcommerceHouseholds = Math.Min(r.EcommerceHouseholds ?? 40, households),
            ActiveShops = r.ActiveShops ?? 100,
            AnnualSales = r.AnnualSales ?? Cny.FromYuan(10_000_000m),
            MainPlatform = r.MainPlatform ?? Platform.Taobao,
            Committee = r.Committee ?? CommitteeKind.Village,
        };
    }

    /// <summary>Whether every figure is present.</summary>
    public static bool IsComplete(VillageRecord r) =>
        r.Households is not null && r.EcommerceHouseholds is not null && r.ActiveShops is not null && r.AnnualSales is not null && r.MainPlatform is not null && r.Committee is not null;

    /// <summary>A generator of nullable values: missing about one time in five.</summary>
    public static Gen<T?> OrNull<T>(this Gen<T> gen)
        where T : struct => Gen.Frequency((4, gen.Select(v => (T?)v)), (1, Gen.Constant((T?)null)));
}
