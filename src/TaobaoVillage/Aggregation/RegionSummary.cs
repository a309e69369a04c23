namespace TaobaoVillage.Aggregation;

/// <summary>What a county's count of Taobao Villages makes it, as far as counts can tell.</summary>
public enum ClusterCandidate
{
    /// <summary>Fewer than 10 Taobao Villages.</summary>
    None,

    /// <summary>10 or more Taobao Villages: may hold a Taobao Village cluster (淘宝村集群), if they are adjacent — not checked.</summary>
    Cluster,

    /// <summary>More than 100 Taobao Villages: a candidate for the very large clusters AliResearch reports.</summary>
    VeryLarge,
}

/// <summary>Counts of Taobao Villages and Towns in one county or province in one year.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Region">The region's names (township empty for counties; only the province for provinces).</param>
/// <param name="Key">The grouping key: county code or names, or the province name without suffix.</param>
/// <param name="Year">The year.</param>
public sealed record RegionSummary(Region Region, string Key, int Year)
{
    /// <summary>A cluster needs 10 or more Taobao Villages in one county (DOMAIN: 淘宝村集群).</summary>
    public const int ClusterThreshold = 10;

    /// <summary>The very large clusters have more than 100.</summary>
    public const int VeryLargeThreshold = 100;

    /// <summary>Taobao Villages.</summary>
    public int TaobaoVillages { get; init; }

    /// <summary>Villages whose verdict is open.</summary>
    public int UndecidedVillages { get; init; }

    /// <summary>Taobao Towns.</summary>
    public int TaobaoTowns { get; init; }

    /// <summary>Townships whose verdict is open.</summary>
    public int UndecidedTowns { get; init; }

    /// <summary>Townships seen.</summary>
    public int Townships { get; init; }

    /// <summary>Villages seen.</summary>
    public int Villages { get; init; }

    /// <summary>The cluster candidacy of a county by its count (for a province the count is not meaningful).</summary>
    public ClusterCandidate Cluster => TaobaoVillages > VeryLargeThreshold ? ClusterCandidate.VeryLarge
        : TaobaoVillages >= ClusterThreshold ? ClusterCandidate.Cluster
        : ClusterCandidate.None;
}
