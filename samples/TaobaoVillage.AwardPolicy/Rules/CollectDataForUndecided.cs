using NRules.Fluent.Dsl;
using TaobaoVillage.Engine;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy.Rules;

/// <summary>A village left undecided by missing figures goes on the "collect data" list, with the figures that would decide it.</summary>
[Name("collect data: undecided village"), Tag("award-policy")]
internal sealed class CollectDataForUndecided : Rule
{
    public override void Define()
    {
        VillageOutcome village = null!;
        When()
            .Match(() => village, v => v.Eligibility == Eligibility.Indeterminate);
        Then()
            .Yield(_ => new DataRequest(village.Key, village.Verdict!.MissingData.Select(m => m.Name).ToList(), "undecided Taobao Village"));
    }
}
