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

public class VillageArbitrariesForTests
{
    private static readonly RuleSet EightMillion = new RuleSetBuilder("county-8m", "2026.1")
        .Titled("A county's own line: CN¥8M and 80 shops")
        .For(RuleTarget.Village)
        .EffectiveYears(2024)
        .AllOf("root", g => g
            .Require("sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(8_000_000m)))
            .Require("shops", Metric.ActiveShops, c => c.AtLeast(80))
            .Require("engaged", Metric.EcommerceHouseholdShare, c => c.AtLeast(Share.FromPercent(12))))
        .Build();

    private static List<VillageRecord> Sample(RuleSet ruleSet) =>
        VillageArbitraries.BoundaryRecordFor(ruleSet).Sample(2_000, 50).ToList();

    // Regression (issue 10): the published-threshold generators put 0 of 2,000 samples near a custom CN¥8M line.
    [Fact]
    public void BoundaryRecordFor_CustomThresholds_ManySamplesWithinOneStep()
    {
        var records = Sample(EightMillion);

        Assert.True(records.Count(r => r.AnnualSales?.Yuan is >= 7_999_999.99m and <= 8_000_000.01m) > 600);
        Assert.True(records.Count(r => r.ActiveShops is >= 79 and <= 81) > 600);
        Assert.True(records.Count(r => r.Households is { } h && r.EcommerceHouseholds is { } e && Math.Abs(e - decimal.Ceiling(0.12m * h)) <= 1) > 600);
        Assert.All(records, r => Assert.True(VillageRecordValidator.IsValid(r), r.ToString()));
    }

    [Fact]
    public void BoundaryRecordFor_BothSidesOfTheLine_EligibleAndNot()
    {
        var verdicts = Sample(EightMillion).Select(r => EightMillion.Compile().Evaluate(r).Eligibility).ToList();

        Assert.Contains(Eligibility.Eligible, verdicts);
        Assert.Contains(Eligibility.NotEligible, verdicts);
        Assert.Contains(Eligibility.Indeterminate, verdicts);
    }

    [Fact]
    public void BoundaryRecordFor_NewMetric_GeneratedThroughItsDescriptor()
    {
        var rules = RuleSetJson.Parse("""
            { "id": "live", "version": "1", "title": "live", "target": "village", "effectiveYears": { "from": 2024 },
              "criteria": { "id": "live", "metric": "livestream_sales_cny", "comparison": "atLeast", "threshold": 5000000, "unit": "cny" } }
            """);

        Assert.True(Sample(rules).Count(r => r.Figures.TryGetValue("livestream_sales_cny", out var v) && Math.Abs(v - 5_000_000m) <= 0.01m) > 600);
    }

    [Property(Arbitrary = [typeof(RecordArbitraries)], MaxTest = 200)]
    public bool RecordArbitraries_Registered_RecordParameterIsValid(VillageRecord record) => VillageRecordValidator.IsValid(record);

    [Fact]
    public void ToString_Record_NamesItsFiguresNotItsTypes()
    {
        var text = new VillageRecord(new VillageCode("330782100001")) { Name = "前岙村", Year = 2016, Households = 400, AnnualSales = Cny.FromYuan(12_000_000m) }.ToString();

        Assert.Equal("330782100001 前岙村 (2016): households=400, annual_sales_cny=12000000", text);
    }
}
