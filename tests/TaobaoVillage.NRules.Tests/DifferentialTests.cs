using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.NRules.Tests;

/// <summary>NRules, given a rule set through this package, decides every record as <c>ruleSet.Compile().Evaluate</c> does.</summary>
public class DifferentialTests
{
    /// <summary>A rule set and records at its boundaries, some invalid, shrinking by dropping records.</summary>
    private static Arbitrary<(RuleSet RuleSet, VillageRecord[] Records)> Cases(Gen<RuleSet> ruleSets) => Arb.From(
        from ruleSet in ruleSets
        from count in Gen.Choose(1, 40)
        from records in Gen.Frequency((9, VillageArbitraries.BoundaryRecordFor(ruleSet)), (1, VillageArbitraries.InvalidRecord.Select(p => p.Record))).ArrayOf(count)
        select (RuleSet: ruleSet, Records: Sessions.Distinct(records)),
        c => Enumerable.Range(0, c.Records.Length).Select(i => (c.RuleSet, c.Records.Where((_, j) => j != i).ToArray())));

    [Property(MaxTest = 150)]
    public Property Session_RandomRuleSet_AgreesWithEvaluate() => Prop.ForAll(
        Cases(RandomRuleSets.VillageRuleSet),
        c => Sessions.Mismatches(Sessions.Factory(TaobaoVillageRules.Villages(c.RuleSet)), c.RuleSet, c.Records) == 0);

    [Property(MaxTest = 40)]
    public Property Session_BuiltInRuleSet_AgreesWithEvaluate() => Prop.ForAll(
        Cases(Gen.Elements(BuiltInRuleSets.Classic, BuiltInRuleSets.AliResearch2014, BuiltInRuleSets.AliResearch)),
        c => Sessions.Mismatches(Sessions.Factory(TaobaoVillageRules.Villages(c.RuleSet)), c.RuleSet, c.Records) == 0);

    [Fact]
    public void Mismatches_OneAtLeastMadeGreaterThan_Found()
    {
        // The check must bite: NRules given "sales ≥ 10M" against an evaluator of "sales > 10M" differs on records at the threshold.
        var broken = BuiltInRuleSets.AliResearch.With(c => c.Comparison == Comparison.AtLeast && c.Metric == Metric.AnnualSales ? c with { Comparison = Comparison.GreaterThan } : c, "broken");
        var records = Sessions.Distinct(VillageArbitraries.BoundaryRecordFor(BuiltInRuleSets.AliResearch).Sample(500));

        var mismatches = Sessions.Mismatches(Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)), broken, records);

        Assert.InRange(mismatches, 1, records.Length);
    }

    [Fact]
    public void Mismatches_SameRuleSet_None()
    {
        var records = Sessions.Distinct(VillageArbitraries.BoundaryRecordFor(BuiltInRuleSets.AliResearch).Sample(500));

        Assert.Equal(0, Sessions.Mismatches(Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)), BuiltInRuleSets.AliResearch, records));
    }
}
