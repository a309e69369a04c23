using NRules.Fluent.Dsl;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy.Rules;

/// <summary>The training grant could not be decided: its shop count is missing while its sales do not rule it out.</summary>
[Name("collect data: shop training"), Tag("award-policy")]
internal sealed class CollectDataForTraining : Rule
{
    public override void Define()
    {
        VillageOutcome village = null!;
        When()
            .Match(() => village, v => v.ActiveShops.LessThan(100) == Outcome.Unknown, v => v.AnnualSalesYuan.AtLeast(5_000_000m) != Outcome.Fail);
        Then()
            .Yield(_ => new DataRequest(village.Key, new[] { Metric.ActiveShops.Name }, "shop training"));
    }
}
