using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Engine;
using Outcome = TaobaoVillage.Engine.Outcome;

namespace TaobaoVillage.Tests;

// The explanations the writers read (issue 12): shares without a decimal division, every node's detail in one pass.
public class ResultDetailTests
{
    private static string Expected(decimal n, decimal d) => Math.Round(n / d, 6, MidpointRounding.ToZero).ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("0", "7")]
    [InlineData("1", "1")]
    [InlineData("40", "4")]
    [InlineData("1", "8")]
    [InlineData("1", "128")]
    [InlineData("1", "3")]
    [InlineData("2", "3")]
    [InlineData("11", "421")]
    [InlineData("100000", "1000001")]
    [InlineData("999999999999", "1")]
    [InlineData("999999999999", "999999999999")]
    [InlineData("1", "999999999999")]
    [InlineData("1000000000000", "3")]
    [InlineData("5", "1000000000000")]
    [InlineData("1.5", "3")]
    [InlineData("10", "2.0")]
    [InlineData("-3", "7")]
    public void SixPlaces_Share_AsDecimalDivisionRoundsIt(string n, string d)
    {
        var (num, den) = (decimal.Parse(n, CultureInfo.InvariantCulture), decimal.Parse(d, CultureInfo.InvariantCulture));
        Assert.Equal(Expected(num, den), ResultDetail.SixPlaces(num, den).ToString(CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 2000)]
    public Property SixPlaces_AnyCounts_AsDecimalDivisionRoundsIt() => Prop.ForAll(
        Arb.From(Gen.Choose(0, 20).SelectMany(k => Gen.Choose(0, int.MaxValue).Select(v => (long)v * (1L << k) % 1_000_000_000_000L))
            .Two()
            .Select(t => (N: t.Item1, D: Math.Max(1, t.Item2 % 2 == 0 ? t.Item2 / 2 : t.Item2)))),
        t => ResultDetail.SixPlaces(t.N, t.D).ToString(CultureInfo.InvariantCulture) == Expected(t.N, t.D));

    // A group's shortfall is worked out once from its parts' (DetailsInto): checked here against the rule as documented,
    // from each part's own result: the one part not passing (all of), or the cheapest failing part (any of).
    [Property(MaxTest = 300)]
    public Property Shortfall_AnyRecord_GroupsTakeTheirPartsShortfall() => Prop.ForAll(
        VillageArbitraries.Records(),
        record =>
        {
            foreach (var ruleSet in BuiltInRuleSets.All.Where(r => r.Target == TaobaoVillage.Rules.RuleTarget.Village))
            {
                foreach (var result in ruleSet.Compile().Evaluate(record).Criteria.Where(r => r.Children.Count > 0))
                {
                    Assert.Equal(Expected(result), result.Shortfall);
                }
            }
        });

    private static Shortfall? Expected(CriterionResult group)
    {
        if (group.Outcome != Outcome.Fail)
        {
            return null;
        }

        if (group.Criterion is TaobaoVillage.Rules.CriterionGroup { Kind: TaobaoVillage.Rules.GroupKind.AllOf })
        {
            var notPassing = group.Children.Where(c => c.Outcome != Outcome.Pass).ToList();
            return notPassing.Count == 1 ? notPassing[0].Shortfall : null;
        }

        // The first of the cheapest by the fraction missing.
        Shortfall? cheapest = null;
        foreach (var part in group.Children)
        {
            if (part.Shortfall is { } s && (cheapest is null || s.Fraction < cheapest.Value.Fraction))
            {
                cheapest = s;
            }
        }

        return cheapest;
    }

    [Fact]
    public void DetailsInto_InvalidRecord_NothingWritten()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new TaobaoVillage.Domain.VillageRecord(new("1")) { Households = -1 });
        var details = new ResultDetail[4];
        verdict.DetailsInto(details);
        Assert.All(details, d => Assert.Equal(default, d));
    }
}
