using System.Collections.Immutable;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>A record being read, field by field: one mutable object a thread (<see cref="ForThread"/>), turned into one record at the end of each row.</summary>
internal sealed class RecordDraft
{
    public string? Code { get; set; }

    /// <summary>The key of the record a draft was copied from, kept as it was (even <c>default</c>).</summary>
    public VillageCode? Key { get; set; }

    public string? Name { get; set; }

    public string? Province { get; set; }

    public string? City { get; set; }

    public string? County { get; set; }

    public string? Township { get; set; }

    public string? TownshipCode { get; set; }

    public int? Year { get; set; }

    public long? Households { get; set; }

    public long? EcommerceHouseholds { get; set; }

    public long? ActiveShops { get; set; }

    public Cny? AnnualSales { get; set; }

    public Platform? MainPlatform { get; set; }

    public CommitteeKind? Committee { get; set; }

    public bool CommitteeFromName { get; set; }

    public ImmutableDictionary<string, decimal>.Builder? Figures { get; private set; }

    public ImmutableDictionary<string, string>.Builder? Attributes { get; private set; }

    [ThreadStatic]
    private static RecordDraft? current;

    /// <summary>
    /// This thread's draft, emptied: a schema parses one row at a time and copies the draft into a record, so one
    /// draft a thread serves every row (a second object per row was a third of what reading allocated).
    /// </summary>
    public static RecordDraft ForThread()
    {
        var draft = current ??= new RecordDraft();
        draft.Code = null;
        draft.Key = null;
        draft.Name = draft.Province = draft.City = draft.County = draft.Township = draft.TownshipCode = null;
        draft.Year = null;
        draft.Households = draft.EcommerceHouseholds = draft.ActiveShops = null;
        draft.AnnualSales = null;
        draft.MainPlatform = null;
        draft.Committee = null;
        draft.CommitteeFromName = false;
        draft.Figures = null;
        draft.Attributes = null;
        return draft;
    }

    /// <summary>A draft holding every field of a record, to change some and make a new one.</summary>
    public static RecordDraft From(VillageRecord record)
    {
        var draft = new RecordDraft
        {
            Key = record.Code, Name = record.Name, Province = record.Province, City = record.City, County = record.County,
            Township = record.Township, TownshipCode = record.TownshipCode, Year = record.Year, Households = record.Households,
            EcommerceHouseholds = record.EcommerceHouseholds, ActiveShops = record.ActiveShops, AnnualSales = record.AnnualSales,
            MainPlatform = record.MainPlatform, Committee = record.Committee, CommitteeFromName = record.CommitteeFromName,
        };
        draft.Figures = record.Figures.ToBuilder();
        draft.Attributes = record.Attributes.ToBuilder();
        return draft;
    }

    public void Figure(string name, decimal? value)
    {
        Figures ??= ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        if (value is { } v)
        {
            Figures[name] = v;
        }
        else
        {
            Figures.Remove(name);
        }
    }

    public void Attribute(string name, string value) =>
        (Attributes ??= ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase))[name] = value;

    public VillageRecord ToRecord()
    {
        var record = new VillageRecord(Key ?? new VillageCode(Code!))
        {
            Name = Name,
            Province = Province,
            City = City,
            County = County,
            Township = Township,
            TownshipCode = TownshipCode,
            Year = Year,
            Committee = Committee,
            CommitteeFromName = CommitteeFromName,
            Households = Households,
            EcommerceHouseholds = EcommerceHouseholds,
            ActiveShops = ActiveShops,
            AnnualSales = AnnualSales,
            MainPlatform = MainPlatform,
        };
        if (Figures is not null)
        {
            record = record with { Figures = Figures.ToImmutable() };
        }

        return Attributes is null ? record : record with { Attributes = Attributes.ToImmutable() };
    }
}
