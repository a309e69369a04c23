using NRules.Fluent.Dsl;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy.Rules;

/// <summary>CN¥20,000 more per Taobao Village in a county on the office's bonus list.</summary>
[Name("award: bonus county"), Tag("award-policy")]
internal sealed class BonusCountyAward : Rule
{
    public const decimal PerVillage = 20_000m;

    public override void Define()
    {
        CountyOutcome county = null!;
        BonusCounty listed = null!;
        When()
            .Match(() => county, c => c.TaobaoVillages > 0)
            .Match(() => listed, l => l.Name == county.Region.County);
        Then()
            .Yield(_ => new Award(county.Region.County, PerVillage * county.TaobaoVillages, $"bonus county, {county.TaobaoVillages} Taobao Villages {county.Year}"));
    }
}
