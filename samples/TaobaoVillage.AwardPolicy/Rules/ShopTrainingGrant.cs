using NRules.Fluent.Dsl;
using TaobaoVillage.Engine;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy.Rules;

/// <summary>
/// CN¥10,000 of shop training for a village with fewer than 100 active shops and at least CN¥5,000,000 of sales. The
/// figures are three-valued: a village whose shop count is missing is neither granted nor refused here (its comparison
/// is unknown), and <see cref="CollectDataForTraining"/> asks for the figure.
/// </summary>
[Name("award: shop training"), Tag("award-policy")]
internal sealed class ShopTrainingGrant : Rule
{
    public const decimal Amount = 10_000m;

    public override void Define()
    {
        VillageOutcome village = null!;
        When()
            .Match(() => village, v => v.ActiveShops.LessThan(100) == Outcome.Pass, v => v.AnnualSalesYuan.AtLeast(5_000_000m) == Outcome.Pass);
        Then()
            .Yield(_ => new Award(village.Key, Amount, "shop training"));
    }
}
