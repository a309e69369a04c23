using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using Outcome = TaobaoVillage.Engine.Outcome;

namespace TaobaoVillage.Tests;

public class VerdictAssertTests
{
    private static readonly RuleEvaluator AliResearch = BuiltInRuleSets.AliResearch.Compile();

    private static Verdict OneFenShort() => AliResearch.Evaluate(new VillageRecord(new VillageCode("330782100201"))
    {
        Committee = CommitteeKind.Village, Households = 400, ActiveShops = 100, AnnualSales = Cny.FromYuan(9_999_999.99m),
    });

    [Fact]
    public void FailsCriterion_RightAmount_Passes()
    {
        VerdictAssert.NotEligible(OneFenShort());
        VerdictAssert.FailsCriterion(OneFenShort(), "annual-sales", by: 0.01m);
        VerdictAssert.PassesCriterion(OneFenShort(), "active-shop-count");
    }

    [Fact]
    public void FailsCriterion_WrongAmount_ThrowsWithTheVerdict()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => VerdictAssert.FailsCriterion(OneFenShort(), "annual-sales", by: 1m));

        Assert.Contains("fails by 0.01", ex.Message, StringComparison.Ordinal);
        Assert.Contains("annual-sales: fail", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eligible_NotEligibleVerdict_Throws() => Assert.Throws<VerdictAssertionException>(() => VerdictAssert.Eligible(OneFenShort()));

    [Fact]
    public void PassesCriterion_UnknownId_ThrowsNamingTheIds()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => VerdictAssert.PassesCriterion(OneFenShort(), "nope"));

        Assert.Contains("annual-sales", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotEligible_EligibleVerdict_ThrowsNamingVillageRuleSetAndVerdict()
    {
        var eligible = AliResearch.Evaluate(new VillageRecord(new VillageCode("330782100201"))
        {
            Committee = CommitteeKind.Village, Households = 400, ActiveShops = 100, AnnualSales = Cny.FromYuan(10_000_000m),
        });

        var ex = Assert.Throws<VerdictAssertionException>(() => VerdictAssert.NotEligible(eligible));

        Assert.StartsWith("Expected 330782100201 to be NotEligible under aliresearch@2022.2, but it is Eligible.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("  annual-sales: pass", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indeterminate_DecidedVerdict_ThrowsSayingWhatItIs()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => VerdictAssert.Indeterminate(OneFenShort()));

        Assert.StartsWith("Expected 330782100201 to be Indeterminate under aliresearch@2022.2, but it is NotEligible.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PassesCriterion_FailingCriterion_ThrowsWithItsResult()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => VerdictAssert.PassesCriterion(OneFenShort(), "annual-sales"));

        Assert.StartsWith("Expected criterion 'annual-sales' to pass, but it is annual-sales: fail (9999999.99 ≥ 10000000 cny).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCriterion_DecidedCriterion_Throws()
    {
        var ex = Assert.Throws<VerdictAssertionException>(() => VerdictAssert.UnknownCriterion(OneFenShort(), "annual-sales"));

        Assert.StartsWith("Expected criterion 'annual-sales' to be unknown, but it is annual-sales: fail", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCriterion_MissingSales_Passes() =>
        VerdictAssert.UnknownCriterion(AliResearch.Evaluate(new VillageRecord(new VillageCode("1"))), "annual-sales");
}

public class VillageArbitrariesTests
{
    [Property]
    public Property BoundaryRecords_OnThresholdPassOneUnitBelowFails() => Prop.ForAll(VillageArbitraries.BoundaryRecords(), record =>
    {
        // Every boundary record sits exactly on or one unit under one of the 10M / 100 / 10% thresholds.
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(record);
        var classic = BuiltInRuleSets.Classic.Compile().Evaluate(record);
        var salesOk = record.AnnualSales!.Value.Yuan >= 10_000_000m;
        var shopsOk = record.ActiveShops >= 100 || record.ActiveShops * 10 >= record.Households;
        var engagedOk = record.EcommerceHouseholds * 10 >= record.Households;
        return (verdict["annual-sales"].Outcome == Outcome.Pass) == salesOk
            && (verdict["active-shops"].Outcome == Outcome.Pass) == shopsOk
            && (classic["ecommerce-households-share"].Outcome == Outcome.Pass) == engagedOk;
    });

    [Property]
    public Property InvalidRecords_AreRejectedOnTheirField() => Prop.ForAll(VillageArbitraries.InvalidRecords(), pair =>
        VillageRecordValidator.Validate(pair.Record).Any(p => p.Field == pair.Field));

    [Property]
    public Property Shrink_ValidRecord_GivesValidRecords() => Prop.ForAll(VillageArbitraries.Records(), record =>
        VillageArbitraries.Shrink(record).All(VillageRecordValidator.IsValid));
}
