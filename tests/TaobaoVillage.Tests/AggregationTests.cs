using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class TownAggregatorTests
{
    [Property(MaxTest = 300)]
    public Property Decide_RaisingAnyTownshipFigure_NeverLosesTheDesignation() => Prop.ForAll(
        VillageArbitraries.Townships(),
        Arb.From(Gen.Choose(0, 2)),
        (township, which) =>
        {
            var raised = which switch
            {
                0 => township with { TaobaoVillages = township.TaobaoVillages + 1 },
                1 => township with { AnnualSales = township.AnnualSales is { } s ? Cny.FromYuan(s.Yuan + 0.01m) : null },
                _ => township with { ActiveShops = township.ActiveShops + 1 },
            };
            foreach (var rules in new[] { BuiltInRuleSets.AliResearchTown2014, BuiltInRuleSets.AliResearchTown })
            {
                var before = TownAggregator.Decide(township, rules).Verdict.Eligibility;
                var after = TownAggregator.Decide(raised, rules).Verdict.Eligibility;
                if (before == Eligibility.Eligible && after != Eligibility.Eligible)
                {
                    return false.Label($"{rules.Id}: {before} → {after}");
                }
            }

            return true.ToProperty();
        });

    [Property(MaxTest = 300)]
    public Property Decide_ThreeTaobaoVillages_EligibleWhateverElseIsMissing() => Prop.ForAll(
        VillageArbitraries.Townships(),
        township =>
        {
            var three = township with { TaobaoVillages = 3, Kind = TownshipKind.Township };
            return TownAggregator.Decide(three, BuiltInRuleSets.AliResearchTown2014).Verdict.Eligibility == Eligibility.Eligible
                && TownAggregator.Decide(three with { TaobaoVillages = 2 }, BuiltInRuleSets.AliResearchTown2014).Verdict.Eligibility == Eligibility.NotEligible;
        });

    internal static readonly IReadOnlyList<VillageResult> PublishedLists = OfficialListReader
        .ReadFile(BatchScorerTests.TestFile("taobao-villages-2014-2016.csv"))
        .Select(r => VillageResult.FromDesignated(r.Value!))
        .ToList();

    [Theory]
    [InlineData(2014, 212, 19)]
    [InlineData(2015, 780, 71)]
    [InlineData(2016, 1311, 135)]
    public void Towns_PublishedVillageLists_ReproducePublishedTownCounts(int year, int villages, int towns)
    {
        var result = TownAggregator.Towns(PublishedLists.Where(v => v.Year == year), BuiltInRuleSets.ForTownshipYear);

        Assert.Equal(villages, result.Sum(t => t.QualifyingVillages.Count));
        Assert.Equal(towns, result.Count(t => t.IsTaobaoTown));
        Assert.All(result, t => Assert.NotEqual(Eligibility.Indeterminate, t.Verdict.Eligibility));
    }

    [Fact]
    public void Towns_TwoEligibleOneUndecided_IsIndeterminateNotNo()
    {
        var villages = new[] { Village("a", Eligibility.Eligible), Village("b", Eligibility.Eligible), Village("c", Eligibility.Indeterminate) };

        var town = Assert.Single(TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown2014));

        Assert.Equal(Eligibility.Indeterminate, town.Verdict.Eligibility);
        Assert.Equal(2, town.QualifyingVillages.Count);
        Assert.Single(town.UndecidedVillages);
    }

    [Fact]
    public void Towns_ThreeEligibleAndUndecided_IsTown()
    {
        var villages = new[] { Village("a", Eligibility.Eligible), Village("b", Eligibility.Eligible), Village("c", Eligibility.Eligible), Village("d", Eligibility.Indeterminate) };

        Assert.True(TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown2014).Single().IsTaobaoTown);
    }

    [Fact]
    public void Towns_NoTaobaoVillagesButSalesAndShops_IsTownFrom2019()
    {
        var villages = Enumerable.Range(0, 4).Select(i => Scored($"33078210000{i}", sales: 7_500_000.01m, shops: 76)).ToList();

        var town = TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown).Single();

        Assert.Equal(30_000_000.04m, town.Figures.AnnualSales!.Value.Yuan);
        Assert.Equal(304, town.Figures.ActiveShops);
        Assert.True(town.IsTaobaoTown);
        Assert.Empty(town.QualifyingVillages);
    }

    [Fact]
    public void Towns_SalesExactly30Million_IsNotATown()
    {
        var villages = Enumerable.Range(0, 3).Select(i => Scored($"33078210000{i}", sales: 10_000_000m, shops: 101, committee: CommitteeKind.Residents)).ToList();

        var town = TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown).Single();

        Assert.Equal(30_000_000m, town.Figures.AnnualSales!.Value.Yuan);
        Assert.False(town.IsTaobaoTown);
    }

    [Fact]
    public void Towns_MissingSalesInOneVillage_UnknownUnlessKnownPartPasses()
    {
        var open = new[] { Scored("330782100001", sales: 20_000_000m, shops: 400, committee: CommitteeKind.Residents), Scored("330782100002", sales: null, shops: 10, committee: CommitteeKind.Residents) };
        var passes = new[] { Scored("330782100001", sales: 40_000_000m, shops: 400, committee: CommitteeKind.Residents), Scored("330782100002", sales: null, shops: 10, committee: CommitteeKind.Residents) };

        Assert.Equal(Eligibility.Indeterminate, TownAggregator.Towns(open, BuiltInRuleSets.AliResearchTown).Single().Verdict.Eligibility);
        Assert.Equal(Eligibility.Eligible, TownAggregator.Towns(passes, BuiltInRuleSets.AliResearchTown).Single().Verdict.Eligibility);
    }

    [Property(MaxTest = 100)]
    public Property Towns_AddingAQualifyingVillage_NeverRemovesDesignation() => Prop.ForAll(
        Arb.From(Gen.ListOf(Gen.Elements(Eligibility.Eligible, Eligibility.NotEligible, Eligibility.Indeterminate))),
        outcomes =>
        {
            var villages = outcomes.Select((e, i) => Village("v" + i, e)).ToList();
            var before = TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown2014).SingleOrDefault();
            var after = TownAggregator.Towns([.. villages, Village("extra", Eligibility.Eligible)], BuiltInRuleSets.AliResearchTown2014).Single();
            return before is null || !before.IsTaobaoTown || after.IsTaobaoTown;
        });

    [Property(MaxTest = 100)]
    public Property Towns_VillageOrder_NeverChangesTheVerdict() => Prop.ForAll(
        Arb.From(
            from outcomes in Gen.NonEmptyListOf(Gen.Elements(Eligibility.Eligible, Eligibility.NotEligible, Eligibility.Indeterminate))
            let villages = outcomes.Select((e, i) => Village("v" + i, e)).ToArray()
            from shuffled in Gen.Shuffle(villages)
            select (villages, shuffled)),
        pair =>
        {
            var (villages, shuffled) = pair;
            foreach (var rules in new[] { BuiltInRuleSets.AliResearchTown2014, BuiltInRuleSets.AliResearchTown })
            {
                var forward = TownAggregator.Towns(villages, rules).Single();
                var other = TownAggregator.Towns(shuffled, rules).Single();
                if (forward.Verdict.Eligibility != other.Verdict.Eligibility || forward.QualifyingVillages.Count != other.QualifyingVillages.Count)
                {
                    return false.Label($"{rules.Id}: {forward.Verdict.Eligibility} vs {other.Verdict.Eligibility}");
                }
            }

            return true.Classify(!villages.SequenceEqual(shuffled), "order changed");
        });

    [Fact]
    public void Towns_ShopsThatAddUpPastALong_TownshipInvalidSayingSoNotACrash()
    {
        var towns = TownAggregator.Towns([Scored("330782100201", 20_000_000m, long.MaxValue), Scored("330782100202", 20_000_000m, long.MaxValue)], BuiltInRuleSets.ForTownshipYear);

        var town = Assert.Single(towns);
        Assert.Equal(Eligibility.Invalid, town.Verdict.Eligibility);
        var problem = Assert.Single(town.Verdict.Problems);
        Assert.Equal(FieldNames.ActiveShops, problem.Field);
        Assert.Equal(RecordProblemCodes.OutOfRange, problem.Code);
    }

    [Fact]
    public void Towns_SalesThatAddUpPastADecimal_TownshipInvalidSayingSoNotACrash()
    {
        var towns = TownAggregator.Towns([Scored("330782100201", decimal.MaxValue, 300), Scored("330782100202", decimal.MaxValue, 300)], BuiltInRuleSets.ForTownshipYear);

        Assert.Equal(FieldNames.AnnualSales, Assert.Single(Assert.Single(towns).Verdict.Problems).Field);
    }

    private static VillageResult Village(string name, Eligibility eligibility) =>
        new(new Region("浙江省", "金华市", "义乌市", "江东街道"), name, 2016, eligibility);

    private static VillageResult Scored(string code, decimal? sales, long shops, CommitteeKind committee = CommitteeKind.Village)
    {
        var record = new VillageRecord(new VillageCode(code))
        {
            Year = 2020, Province = "浙江省", City = "金华市", County = "义乌市", Township = "苏溪镇", Committee = committee,
            Households = 400, ActiveShops = shops, AnnualSales = sales is { } s ? Cny.FromYuan(s) : null,
        };
        return VillageResult.FromScored(new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(record))!;
    }
}

public class RegionAggregatorTests
{
    [Fact]
    public void Provinces_2016List_MatchesPublishedProvinceCounts()
    {
        var towns = TownAggregator.Towns(TownAggregatorTests.PublishedLists.Where(v => v.Year == 2016), BuiltInRuleSets.ForTownshipYear);

        var provinces = RegionAggregator.Provinces(towns).ToDictionary(p => p.Key, p => p.TaobaoVillages);

        Assert.Equal(506, provinces["浙江"]);
        Assert.Equal(262, provinces["广东"]);
        Assert.Equal(201, provinces["江苏"]);
        Assert.Equal(108, provinces["山东"]);
        Assert.Equal(107, provinces["福建"]);
        Assert.Equal(91, provinces["河北"]);
        Assert.Equal(13, provinces["河南"]);
    }

    [Fact]
    public void Counties_2016List_YiwuLeadsAsClusterCandidate()
    {
        var towns = TownAggregator.Towns(TownAggregatorTests.PublishedLists.Where(v => v.Year == 2016), BuiltInRuleSets.ForTownshipYear);

        var top = RegionAggregator.Counties(towns)[0];

        Assert.Equal("义乌市", top.Region.County);
        Assert.Equal(65, top.TaobaoVillages);
        Assert.Equal(ClusterCandidate.Cluster, top.Cluster);
    }

    [Property(MaxTest = 20)]
    public Property Provinces_Counts_SumToTheNationalCount() => Prop.ForAll(
        Arb.From(Gen.SubListOf(TownAggregatorTests.PublishedLists.Where(v => v.Year == 2015).ToArray())),
        subset =>
        {
            var towns = TownAggregator.Towns(subset, BuiltInRuleSets.ForTownshipYear);
            var provinces = RegionAggregator.Provinces(towns);
            var counties = RegionAggregator.Counties(towns);
            return provinces.Sum(p => p.TaobaoVillages) == subset.Count
                && counties.Sum(c => c.TaobaoVillages) == subset.Count
                && provinces.Sum(p => p.TaobaoTowns) == towns.Count(t => t.IsTaobaoTown);
        });

    [Theory]
    [InlineData(9, ClusterCandidate.None)]
    [InlineData(10, ClusterCandidate.Cluster)]
    [InlineData(100, ClusterCandidate.Cluster)]
    [InlineData(101, ClusterCandidate.VeryLarge)]
    public void Cluster_Count_Boundaries(int villages, ClusterCandidate expected) =>
        Assert.Equal(expected, new RegionSummary(new Region("p", "c", "k", string.Empty), "k", 2020) { TaobaoVillages = villages }.Cluster);

    [Fact]
    public void NormalizeProvince_Suffixes_Removed()
    {
        Assert.Equal("北京", Region.NormalizeProvince("北京市"));
        Assert.Equal("北京", Region.NormalizeProvince("北京"));
        Assert.Equal("广西", Region.NormalizeProvince("广西壮族自治区"));
        Assert.Equal("浙江", Region.NormalizeProvince("浙江省"));
    }
}

public class YearComparisonTests
{
    [Property(MaxTest = 20)]
    public Property Villages_YearWithItself_NothingNewNothingLost() => Prop.ForAll(
        Arb.From(Gen.Elements(2014, 2015, 2016)),
        year =>
        {
            var changes = YearComparison.Villages(TownAggregatorTests.PublishedLists, year, year);
            return changes.All(c => c.Change == Change.Kept);
        });

    // Regression for the FsCheck counterexample: a year compared with itself reported every village as lost.
    [Fact]
    public void Villages_2016WithItself_AllKept()
    {
        var changes = YearComparison.Villages(TownAggregatorTests.PublishedLists, 2016, 2016);

        Assert.Equal(1311, changes.Count);
        Assert.All(changes, c => Assert.Equal(Change.Kept, c.Change));
    }

    [Fact]
    public void Villages_2015To2016_CountsAddUp()
    {
        var changes = YearComparison.Villages(TownAggregatorTests.PublishedLists, 2015, 2016);

        var kept = changes.Count(c => c.Change == Change.Kept);
        Assert.Equal(780, kept + changes.Count(c => c.Change == Change.Lost));
        Assert.Equal(1311, kept + changes.Count(c => c.Change == Change.New));
    }

    [Fact]
    public void Provinces_2015To2016_ZhejiangGrew()
    {
        var towns = TownAggregator.Towns(TownAggregatorTests.PublishedLists, BuiltInRuleSets.ForTownshipYear);

        var zhejiang = YearComparison.Provinces(towns, 2015, 2016).Single(p => p.Key == "浙江");

        Assert.Equal(506, zhejiang.VillagesTo);
        Assert.Equal(zhejiang.VillagesTo, zhejiang.New + zhejiang.Kept);
        Assert.Equal(zhejiang.VillagesFrom, zhejiang.Lost + zhejiang.Kept);
    }
}

public class RegionTallyTests
{
    [Fact]
    public void Rows_SameCountyByCodeDifferentlyNamed_CountedOnce()
    {
        // Grouped by the county code (the first 6 digits), not by how a row spells the names.
        var tally = new Aggregation.RegionTally(Aggregation.RegionLevel.County);
        var rules = new Batch.BatchScorer(BuiltInRuleSets.AliResearch);
        tally.Add(rules.ScoreOne(new Domain.VillageRecord(new Domain.VillageCode("330782100001")) { Province = "浙江省", County = "义乌市", Households = 10 }));
        tally.Add(rules.ScoreOne(new Domain.VillageRecord(new Domain.VillageCode("330782100002")) { Province = "浙江", County = "义乌", Households = 10 }));
        tally.Add(rules.ScoreOne(new Domain.VillageRecord(new Domain.VillageCode("330783100001")) { Province = "浙江省", County = "东阳市", Households = 10 }));

        var rows = tally.Rows();

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows.Single(r => r.Key == "330782").NotEligible + rows.Single(r => r.Key == "330782").Indeterminate);
    }

    [Fact]
    public void Add_RejectedRow_NotCounted()
    {
        var tally = new Aggregation.RegionTally(Aggregation.RegionLevel.Province);
        tally.Add(new Batch.BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new Domain.VillageRecord(new Domain.VillageCode("330782100001")) { Households = 0 }));

        Assert.Empty(tally.Rows());
    }
}
