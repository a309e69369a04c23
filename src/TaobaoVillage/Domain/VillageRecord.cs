using System.Collections.Immutable;

namespace TaobaoVillage.Domain;

/// <summary>
/// One village's figures for one year, as the village records file contract describes them. Every figure is optional:
/// a missing figure makes the criteria that need it <em>unknown</em>, never a silent "no".
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A record is not checked when it is created; <c>VillageRecordValidator</c> (and the engine, which checks before it evaluates) says
/// whether it may be evaluated.
/// </remarks>
public sealed record VillageRecord
{
    // Shared so that records without attributes compare equal.
    private static readonly ImmutableDictionary<string, string> NoAttributes =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    private static readonly ImmutableDictionary<string, decimal> NoFigures =
        ImmutableDictionary<string, decimal>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Creates a record for a village.</summary>
    /// <param name="code">The record's key, usually the 12-digit statistical code.</param>
    public VillageRecord(VillageCode code) => Code = code;

    /// <summary>The record's key (<c>village_code</c>).</summary>
    public VillageCode Code { get; init; }

    /// <summary>The village's name (<c>village_name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The province's name.</summary>
    public string? Province { get; init; }

    /// <summary>The prefecture-level city's name.</summary>
    public string? City { get; init; }

    /// <summary>The county, district or county-level city's name.</summary>
    public string? County { get; init; }

    /// <summary>The township, town or sub-district's name.</summary>
    public string? Township { get; init; }

    /// <summary>The township's code as given (<c>township_code</c>); see <see cref="EffectiveTownshipCode"/>.</summary>
    public string? TownshipCode { get; init; }

    /// <summary>The year the figures describe.</summary>
    public int? Year { get; init; }

    /// <summary>Whether this is a villagers' or a residents' committee.</summary>
    public CommitteeKind? Committee { get; init; }

    /// <summary>
    /// Whether <see cref="Committee"/> was read from the official name (…村委会, …居委会) because no column gave it;
    /// explanations say so.
    /// </summary>
    public bool CommitteeFromName { get; init; }

    /// <summary>Households in the village; must be greater than zero when given.</summary>
    public long? Households { get; init; }

    /// <summary>Households engaged in e-commerce; at most <see cref="Households"/>.</summary>
    public long? EcommerceHouseholds { get; init; }

    /// <summary>Active online shops (open 30 days or more, at least one order a month on average). May exceed households.</summary>
    public long? ActiveShops { get; init; }

    /// <summary>Annual e-commerce sales (or transactions, in the older wording).</summary>
    public Cny? AnnualSales { get; init; }

    /// <summary>The main e-commerce platform.</summary>
    public Platform? MainPlatform { get; init; }

    /// <summary>
    /// Further figures, checked and exact, keyed by the name of the metric they supply (such as
    /// <c>livestream_sales_cny</c>): metrics added after the typed properties above read their values here.
    /// </summary>
    public ImmutableDictionary<string, decimal> Figures { get; init; } = NoFigures;

    /// <summary>Columns the contract does not name, kept by name (case-insensitive) for custom rules.</summary>
    public ImmutableDictionary<string, string> Attributes { get; init; } = NoAttributes;

    /// <summary>
    /// The township this village belongs to: <see cref="TownshipCode"/> when given, else the first 9 digits of a
    /// 12-digit statistical <see cref="Code"/>, else <see langword="null"/>.
    /// </summary>
    public string? EffectiveTownshipCode => string.IsNullOrWhiteSpace(TownshipCode) ? Code.TownshipCode : TownshipCode;

    /// <summary>Whether two records hold the same fields, attributes compared by content.</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> when every field and attribute is equal.</returns>
    public bool Equals(VillageRecord? other) =>
        other is not null
        && Code == other.Code && Name == other.Name && Province == other.Province && City == other.City && County == other.County
        && Township == other.Township && TownshipCode == other.TownshipCode && Year == other.Year && Committee == other.Committee && CommitteeFromName == other.CommitteeFromName
        && Households == other.Households && EcommerceHouseholds == other.EcommerceHouseholds && ActiveShops == other.ActiveShops
        && AnnualSales == other.AnnualSales && MainPlatform == other.MainPlatform
        && Figures.Count == other.Figures.Count
        && Figures.All(kv => other.Figures.TryGetValue(kv.Key, out var f) && f == kv.Value)
        && Attributes.Count == other.Attributes.Count
        && Attributes.All(kv => other.Attributes.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>
    /// Formats the record for people and test output, only what it holds:
    /// <c>330782100001 前岙村 (2016): households=400, active_shops=150, annual_sales_cny=12000000, committee=village</c>.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name}={value}"));
            }
        }

        Add(FieldNames.Households, Households);
        Add(FieldNames.EcommerceHouseholds, EcommerceHouseholds);
        Add(FieldNames.ActiveShops, ActiveShops);
        Add(FieldNames.AnnualSales, AnnualSales?.Yuan);
        Add(FieldNames.MainPlatform, MainPlatform is { } p && Enum.IsDefined(p) ? DomainNames.Name(p) : MainPlatform);
        Add(FieldNames.Committee, Committee is { } c && Enum.IsDefined(c) ? DomainNames.Name(c) + (CommitteeFromName ? " (from the name)" : string.Empty) : Committee);
        Add(FieldNames.TownshipCode, TownshipCode);
        foreach (var (name, value) in Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Add(name, value);
        }

        foreach (var (name, value) in Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Add(name, $"'{value}'");
        }

        var head = string.Join(" ", new[] { Code.Value, Name }.Where(x => !string.IsNullOrEmpty(x)));
        var year = Year is { } y ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({y})") : string.Empty;
        return $"{head}{year}: {(parts.Count == 0 ? "no figures" : string.Join(", ", parts))}";
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Year, Households, EcommerceHouseholds, ActiveShops, AnnualSales, MainPlatform, Committee);
}
