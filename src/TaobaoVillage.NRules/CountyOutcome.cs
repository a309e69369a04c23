using TaobaoVillage.Aggregation;

namespace TaobaoVillage.NRules;

/// <summary>
/// A county's designations for a year as a fact in an NRules session: its Taobao Village and Town counts and whether it
/// is a cluster candidate, counted by <see cref="RegionAggregator.Counties"/> from the town outcomes grouped into it. A
/// linked fact: NRules keeps it true as its towns change.
/// </summary>
/// <remarks>Immutable and thread-safe. Identity is by reference, as NRules needs for linked facts.</remarks>
public sealed class CountyOutcome
{
    private CountyOutcome(RegionSummary summary) => Summary = summary;

    /// <summary>The county's counts: Taobao Villages and Towns, undecided ones, townships and villages seen.</summary>
    public RegionSummary Summary { get; }

    /// <summary>Where the county is.</summary>
    public Region Region => Summary.Region;

    /// <summary>The year.</summary>
    public int Year => Summary.Year;

    /// <summary>Its Taobao Villages.</summary>
    public int TaobaoVillages => Summary.TaobaoVillages;

    /// <summary>Its Taobao Towns.</summary>
    public int TaobaoTowns => Summary.TaobaoTowns;

    /// <summary>Whether it may hold a Taobao Village cluster (<see cref="RegionSummary.ClusterThreshold"/> or more Taobao Villages; adjacency is not checked).</summary>
    public bool IsClusterCandidate => Summary.TaobaoVillages >= RegionSummary.ClusterThreshold;

    /// <summary>Counts one county from its towns' outcomes.</summary>
    internal static CountyOutcome Of(IEnumerable<TownOutcome> towns) => new(RegionAggregator.Counties(towns.Select(t => t.Verdict)).Single());

    /// <summary>The county, year and counts.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Summary.Key} {Year}: {TaobaoVillages} Taobao Villages, {TaobaoTowns} Taobao Towns";
}
