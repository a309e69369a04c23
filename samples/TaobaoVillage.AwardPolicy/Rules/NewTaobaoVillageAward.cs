using NRules.Fluent.Dsl;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy.Rules;

/// <summary>CN¥50,000 for a village that becomes a Taobao Village this year (it was not one the year before, as far as the session knows).</summary>
[Name("award: new Taobao Village"), Tag("award-policy")]
internal sealed class NewTaobaoVillageAward : Rule
{
    public const decimal Amount = 50_000m;

    public override void Define()
    {
        VillageOutcome village = null!;
        When()
            .Match(() => village, v => v.IsTaobaoVillage, v => v.Year != null)
            .Not<VillageOutcome>(before => before.Key == village.Key && before.Year == village.Year - 1 && before.IsTaobaoVillage);
        Then()
            .Yield(_ => new Award(village.Key, Amount, $"new Taobao Village {village.Year}"));
    }
}
