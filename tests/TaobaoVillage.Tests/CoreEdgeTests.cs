using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class CriterionResultEdgeTests
{
    [Fact]
    public void DescendantsAndSelf_Root_EveryCriterionInPreOrder()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Households = 400, ActiveShops = 50 });

        Assert.Equal(
            [BuiltInRuleSets.AliResearch.Criteria.Id, "administrative-village", "annual-sales", "active-shops", "active-shop-count", "active-shop-share"],
            verdict.Root.DescendantsAndSelf().Select(r => r.Id));
        Assert.Equal(["active-shops", "active-shop-count", "active-shop-share"], verdict.Root.Children[2].DescendantsAndSelf().Select(r => r.Id));
    }

    [Fact]
    public void DescendantsAndSelf_Default_Empty() => Assert.Empty(default(CriterionResult).DescendantsAndSelf());
}

public class RuleEvaluatorEdgeTests
{
    [Fact]
    public void Evaluate_TownshipWithVillageRules_RefusedNamingTheRuleSet()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BuiltInRuleSets.AliResearch.Compile().Evaluate(new TownshipFigures("330782001")));

        Assert.Equal($"The rule set {BuiltInRuleSets.AliResearch} decides about villages; evaluate VillageRecord with it.", ex.Message);
    }

    [Fact]
    public void Evaluate_VillageWithTownshipRules_RefusedNamingTheRuleSet()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BuiltInRuleSets.AliResearchTown.Compile().Evaluate(new VillageRecord(new VillageCode("1"))));

        Assert.Equal($"The rule set {BuiltInRuleSets.AliResearchTown} decides about townships; evaluate TownshipFigures with it.", ex.Message);
    }
}

public class CnyShareEdgeTests
{
    [Fact]
    public void ZeroAndFen_AreNoneAndOneHundredth()
    {
        Assert.Equal(0m, Cny.Zero.Yuan);
        Assert.Equal(0.01m, Cny.Fen.Yuan);
    }

    [Theory]
    [InlineData(1, 2, -1)]
    [InlineData(2, 2, 0)]
    [InlineData(3, 2, 1)]
    public void CompareTo_ByAmount(int a, int b, int sign)
    {
        Assert.Equal(sign, Math.Sign(Cny.FromYuan(a).CompareTo(Cny.FromYuan(b))));
        Assert.Equal(sign, Math.Sign(Share.FromPercent(a).CompareTo(Share.FromPercent(b))));
    }
}

public class RuleSetIdEdgeTests
{
    [Fact]
    public void Constructor_Invalid_RefusedSayingWhatIsAllowed()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RuleSetId("Bad Id"));

        Assert.StartsWith("'Bad Id' is not a valid rule set id: use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Equals_Object_SameContentEqualOtherTypesNot()
    {
        object same = RuleSetJson.Parse(RuleSetJson.Save(BuiltInRuleSets.Classic));

        Assert.True(BuiltInRuleSets.Classic.Equals(same));
        Assert.False(BuiltInRuleSets.Classic.Equals((object)BuiltInRuleSets.AliResearch));
        Assert.False(BuiltInRuleSets.Classic.Equals((object)"classic"));
    }
}

