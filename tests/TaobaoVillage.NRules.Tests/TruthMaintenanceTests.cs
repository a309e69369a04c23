using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.NRules.Tests;

/// <summary>What-if in a live session: NRules keeps village, town and county outcomes true as records change.</summary>
public class TruthMaintenanceTests
{
    private static readonly Lazy<global::NRules.ISessionFactory> Chain = new(() => Sessions.Factory(TaobaoVillageRules.VillagesByYear(), TaobaoVillageRules.DesignationsByYear()));

    /// <summary>Three villages of one township in 2018: two Taobao Villages, the third CN¥0.01 short.</summary>
    private static VillageRecord[] Township() =>
    [
        Village("330782100201", 10_000_000m), Village("330782100202", 12_000_000m), Village("330782100203", 9_999_999.99m),
    ];

    private static VillageRecord Village(string code, decimal sales) => new(new VillageCode(code))
    {
        Year = 2018, Province = "浙江省", City = "金华市", County = "义乌市", Township = "佛堂镇",
        AnnualSales = Cny.FromYuan(sales), ActiveShops = 150, Households = 500,
    };

    private static VillageOutcome OutcomeOf(global::NRules.ISession session, string code) => Assert.Single(session.Query<VillageOutcome>().Where(o => o.Key == code));

    [Fact]
    public void Update_SalesRaisedOneFen_VillageAndTownBecomeEligible()
    {
        var session = Sessions.Run(Chain.Value, Township());
        Assert.False(Assert.Single(session.Query<TownOutcome>()).IsTaobaoTown);

        session.Update(Township()[2] with { AnnualSales = Cny.FromYuan(10_000_000m) });
        session.Fire();

        Assert.Equal(Eligibility.Eligible, OutcomeOf(session, "330782100203").Eligibility);
        Assert.True(Assert.Single(session.Query<TownOutcome>()).IsTaobaoTown);
        Assert.Equal(1, Assert.Single(session.Query<CountyOutcome>()).TaobaoTowns);
    }

    [Fact]
    public void Update_LoweredBack_VillageAndTownRetracted()
    {
        var session = Sessions.Run(Chain.Value, Township());
        session.Update(Township()[2] with { AnnualSales = Cny.FromYuan(10_000_000m) });
        session.Fire();

        session.Update(Township()[2]);
        session.Fire();

        Assert.Equal(Eligibility.NotEligible, OutcomeOf(session, "330782100203").Eligibility);
        Assert.False(Assert.Single(session.Query<TownOutcome>()).IsTaobaoTown);
        Assert.Equal(0, Assert.Single(session.Query<CountyOutcome>()).TaobaoTowns);
        Assert.Equal(3, session.Query<VillageOutcome>().Count());
    }

    [Fact]
    public void Update_FigureRemoved_VillageAndTownIndeterminate()
    {
        var session = Sessions.Run(Chain.Value, Township());

        session.Update(Township()[2] with { AnnualSales = null });
        session.Fire();

        Assert.Equal(Eligibility.Indeterminate, OutcomeOf(session, "330782100203").Eligibility);
        Assert.Equal(Eligibility.Indeterminate, Assert.Single(session.Query<TownOutcome>()).Eligibility);
    }

    [Fact]
    public void Retract_Record_RemovesItsOutcomeAndRecountsTown()
    {
        var session = Sessions.Run(Chain.Value, Township());

        session.Retract(Township()[0]);
        session.Fire();

        Assert.Empty(session.Query<VillageOutcome>().Where(o => o.Key == "330782100201"));
        Assert.Equal(1, Assert.Single(session.Query<TownOutcome>()).TaobaoVillages);
    }

    [Fact]
    public void Retract_EveryRecord_NoTownNorCountyLeft()
    {
        var session = Sessions.Run(Chain.Value, Township());

        session.RetractAll(Township());
        session.Fire();

        Assert.Empty(session.Query<VillageOutcome>());
        Assert.Empty(session.Query<TownOutcome>());
        Assert.Empty(session.Query<CountyOutcome>());
    }

    [Fact]
    public void Update_WithoutIdentityComparer_CannotFindTheRecord()
    {
        // Why the package registers one: a changed copy is a different value, so plain NRules cannot find the fact.
        var plain = new global::NRules.RuleCompiler().Compile([TaobaoVillageRules.VillagesByYear()]);
        var session = Sessions.Run(plain, Township());

        Assert.Throws<ArgumentException>(() => session.Update(Township()[2] with { AnnualSales = Cny.FromYuan(10_000_000m) }));
    }

    [Fact]
    public void Identity_SameCodeAndYear_EqualWhateverTheFigures()
    {
        var record = Township()[0];

        Assert.True(VillageRecordIdentity.Instance.Equals(record, record with { AnnualSales = null }));
        Assert.False(VillageRecordIdentity.Instance.Equals(record, record with { Year = 2019 }));
        Assert.Equal(VillageRecordIdentity.Instance.GetHashCode(record), VillageRecordIdentity.Instance.GetHashCode(record with { ActiveShops = 1 }));
    }

    [Fact]
    public void Factory_SessionsOnSeveralThreads_EachDecidesItsOwnRecords()
    {
        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(4).Select(i =>
        {
            var records = Township().Select(r => r with { AnnualSales = Cny.FromYuan(9_000_000m + (i * 500_000m)) }).ToArray();
            var session = Sessions.Run(Chain.Value, records);
            return (Expected: records.Count(r => BuiltInRuleSets.AliResearch2014.Compile().Evaluate(r).IsEligible), Actual: session.Query<VillageOutcome>().Count(o => o.IsTaobaoVillage));
        }).ToList();

        Assert.All(results, r => Assert.Equal(r.Expected, r.Actual));
        Assert.Contains(results, r => r.Actual == 3);
        Assert.Contains(results, r => r.Actual == 0);
    }
}
