using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy;

/// <summary>What the policy decided: the payments, the villages to collect figures for, and the village outcomes it read.</summary>
internal sealed record PolicyResult(IReadOnlyList<Award> Awards, IReadOnlyList<DataRequest> Requests, IReadOnlyList<VillageOutcome> Villages)
{
    /// <summary>The total paid, exact.</summary>
    public decimal TotalCny => Awards.Sum(a => a.AmountCny);
}
