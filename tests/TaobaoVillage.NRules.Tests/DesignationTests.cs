using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.NRules.Tests;

/// <summary>Villages chained into Taobao Towns and counties by NRules, as the library's aggregation decides them.</summary>
public class DesignationTests
{
    private static readonly Lazy<IReadOnlyList<DesignatedVillage>> PublishedLists = new(() => OfficialListReader
        .ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "taobao-villages-2014-2016.csv"))
        .Select(r => r.Value!)
        .ToList());

    private static readonly Lazy<global::NRules.ISessionFactory> Chain = new(() => Sessions.Factory(TaobaoVillageRules.VillagesByYear(), TaobaoVillageRules.DesignationsByYear()));

    [Theory]
    [InlineData(2014, 212, 19)]
    [InlineData(2015, 780, 71)]
    [InlineData(2016, 1311, 135)]
    public void Session_PublishedVillageLists_ReproducesPublishedTownCounts(int year, int villages, int towns)
    {
        var session = Sessions.Run(Chain.Value, PublishedLists.Value.Where(v => v.Year == year).Select(VillageOutcome.FromDesignated));

        var result = session.Query<TownOutcome>().ToList();

        Assert.Equal(villages, result.Sum(t => t.TaobaoVillages));
        Assert.Equal(towns, result.Count(t => t.IsTaobaoTown));
        Assert.DoesNotContain(result, t => t.Eligibility == Eligibility.Indeterminate);
    }

    [Fact]
    public void Session_PublishedVillageLists_SameTownsAsTownAggregator()
    {
        var session = Sessions.Run(Chain.Value, PublishedLists.Value.Select(VillageOutcome.FromDesignated));
        var expected = TownAggregator.Towns(PublishedLists.Value.Select(VillageResult.FromDesignated), BuiltInRuleSets.ForTownshipYear);

        Assert.Equal(Towns(expected.Select(t => (t.Year, t.Region.Key, t.Verdict.Eligibility, t.TaobaoVillages))), Towns(session.Query<TownOutcome>().AsEnumerable().Select(t => (t.Year, t.Region.Key, t.Eligibility, t.TaobaoVillages))));
    }

    [Fact]
    public void Session_PublishedVillageLists_CountiesAsRegionAggregator()
    {
        var session = Sessions.Run(Chain.Value, PublishedLists.Value.Select(VillageOutcome.FromDesignated));
        var expected = RegionAggregator.Counties(TownAggregator.Towns(PublishedLists.Value.Select(VillageResult.FromDesignated), BuiltInRuleSets.ForTownshipYear));

        var counties = session.Query<CountyOutcome>().ToList();

        Assert.Equal(expected.Select(s => (s.Year, s.Key, s.TaobaoVillages, s.TaobaoTowns)).Order(), counties.Select(c => (c.Year, c.Summary.Key, c.TaobaoVillages, c.TaobaoTowns)).Order());
        Assert.Equal(expected.Count(s => s.TaobaoVillages >= RegionSummary.ClusterThreshold), counties.Count(c => c.IsClusterCandidate));
    }

    /// <summary>Records of a few townships and years (2018, 2019's sales-and-shops path, 2020's sub-district exclusion), some figures missing.</summary>
    private static Arbitrary<VillageRecord[]> TownshipRecords() => Arb.From(
        from count in Gen.Choose(1, 60)
        from records in (from record in VillageArbitraries.BoundaryRecordFor(BuiltInRuleSets.AliResearch2014)
                         from township in Gen.Elements("330782100", "330782001", "330782200")
                         from year in Gen.Elements(2018, 2019, 2020)
                         select record with { Year = year, TownshipCode = township, Township = township == "330782001" ? "稠城街道" : "佛堂镇" }).ArrayOf(count)
        select Sessions.Distinct(records),
        records => Enumerable.Range(0, records.Length).Select(i => records.Where((_, j) => j != i).ToArray()));

    [Property(MaxTest = 60)]
    public Property Session_RandomTownships_SameTownsAsTownAggregator() => Prop.ForAll(TownshipRecords(), records =>
    {
        var session = Sessions.Run(Chain.Value, records);
        var results = records.Where(VillageRecordValidator.IsValid)
            .Select(r => new VillageResult(Region.Of(r), r.Code.Value, r.Year!.Value, BuiltInRuleSets.ForVillageYear(r.Year.Value).Compile().Evaluate(r).Eligibility) { Code = r.Code.Value, Record = r });
        var expected = TownAggregator.Towns(results, BuiltInRuleSets.ForTownshipYear);

        return Towns(expected.Select(t => (t.Year, t.Region.Key, t.Verdict.Eligibility, t.TaobaoVillages)))
            .SequenceEqual(Towns(session.Query<TownOutcome>().AsEnumerable().Select(t => (t.Year, t.Region.Key, t.Eligibility, t.TaobaoVillages))));
    });

    private static List<(int Year, string Key, Eligibility Eligibility, long Villages)> Towns(IEnumerable<(int, string, Eligibility, long)> towns) => [.. towns.Order()];
}
