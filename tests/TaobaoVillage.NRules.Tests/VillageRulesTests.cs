using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.NRules.Tests;

/// <summary>The rules a rule set becomes, as NRules' diagnostics show them, and the outcomes they yield.</summary>
public class VillageRulesTests
{
    private static readonly VillageRecord Complete = new(new VillageCode("330782100201"))
    {
        Year = 2021, Committee = CommitteeKind.Village, AnnualSales = Cny.FromYuan(10_000_000m), ActiveShops = 100, Households = 400,
    };

    [Fact]
    public void Villages_BuiltInSet_FourRulesNamedTaggedAndPropertied()
    {
        var rules = TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch).Rules.ToList();
        var set = BuiltInRuleSets.AliResearch;

        Assert.Equal([$"aliresearch@{set.Version}: eligible", $"aliresearch@{set.Version}: indeterminate", $"aliresearch@{set.Version}: invalid", $"aliresearch@{set.Version}: not_eligible"], rules.Select(r => r.Name).Order());
        Assert.All(rules, r => Assert.Contains(TaobaoVillageRules.Tag, r.Tags));
        Assert.All(rules, r => Assert.Equal(set.ContentHash, r.Properties[TaobaoVillageRules.RuleSetHashProperty]));
        Assert.All(rules, r => Assert.Equal(set.Version, r.Properties[TaobaoVillageRules.RuleSetVersionProperty]));
    }

    [Theory]
    [InlineData(10_000_000, "eligible")]
    [InlineData(9_999_999.99, "not_eligible")]
    public void Fire_Record_NRulesEventsNameTheDecidingRule(decimal sales, string decision)
    {
        var session = Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)).CreateSession();
        var fired = new List<string>();
        session.Events.RuleFiredEvent += (_, e) => fired.Add(e.Rule.Name);

        session.Insert(Complete with { AnnualSales = Cny.FromYuan(sales) });
        session.Fire();

        Assert.Equal([$"aliresearch@{BuiltInRuleSets.AliResearch.Version}: {decision}"], fired);
    }

    [Fact]
    public void Villages_TownshipRuleSet_Throws() => Assert.Throws<ArgumentException>(() => TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearchTown));

    [Theory]
    [InlineData(10_000_000, Eligibility.Eligible)]
    [InlineData(9_999_999.99, Eligibility.NotEligible)]
    public void Fire_CompleteRecord_OutcomeCarriesTheVerdict(decimal sales, Eligibility expected)
    {
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)), [Complete with { AnnualSales = Cny.FromYuan(sales) }]);

        var outcome = Assert.Single(session.Query<VillageOutcome>());

        Assert.Equal(expected, outcome.Eligibility);
        Assert.Equal(expected, outcome.Verdict!.Eligibility);
    }

    [Fact]
    public void Fire_OneFenShort_VerdictCarriesShortfall()
    {
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)), [Complete with { AnnualSales = Cny.FromYuan(9_999_999.99m) }]);

        var verdict = Assert.Single(session.Query<VillageOutcome>()).Verdict!;

        Assert.Contains(verdict.Criteria, c => c.Shortfall is { Amount: 0.01m });
    }

    [Fact]
    public void Fire_SalesMissing_IndeterminateNotNo()
    {
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)), [Complete with { AnnualSales = null }]);

        Assert.Equal(Eligibility.Indeterminate, Assert.Single(session.Query<VillageOutcome>()).Eligibility);
    }

    [Fact]
    public void Fire_ZeroHouseholds_Invalid()
    {
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)), [Complete with { Households = 0 }]);

        var outcome = Assert.Single(session.Query<VillageOutcome>());

        Assert.Equal(Eligibility.Invalid, outcome.Eligibility);
        Assert.NotEmpty(outcome.Verdict!.Problems);
    }

    [Theory]
    [InlineData(2012, "classic")]
    [InlineData(2019, "aliresearch-2014")]
    [InlineData(2020, "aliresearch")]
    public void VillagesByYear_RecordOfAYear_DecidedByTheSetInForce(int year, string id)
    {
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.VillagesByYear()), [Complete with { Year = year }]);

        Assert.Equal(id, Assert.Single(session.Query<VillageOutcome>()).RuleSet!.Id.Value);
    }

    [Theory]
    [InlineData(2008)]
    [InlineData(0)]
    public void VillagesByYear_YearBeforeAnySet_NoOutcome(int year)
    {
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.VillagesByYear()), [Complete with { Year = year }]);

        Assert.Empty(session.Query<VillageOutcome>());
    }

    [Fact]
    public void VillagesByYear_RecordWithoutAYear_DecidedByTheNewestAsTheBatchScorerDoes()
    {
        var record = Complete with { Year = null };
        var session = Sessions.Run(Sessions.Factory(TaobaoVillageRules.VillagesByYear()), [record]);

        var outcome = Assert.Single(session.Query<VillageOutcome>());
        Assert.Equal(BatchScorer.ForYears().RuleSetFor(null), outcome.RuleSet);
        Assert.Equal(BatchScorer.ForYears().ScoreOne(record).Verdict!.Eligibility, outcome.Eligibility);
    }
}
