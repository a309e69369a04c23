using System.Runtime.CompilerServices;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>The factories the metric table is written with: one per kind, so that an entry reads as one line of the table.</summary>
public sealed partial class Metric
{
    private static string UnitNames(Unit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>Sets the checks and readers the factory methods do not take (during static construction only).</summary>
    private Metric Configure(Action<Metric> set)
    {
        set(this);
        return this;
    }

    private static Metric Money(string name, string description, Targets targets, Func<VillageRecord, decimal?>? village, Func<TownshipFigures, decimal?>? township,
        Action<RecordDraft, decimal?>? store, params string[] aliases)
    {
        var (names, scales) = SplitScales(aliases);
        return new Metric(name, MetricKind.Money, Unit.Cny, description, targets)
        {
            // Most records carry no further figures: no hashing of the name for them.
            FromVillage = village ?? (r => r.Figures.Count > 0 && r.Figures.TryGetValue(name, out var v) ? v : null),
            FromTownship = township,
            Store = store ?? ((d, v) => d.Figure(name, v)),
            Aliases = names,
            AliasScales = scales,
        };
    }

    // A count is read as a whole number (what the engine and the validator compare exactly, without decimal
    // arithmetic) and, through the same reader, as a decimal for explanations.
    private static Metric Count(string name, Unit unit, string description, Targets targets, Func<VillageRecord, long?>? village, Func<TownshipFigures, long?>? township,
        Action<RecordDraft, long?>? store, params string[] aliases) =>
        new(name, MetricKind.Count, unit, description, targets)
        {
            CountOfVillage = village,
            CountOfTownship = township,
            FromVillage = village is null ? null : r => village(r),
            FromTownship = township is null ? null : t => township(t),
            Store = store is null ? null : (d, v) => store(d, (long?)v),
            Aliases = aliases,
        };

    private static Metric Share(string name, string description, Metric numerator, Metric denominator) =>
        new(name, MetricKind.Share, Unit.Share, description, Targets.Both)
        {
            Numerator = numerator,
            Denominator = denominator,
            ShortfallUnit = numerator.Unit,
            InputColumns = [numerator.Name, denominator.Name],
        };

    private delegate bool TryParse<T>(string? text, out T value);

    private static Metric Category<T>(string name, string description, Targets targets, Func<VillageRecord, T?> village, TryParse<T> parse, Func<T, string> nameOf,
        Action<RecordDraft, T?> store, string unknownCode, params string[] aliases)
        where T : struct, Enum =>
        new(name, MetricKind.Category, Unit.None, description, targets)
        {
            Categories = [.. Enum.GetValues<T>().Select(nameOf)],
            CategoryOfVillage = r => village(r) is { } v ? ToIndex(v) : -1,
            CategoryParser = (string text, out int index) =>
            {
                var ok = parse(text, out var value);
                index = ok ? ToIndex(value) : -1;
                return ok;
            },
            CategoryStore = (d, i) => store(d, i is { } x ? FromIndex<T>(x) : null),
            UnknownValueCode = unknownCode,
            Aliases = aliases,
        };

    // An enum's value as its index and back without boxing: every record's category cells go through these.
    private static int ToIndex<T>(T value)
        where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<T, int>(ref value) : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static T FromIndex<T>(int index)
        where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<int, T>(ref index) : (T)Enum.ToObject(typeof(T), index);

    /// <summary>Aliases written <c>name=factor</c> carry a header multiplier (annual_sales_10k_cny is in 万元).</summary>
    private static (string[] Names, Dictionary<string, decimal> Scales) SplitScales(string[] aliases)
    {
        var scales = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var names = new string[aliases.Length];
        for (var i = 0; i < aliases.Length; i++)
        {
            var parts = aliases[i].Split('=');
            names[i] = parts[0];
            if (parts.Length == 2)
            {
                scales[parts[0]] = decimal.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return (names, scales);
    }

    [Flags]
    private enum Targets
    {
        Village = 1,
        Township = 2,
        Both = Village | Township,
    }
}
