using BenchmarkDotNet.Attributes;
using NRules;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.NRules;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Benchmarks;

/// <summary>
/// TaobaoVillage's rules in NRules (issue 24): a village inserted and fired against <c>Evaluate</c>, per village; one
/// <c>Update</c> re-deciding a village, its town and county in a live 100,000-record session, against re-scoring and
/// re-aggregating all 100,000 in the library; a fresh session factory for a changed threshold.
/// </summary>
[MemoryDiagnoser]
public class NRulesBenchmarks
{
    private const int Batch = 10_000;
    private const int Live = 100_000;
    private VillageRecord[] _batch = [];
    private VillageRecord[] _live = [];
    private RuleEvaluator _evaluator = null!;
    private ISessionFactory _villages = null!;
    private ISession _session = null!;
    private VillageRecord _raised = null!;
    private bool _up;

    /// <summary>
    /// Records of 2020 shaped like the national file's: 30 villages a township, 15 townships a county (the code's
    /// county, township and village parts), figures spread round the thresholds.
    /// </summary>
    public static VillageRecord[] Records(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new VillageRecord(new VillageCode(Code(i)))
        {
            Year = 2020,
            Committee = random.Next(10) == 0 ? CommitteeKind.Residents : CommitteeKind.Village,
            Households = random.Next(50, 900),
            EcommerceHouseholds = random.Next(0, 50),
            ActiveShops = random.Next(0, 300),
            AnnualSales = random.Next(50) == 0 ? null : Cny.FromYuan(random.Next(0, 30_000) * 1_000m),
            MainPlatform = Platform.Taobao,
        }).ToArray();
    }

    private static string Code(int i) => FormattableString.Invariant($"{330000 + (i / 450)}{100 + (i / 30 % 15):D3}{200 + (i % 30):D3}");

    [GlobalSetup]
    public void Setup()
    {
        _batch = Records(Batch, 1);
        _live = Records(Live, 2);
        _evaluator = BuiltInRuleSets.AliResearch.Compile();
        _villages = TaobaoVillageRules.Compile([TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch)]);
        _session = TaobaoVillageRules.Compile([TaobaoVillageRules.VillagesByYear(), TaobaoVillageRules.DesignationsByYear()]).CreateSession();
        _session.InsertAll(_live);
        _session.Fire();
        _raised = _live[0] with { AnnualSales = Cny.FromYuan(50_000_000m), ActiveShops = 500 };
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "Evaluate, per village")]
    public int Evaluate()
    {
        var eligible = 0;
        foreach (var record in _batch)
        {
            eligible += _evaluator.Evaluate(record).IsEligible ? 1 : 0;
        }

        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "NRules insert + fire, per village (fresh session)")]
    public int InsertAndFire()
    {
        var session = _villages.CreateSession();
        session.InsertAll(_batch);
        return session.Fire();
    }

    [Benchmark(Description = "NRules Update of one village in a 100,000-record session (village, town, county re-decided)")]
    public int UpdateOne()
    {
        // Alternately raised and back, so every call changes the village's verdict and its town's figures.
        _up = !_up;
        _session.Update(_up ? _raised : _live[0]);
        return _session.Fire();
    }

    [Benchmark(Description = "library: re-score and re-aggregate all 100,000")]
    public int Rescore()
    {
        var results = _live.Select(r => new VillageResult(Region.Of(r), r.Code.Value, 2020, _evaluator.Evaluate(r).Eligibility) { Code = r.Code.Value, Record = r });
        return TownAggregator.Towns(results, BuiltInRuleSets.ForTownshipYear).Count;
    }

    [Benchmark(Description = "NRules: a session factory for a changed threshold")]
    public ISessionFactory NewFactory() =>
        TaobaoVillageRules.Compile([TaobaoVillageRules.Villages(BuiltInRuleSets.AliResearch.With(c => c.Metric == Metrics.Metric.AnnualSales ? c with { Threshold = 8_000_000m } : c, "what-if"))]);
}
