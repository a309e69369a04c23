using NRules.Fluent.Dsl;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy.Rules;

/// <summary>CN¥200,000 for a township that becomes a Taobao Town this year.</summary>
[Name("award: new Taobao Town"), Tag("award-policy")]
internal sealed class NewTaobaoTownAward : Rule
{
    public const decimal Amount = 200_000m;

    public override void Define()
    {
        TownOutcome town = null!;
        When()
            .Match(() => town, t => t.IsTaobaoTown)
            .Not<TownOutcome>(before => before.Region.Key == town.Region.Key && before.Year == town.Year - 1 && before.IsTaobaoTown);
        Then()
            .Yield(_ => new Award(town.Region.Township, Amount, $"new Taobao Town {town.Year}"));
    }
}
