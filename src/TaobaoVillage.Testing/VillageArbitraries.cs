using FsCheck;
using FsCheck.Fluent;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Testing;

/// <summary>
/// FsCheck generators and shrinking arbitraries of village records: valid ones with values clustered at the published
/// thresholds (one fen, one shop, one household either side), complete ones, boundary ones, and invalid ones that name
/// the field they break. Register the class with <c>[Properties(Arbitrary = [typeof(VillageArbitraries)])]</c> to get
/// <see cref="VillageRecord"/> arguments.
/// </summary>
/// <remarks>Generators are immutable and thread-safe.</remarks>
public static partial class VillageArbitraries
{
    private static readonly Platform[] Platforms = Enum.GetValues<Platform>();

    /// <summary>Sales near CN¥10M (within CN¥3 either side, in fen), anywhere up to CN¥50M, the CN¥30M town boundary, zero, or huge.</summary>
    public static Gen<decimal> Sales { get; } = Gen.Frequency(
        (3, Gen.Choose(-300, 300).Select(fen => 10_000_000m + (fen / 100m))),
        (3, Gen.Choose(0, 50_000).Select(k => k * 1_000m)),
        (1, Gen.Elements(0m, 0.01m, 29_999_999.99m, 30_000_000m, 30_000_000.01m)),
        (1, Gen.Choose(1, 1_000_000).Select(x => x * 1_000_000_000m)));

    /// <summary>Shop counts near 100, small, or large.</summary>
    public static Gen<long> Shops { get; } = Gen.Frequency(
        (3, Gen.Choose(95, 105).Select(x => (long)x)),
        (3, Gen.Choose(0, 1_000).Select(x => (long)x)),
        (1, Gen.Choose(0, int.MaxValue).Select(x => (long)x * 1_000)));

    /// <summary>Household counts, small ones often so that the 10% boundary is hit.</summary>
    public static Gen<long> Households { get; } = Gen.Frequency(
        (3, Gen.Choose(1, 120).Select(x => (long)x)),
        (3, Gen.Choose(1, 5_000).Select(x => (long)x)),
        (1, Gen.Choose(1, int.MaxValue).Select(x => (long)x)));

    // Province prefixes of the NBS codes, from Beijing (11) to Xinjiang (65).
    private static readonly int[] Provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

    /// <summary>
    /// Village codes: 12-digit statistical codes of every province (township kinds 001–599), codes from a small pool
    /// (so that arrays hold duplicates often), and codes that are not statistical at all (a bureau's own numbering).
    /// </summary>
    public static Gen<string> Code { get; } = Gen.Frequency(
        (6, from province in Gen.Elements(Provinces)
            from rest in Gen.Choose(1, 99_999)
            from township in Gen.Choose(1, 599)
            from village in Gen.Choose(1, 499)
            select FormattableString.Invariant($"{province:D2}{rest % 10_000:D4}{township:D3}{village:D3}")),
        (2, Gen.Choose(1, 40).Select(n => FormattableString.Invariant($"330782100{n:D3}"))),
        (1, Gen.Elements("V-0001", "前岙", "0", "330782", "村 7", "9999999999999999")));

    /// <summary>Data years: missing now and then, 2009 (the first Taobao Villages) to 2025.</summary>
    public static Gen<int?> Year { get; } = Gen.Choose(2009, 2025).OrNull();

    /// <summary>A valid record: every figure present or missing, engaged households never above households.</summary>
    public static Gen<VillageRecord> ValidRecord { get; } =
        from code in Code
        from year in Year
        from households in Households.OrNull()
        from engagedFraction in Gen.Choose(0, 1000)
        from hasEngaged in Gen.Elements(true, true, true, false)
        from shops in Shops.OrNull()
        from sales in Sales.OrNull()
        from platform in Gen.Elements(Platforms).OrNull()
        from committee in Gen.Elements(CommitteeKind.Village, CommitteeKind.Village, CommitteeKind.Residents).OrNull()
        select new VillageRecord(new VillageCode(code))
        {
            Year = year,
            Households = households,
            EcommerceHouseholds = hasEngaged ? (households is { } h ? h * engagedFraction / 1000 : engagedFraction) : null,
            ActiveShops = shops,
            AnnualSales = sales is { } s ? Cny.FromYuan(s) : null,
            MainPlatform = platform,
            Committee = committee,
        };

    /// <summary>A valid record with every figure present.</summary>
    public static Gen<VillageRecord> CompleteRecord { get; } = ValidRecord.Select(Complete);

    /// <summary>
    /// A complete record sitting on one threshold of the built-in rule sets: sales of exactly CN¥10,000,000 or one fen
    /// less, exactly 100 shops or 99, exactly 10% of households (shops or engaged) or one less.
    /// </summary>
    public static Gen<VillageRecord> BoundaryRecord { get; } =
        from record in CompleteRecord
        from which in Gen.Choose(0, 3)
        from below in Gen.Elements(0, 1)
        from households in Gen.Choose(10, 5_000)
        select which switch
        {
            0 => record with { AnnualSales = Cny.FromYuan(10_000_000m - (below * 0.01m)) },
            1 => record with { ActiveShops = 100 - below },
            2 => record with { Households = households, EcommerceHouseholds = Math.Min(record.EcommerceHouseholds ?? 0, households), ActiveShops = ((households + 9) / 10) - below },
            _ => record with { Households = households, EcommerceHouseholds = ((households + 9) / 10) - below },
        };

    /// <summary>An invalid record and the field it breaks (negative, zero households, engaged above households).</summary>
    public static Gen<(VillageRecord Record, string Field)> InvalidRecord { get; } =
        from record in CompleteRecord
        from how in Gen.Choose(0, 4)
        select how switch
        {
            0 => (record with { Households = 0 }, FieldNames.Households),
            1 => (record with { Households = -record.Households!.Value }, FieldNames.Households),
            2 => (record with { EcommerceHouseholds = record.Households + 1 }, FieldNames.EcommerceHouseholds),
            3 => (record with { ActiveShops = -1 }, FieldNames.ActiveShops),
            _ => (record with { AnnualSales = Cny.FromYuan(-0.01m) }, FieldNames.AnnualSales),
        };

    /// <summary>
    /// A valid village rule set with random thresholds over sales, shops and shares, all-of and any-of groups, for
    /// properties that must hold for every rule set (such as save-then-load giving identical verdicts).
    /// </summary>
    public static Gen<RuleSet> VillageRuleSet { get; } =
        from sales in Gen.Choose(0, 100_000).Select(x => x * 1_000.01m)
        from shops in Gen.Choose(0, 500)
        from share in Gen.Choose(0, 1000).Select(x => x / 1000m)
        from comparison in Gen.Elements(Comparison.AtLeast, Comparison.GreaterThan, Comparison.AtMost, Comparison.LessThan, Comparison.EqualTo)
        from engaged in Gen.Elements(true, false)
        from platforms in Gen.SubListOf(Platforms).Where(l => l.Count > 0)
        select new RuleSetBuilder("random", "1.0").Titled("A random rule set").For(RuleTarget.Village).EffectiveYears(2000, 2030)
            .CitedTo("generated by TaobaoVillage.Testing")
            .AllOf("root", all => all
                .Require("sales", Metric.AnnualSales, c => c.Compare(comparison, sales, Unit.Cny))
                .Require("platform", Metric.MainPlatform, c => c.IsOneOf([.. platforms]))
                .AnyOf("shops", g =>
                {
                    g.Require("count", Metric.ActiveShops, c => c.Compare(comparison, shops, Unit.Shops));
                    g.Require("share", Metric.ActiveShopShare, c => c.AtLeast(Share.FromFraction(share)));
                    if (engaged)
                    {
                        g.Require("engaged", Metric.EcommerceHouseholdShare, c => c.GreaterThan(Share.FromFraction(share)));
                    }
                }))
            .Build();

    /// <summary>Valid records, shrinking by dropping figures and moving numbers towards small values.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<VillageRecord> Records() => Arb.From(ValidRecord, Shrink);

    /// <summary>Complete records, shrinking towards small values.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<VillageRecord> CompleteRecords() => Arb.From(CompleteRecord, r => Shrink(r).Where(IsComplete));

    /// <summary>Boundary records (see <see cref="BoundaryRecord"/>); they do not shrink, since shrinking would leave the boundary.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<VillageRecord> BoundaryRecords() => Arb.From(BoundaryRecord);

    /// <summary>Invalid records with the field they break, shrinking the rest of the record while it still breaks that field.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<(VillageRecord Record, string Field)> InvalidRecords() => Arb.From(
        InvalidRecord,
        pair => Shrink(pair.Record)
            .Where(r => VillageRecordValidator.Validate(r).Any(p => p.Field == pair.Field))
            .Select(r => (r, pair.Field)));

    /// <summary>Random valid village rule sets, shrinking towards zero thresholds.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RuleSet> RuleSets() => Arb.From(VillageRuleSet, ShrinkRuleSet);

    /// <summary>
    /// Arrays of valid records up to <paramref name="maxLength"/> long, shrinking by dropping halves and single records,
    /// then by shrinking each record, so that a counterexample ends as the few records that matter.
    /// </summary>
    /// <param name="maxLength">The longest array.</param>
    /// <returns>The arbitrary.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is negative.</exception>
    public static Arbitrary<VillageRecord[]> RecordArrays(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        return Arb.From(
            from length in Gen.Choose(0, maxLength)
            from records in Gen.ArrayOf(ValidRecord, length)
            select records,
            records => ShrinkArray(records, Shrink));
    }

    /// <summary>Township figures as a township return gives them: any figure missing, kinds from the code or not given.</summary>
    public static Gen<TownshipFigures> Township { get; } =
        from village in Code
        from year in Year
        from kind in Gen.Elements(TownshipKind.Township, TownshipKind.Township, TownshipKind.Subdistrict).OrNull()
        from villages in Gen.Choose(0, 8).Select(n => (long)n).OrNull()
        from sales in Gen.Frequency(
            (3, Gen.Choose(-300, 300).Select(fen => 30_000_000m + (fen / 100m))),
            (3, Gen.Choose(0, 100_000).Select(k => k * 1_000m))).OrNull()
        from shops in Gen.Frequency((3, Gen.Choose(295, 305)), (3, Gen.Choose(0, 3_000))).Select(n => (long)n).OrNull()
        select new TownshipFigures(village.Length >= 9 ? village[..9] : village)
        {
            Year = year,
            Kind = kind,
            TaobaoVillages = villages,
            AnnualSales = sales is { } s ? Cny.FromYuan(s) : null,
            ActiveShops = shops,
        };

    /// <summary>Township figures, shrinking by dropping figures and halving the rest.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TownshipFigures> Townships() => Arb.From(Township, ShrinkTownship);

    /// <summary>Smaller arrays: halves, then each element left out, then each element shrunk.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The array.</param>
    /// <param name="shrink">Shrinks one element.</param>
    /// <returns>Smaller arrays.</returns>
    public static IEnumerable<T[]> ShrinkArray<T>(T[] items, Func<T, IEnumerable<T>> shrink)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(shrink);
        if (items.Length > 1)
        {
            yield return items[..(items.Length / 2)];
            yield return items[(items.Length / 2)..];
        }

        for (var i = 0; i < items.Length; i++)
        {
            yield return [.. items[..i], .. items[(i + 1)..]];
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var smaller in shrink(items[i]))
            {
                var copy = (T[])items.Clone();
                copy[i] = smaller;
                yield return copy;
            }
        }
    }

    private static IEnumerable<RuleSet> ShrinkRuleSet(RuleSet ruleSet)
    {
        // Numeric thresholds to zero, then halved; category lists to their first value.
        foreach (var change in new Func<Condition, Condition>[]
        {
            c => c.Threshold is > 0 ? c with { Threshold = 0 } : c,
            c => c.Threshold is > 0 and var t ? c with { Threshold = decimal.Round(t / 2, 2) } : c,
            c => c.Values.Length > 1 ? c with { Values = [c.Values[0]] } : c,
        })
        {
            RuleSet? smaller;
            try
            {
                smaller = ruleSet.With(change, ruleSet.Version);
            }
            catch (RuleSetException)
            {
                smaller = null;
            }

            if (smaller is not null && smaller.ContentHash != ruleSet.ContentHash)
            {
                yield return smaller;
            }
        }
    }

    private static IEnumerable<TownshipFigures> ShrinkTownship(TownshipFigures t)
    {
        if (t.AnnualSales is not null)
        {
            yield return t with { AnnualSales = null };
        }

        if (t.ActiveShops is not null)
        {
            yield return t with { ActiveShops = null };
        }

        if (t.TaobaoVillages is not null)
        {
            yield return t with { TaobaoVillages = null };
        }

        if (t.Kind is not null)
        {
            yield return t with { Kind = null };
        }

        if (t.TaobaoVillages is > 0 and var n)
        {
            yield return t with { TaobaoVillages = n - 1 };
        }

        if (t.ActiveShops is > 0 and var shops)
        {
            yield return t with { ActiveShops = shops / 2 };
        }
    }

    /// <summary>Candidates smaller than <paramref name="record"/> that are still valid.</summary>
    /// <param name="record">The record.</param>
    /// <returns>Smaller records.</returns>
    public static IEnumerable<VillageRecord> Shrink(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var r = record;
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

    /// <summary>Fills every missing figure with a plausible value (400 households, 40 engaged, 100 shops, CN¥10M, Taobao, a villagers' committee).</summary>
    /// <param name="record">The record.</param>
    /// <returns>A complete record.</returns>
    public static VillageRecord Complete(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var households = record.Households ?? 400;
        return record with
        {
            Households = households,
            EcommerceHouseholds = Math.Min(record.EcommerceHouseholds ?? 40, households),
            ActiveShops = record.ActiveShops ?? 100,
            AnnualSales = record.AnnualSales ?? Cny.FromYuan(10_000_000m),
            MainPlatform = record.MainPlatform ?? Platform.Taobao,
            Committee = record.Committee ?? CommitteeKind.Village,
        };
    }

    /// <summary>Whether every figure is present.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when no figure is missing.</returns>
    public static bool IsComplete(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Households is not null && record.EcommerceHouseholds is not null && record.ActiveShops is not null
            && record.AnnualSales is not null && record.MainPlatform is not null && record.Committee is not null;
    }

    /// <summary>A generator of nullable values: missing about one time in five.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="gen">The generator of present values.</param>
    /// <returns>The generator.</returns>
    public static Gen<T?> OrNull<T>(this Gen<T> gen)
        where T : struct => Gen.Frequency((4, gen.Select(v => (T?)v)), (1, Gen.Constant((T?)null)));
}
