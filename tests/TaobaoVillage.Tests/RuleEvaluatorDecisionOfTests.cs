using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>One condition's decision, for engines that combine conditions themselves (the NRules package).</summary>
public class RuleEvaluatorDecisionOfTests
{
    [Property(MaxTest = 300)]
    public Property DecisionOf_EveryCondition_OutcomeTheVerdictShows() => Prop.ForAll(
        VillageArbitraries.For(BuiltInRuleSets.AliResearch),
        record =>
        {
            var evaluator = BuiltInRuleSets.AliResearch.Compile();
            var verdict = evaluator.Evaluate(record);
            return BuiltInRuleSets.AliResearch.Criteria.DescendantsAndSelf().OfType<Condition>()
                .All(c => evaluator.DecisionOf(c)(record) == verdict[c.Id].Outcome);
        });

    [Fact]
    public void DecisionOf_ConditionOfAnotherRuleSet_Throws()
    {
        var other = BuiltInRuleSets.Classic.Criteria.DescendantsAndSelf().OfType<Condition>().First();

        Assert.Throws<ArgumentException>(() => BuiltInRuleSets.AliResearch.Compile().DecisionOf(other));
    }

    [Fact]
    public void DecisionOf_TownshipRuleSet_Throws()
    {
        var condition = BuiltInRuleSets.AliResearchTown.Criteria.DescendantsAndSelf().OfType<Condition>().First();

        Assert.Throws<InvalidOperationException>(() => BuiltInRuleSets.AliResearchTown.Compile().DecisionOf(condition));
    }

    [Fact]
    public void DecisionOf_NullRecord_Throws()
    {
        var condition = BuiltInRuleSets.AliResearch.Criteria.DescendantsAndSelf().OfType<Condition>().First();

        Assert.Throws<ArgumentNullException>(() => BuiltInRuleSets.AliResearch.Compile().DecisionOf(condition)(null!));
    }
}
