using TaobaoVillage.Aggregation;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.NRules;

/// <summary>
/// A township's outcome for a year as a fact in an NRules session: the library's <see cref="TownVerdict"/> of the
/// village outcomes grouped into it (summed and decided by <see cref="RegionAggregator"/>, three-valued). A linked fact:
/// NRules re-decides it as its villages' outcomes change, and removes it with its last village.
/// </summary>
/// <remarks>Immutable and thread-safe. Identity is by reference, as NRules needs for linked facts.</remarks>
public sealed class TownOutcome
{
    private TownOutcome(TownVerdict verdict) => Verdict = verdict;

    /// <summary>The township's explained verdict, its figures and its qualifying and undecided villages.</summary>
    public TownVerdict Verdict { get; }

    /// <summary>Where the township is.</summary>
    public Region Region => Verdict.Region;

    /// <summary>The year.</summary>
    public int Year => Verdict.Year;

    /// <summary>Whether it is a Taobao Town: eligible, not eligible, or indeterminate while a village or a figure is open.</summary>
    public Eligibility Eligibility => Verdict.Verdict.Eligibility;

    /// <summary>Whether it is a Taobao Town (eligible).</summary>
    public bool IsTaobaoTown => Verdict.IsTaobaoTown;

    /// <summary>Its Taobao Villages that year.</summary>
    public long TaobaoVillages => Verdict.TaobaoVillages;

    /// <summary>The county and year this township counts towards.</summary>
    internal string CountyKey => $"{Year}/{Region.CountyKey}";

    /// <summary>Decides one township from its villages' outcomes, as <see cref="TownAggregator"/> does.</summary>
    internal static TownOutcome Of(IEnumerable<VillageOutcome> villages, RuleSet rules)
    {
        var aggregator = new RegionAggregator();
        aggregator.AddRange(villages.Select(v => v.Result));
        return new TownOutcome(aggregator.Towns(_ => rules).Single());
    }

    /// <summary>The township, year and eligibility.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Region.Key} {Year}: {Eligibility}";
}
