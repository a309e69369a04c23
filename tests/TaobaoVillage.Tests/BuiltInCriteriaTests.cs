using System.Reflection;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Planner;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class BuiltInCriteriaTests
{
    private static readonly string[] Constants = typeof(BuiltInCriteria).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();

    [Fact]
    public void Constants_EveryExplainedCriterionOfTheBuiltIns_AndNothingElse()
    {
        var ids = BuiltInRuleSets.All.SelectMany(r => r.ExplainedCriteria).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ids.Order(StringComparer.Ordinal), Constants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Indexer_Constant_FindsTheCriterion()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(9_999_999.99m) });

        Assert.Equal(Outcome.Fail, verdict[BuiltInCriteria.AnnualSales].Outcome);
    }

    [Fact]
    public void DefaultCriterionResult_IdAndToString_DoNotCrash()
    {
        var result = default(CriterionResult);

        Assert.Equal(string.Empty, result.Id);
        Assert.Equal("(no criterion)", result.ToString());
    }

    [Theory]
    [InlineData("8")]
    [InlineData("-0.1")]
    public void WhatIf_ShareThatIsNotAFraction_Refused(string share)
    {
        var (code, _, stderr, _) = PlannerRun.Run("what-if", "--min-share", share);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("0.08 or 8%", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.08")]
    [InlineData("8%")]
    [InlineData("8％")]
    public void WhatIf_ShareAsFractionOrPercent_SameResult(string share)
    {
        var (code, stdout, _, _) = PlannerRun.Run("what-if", "--min-share", share, "--rules", "aliresearch", "--format", "csv");
        var (_, reference, _, _) = PlannerRun.Run("what-if", "--min-share", "0.08", "--rules", "aliresearch", "--format", "csv");

        Assert.Equal(0, code);
        Assert.Equal(reference, stdout);
        Assert.Contains(",not_eligible,eligible", stdout, StringComparison.Ordinal);
    }
}
