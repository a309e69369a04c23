using System.Reflection;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
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

}
