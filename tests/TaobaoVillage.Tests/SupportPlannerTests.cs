using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Planning;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class SupportPlannerTests
{
    private static VillageRecord Village(string code, int year, long shops, decimal sales) => new(new VillageCode(code))
    {
        Name = "村" + code[^3..], Province = "浙江省", City = "金华市", County = "义乌市", Township = code[..9] == "330782001" ? "稠城街道" : "镇" + code[6..9],
        Year = year, Committee = CommitteeKind.Village, Households = 400, ActiveShops = shops, AnnualSales = Cny.FromYuan(sales),
    };

    private static List<ScoredRow> Score(IEnumerable<VillageRecord> records) =>
        BatchScorer.ForYears().Score(records.Select((r, i) => InputRow.FromRecord(r, i + 2))).ToList();

    private static RuleSet TownRules(int year) => BuiltInRuleSets.ForTownshipYear(year);

    [Fact]
    public void Plan_ThirdVillageOfATownshipWithTwo_WorthMoreThanTheNearestMiss()
    {
        // Township 100: two Taobao Villages and one a quarter short; township 200: one village a fen short.
        var records = new[]
        {
            Village("330782100001", 2016, 150, 20_000_000m),
            Village("330782100002", 2016, 150, 20_000_000m),
            Village("330782100003", 2016, 150, 7_500_000m),
            Village("330782200001", 2016, 150, 9_999_999.99m),
        };

        var one = SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Villages(1));
        var two = SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Villages(2));

        Assert.Equal(["330782100003"], one.Villages.Select(v => v.VillageCode));
        Assert.Equal("330782100", one.Villages[0].CompletesTown);
        Assert.Equal((2, 3, 0, 1, 2), (one.VillagesBefore, one.VillagesAfter, one.TownsBefore, one.TownsAfter, one.Gain));
        Assert.Equal(["330782100003", "330782200001"], two.Villages.Select(v => v.VillageCode));
        Assert.Null(two.Villages[1].CompletesTown);
        Assert.Equal(3, two.Gain);
        Assert.True(one.IsOptimal && two.IsOptimal);
        Assert.Equal(0.25m, one.Villages[0].Effort);
    }

    [Fact]
    public void Plan_ResidentsCommitteeFrom2020AndMissingFigures_NeverChosenButCounted()
    {
        var records = new[]
        {
            Village("330782100001", 2021, 150, 9_000_000m) with { Committee = CommitteeKind.Residents },
            Village("330782100002", 2021, 150, 9_000_000m) with { AnnualSales = null, ActiveShops = 20 },
            Village("330782100003", 2021, 20, 9_000_000m),
        };

        var plan = SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Villages(3));

        Assert.Equal(["330782100003"], plan.Villages.Select(v => v.VillageCode));
        Assert.Equal((1, 1, 1), (plan.Candidates, plan.Undecided, plan.CannotPass));
    }

    [Fact]
    public void Plan_EffortBudget_SpendsNoMoreThanIt()
    {
        var records = Enumerable.Range(1, 6).Select(i => Village($"3307821000{i:D2}", 2016, 150, 10_000_000m - (i * 1_000_000m))).ToList();

        var plan = SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Effort(0.35m));

        Assert.True(plan.Effort <= 0.35m);
        Assert.Equal(["330782100001", "330782100002"], plan.Villages.Select(v => v.VillageCode).Order());
    }

    private static readonly Gen<VillageRecord[]> SmallCounty =
        from year in Gen.Elements(2016, 2019, 2021)
        from townships in Gen.Choose(1, 3)
        from sizes in Gen.ArrayOf(Gen.Choose(1, 5), townships)
        from figures in Gen.ArrayOf(
            from shops in Gen.Frequency((2, Gen.Choose(100, 400)), (1, Gen.Choose(0, 120)))
            from tenThousands in Gen.Frequency((2, Gen.Choose(500, 1_500)), (1, Gen.Choose(0, 2_000)))
            select (shops, tenThousands), sizes.Sum())
        select Enumerable.Range(0, townships).SelectMany(t => Enumerable.Range(0, sizes[t]).Select(v => (t, v)))
            .Select((tv, i) => Village($"330782{(tv.t == 0 ? 1 : tv.t == 1 ? 100 : 200):D3}{tv.v:D3}", year, figures[i].shops, figures[i].tenThousands * 10_000m))
            .ToArray();

    [Property(MaxTest = 60)]
    public Property Plan_SmallCounties_EqualsBruteForceAndItsClaimsHoldOnRescoring() => Prop.ForAll(
        Arb.From(SmallCounty.Where(r => r.Length <= 12)),
        Arb.From(Gen.Choose(0, 4)),
        (records, k) =>
        {
            var plan = SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Villages(k));
            var (villages, towns) = Rescore(records, plan.Villages.Select(v => v.VillageCode).ToHashSet(StringComparer.Ordinal), Score(records));
            var best = BruteForce(records, k);
            return (plan.IsOptimal && plan.Villages.Count <= k && villages == plan.VillagesAfter && towns == plan.TownsAfter && best == plan.Gain)
                .Label($"k {k}: plan {plan.Gain} ({plan.VillagesAfter} villages, {plan.TownsAfter} towns), rescored {villages}/{towns}, brute force {best}");
        });

    [Property(MaxTest = 40)]
    public Property Plan_MoreBudget_NeverFewerNewDesignations() => Prop.ForAll(
        Arb.From(SmallCounty),
        Arb.From(Gen.Choose(0, 5)),
        (records, k) =>
            SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Villages(k + 1)).Gain >= SupportPlanner.Plan(Score(records), TownRules, PlanBudget.Villages(k)).Gain);

    /// <summary>The plan's gains, re-derived: raise the chosen records, score everything again, count villages and towns.</summary>
    private static (int Villages, int Towns) Rescore(VillageRecord[] records, HashSet<string> chosen, List<ScoredRow> before)
    {
        var raised = records.Select((r, i) => chosen.Contains(r.Code.Value) ? Raise(r, before[i].Verdict!) : r).ToList();
        var rows = Score(raised);
        var towns = TownAggregator.Towns(rows.Select(r => VillageResult.FromScored(r)!), TownRules);
        return (rows.Count(r => r.Status == RowStatus.Eligible), towns.Count(t => t.IsTaobaoTown));
    }

    /// <summary>Raising a village by its cheapest way to pass, written out: each figure up by the most a step asks of it.</summary>
    private static VillageRecord Raise(VillageRecord record, Verdict verdict)
    {
        var path = verdict.PathsToPass(8).First(p => p.MissingData.Count == 0);
        foreach (var step in path.Steps.GroupBy(s => s.Metric.Name))
        {
            var amount = step.Max(s => s.Amount);
            record = step.Key == "annual_sales_cny"
                ? record with { AnnualSales = Cny.FromYuan(record.AnnualSales!.Value.Yuan + amount) }
                : record with { ActiveShops = record.ActiveShops + (long)amount };
        }

        return record;
    }

    private static int BruteForce(VillageRecord[] records, int k)
    {
        var before = Score(records);
        var (v0, t0) = Rescore(records, [], before);
        var candidates = records.Where((_, i) => before[i].Status != RowStatus.Eligible).Select(r => r.Code.Value).ToList();
        var best = 0;
        for (var mask = 0; mask < 1 << candidates.Count; mask++)
        {
            if (int.PopCount(mask) > k)
            {
                continue;
            }

            var (v, t) = Rescore(records, candidates.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet(StringComparer.Ordinal), before);
            best = Math.Max(best, v - v0 + t - t0);
        }

        return best;
    }
}
