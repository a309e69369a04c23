using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Benchmarks;

/// <summary>
/// The cost of one village's verdict with full per-criterion explanations, against Microsoft RulesEngine 6.0.1 running
/// the same three AliResearch criteria (one rule each, so it too reports per criterion) on the same records.
/// </summary>
[MemoryDiagnoser]
public class EvaluatorBenchmarks
{
    private const int Villages = 10_000;
    private VillageRecord[] _records = [];
    private Input[] _inputs = [];
    private System.Dynamic.ExpandoObject[] _rows = [];
    private RuleEvaluator _evaluator = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private RulesEngine.RulesEngine _explaining = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _records = Enumerable.Range(0, Villages).Select(i => new VillageRecord(new VillageCode((330782100000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Year = 2020,
            Committee = random.Next(10) == 0 ? CommitteeKind.Residents : CommitteeKind.Village,
            Households = random.Next(50, 900),
            EcommerceHouseholds = random.Next(0, 50),
            ActiveShops = random.Next(0, 300),
            AnnualSales = Cny.FromYuan(random.Next(0, 30_000) * 1_000m),
            MainPlatform = Platform.Taobao,
        }).ToArray();
        _inputs = _records.Select(r => new Input(r.Committee == CommitteeKind.Village ? "village" : "residents", r.AnnualSales?.Yuan, r.ActiveShops, r.Households)).ToArray();
        _rows = _inputs.Select(i =>
        {
            // The way RulesEngine's documentation feeds rows that come from a file: a dynamic object per row.
            IDictionary<string, object?> row = new System.Dynamic.ExpandoObject();
            row["Committee"] = i.Committee;
            row["Sales"] = i.Sales;
            row["Shops"] = i.Shops;
            row["Households"] = i.Households;
            return (System.Dynamic.ExpandoObject)row;
        }).ToArray();
        _evaluator = BuiltInRuleSets.AliResearch.Compile();
        var workflow = new Workflow
        {
            WorkflowName = "aliresearch",
            Rules =
            [
                new Rule { RuleName = "administrative-village", Expression = "input1.Committee == \"village\"" },
                new Rule { RuleName = "annual-sales", Expression = "input1.Sales != null && input1.Sales >= 10000000" },
                new Rule { RuleName = "active-shops", Expression = "input1.Shops != null && (input1.Shops >= 100 || (input1.Households != null && input1.Shops * 10 >= input1.Households))" },
            ],
        };
        _rulesEngine = new RulesEngine.RulesEngine([workflow], new ReSettings());

        // The like-for-like: each failing rule also computes its shortfall, as TaobaoVillage's verdicts carry.
        static Rule Explained(string name, string expression, string shortfall) => new()
        {
            RuleName = name,
            Expression = expression,
            Actions = new RuleActions
            {
                OnFailure = new ActionInfo { Name = "OutputExpression", Context = new Dictionary<string, object> { ["expression"] = shortfall } },
            },
        };
        var explained = new Workflow
        {
            WorkflowName = "aliresearch-explained",
            Rules =
            [
                Explained("administrative-village", "input1.Committee == \"village\"", "0"),
                Explained("annual-sales", "input1.Sales != null && input1.Sales >= 10000000", "input1.Sales == null ? -1 : 10000000 - input1.Sales.Value"),
                Explained("active-shops", "input1.Shops != null && (input1.Shops >= 100 || (input1.Households != null && input1.Shops * 10 >= input1.Households))",
                    "input1.Shops == null ? -1 : 100 - input1.Shops.Value"),
            ],
        };
        _explaining = new RulesEngine.RulesEngine([explained], new ReSettings());
    }

    [Benchmark(OperationsPerInvoke = Villages, Description = "TaobaoVillage: verdict with explanations")]
    public int TaobaoVillage()
    {
        var eligible = 0;
        foreach (var record in _records)
        {
            if (_evaluator.Evaluate(record).IsEligible)
            {
                eligible++;
            }
        }

        return eligible;
    }

    /// <summary>The record check alone, which <c>Evaluate</c> runs first: what the verdict itself costs beyond it.</summary>
    [Benchmark(OperationsPerInvoke = Villages, Description = "TaobaoVillage: the record check alone")]
    public int Validation()
    {
        var valid = 0;
        foreach (var record in _records)
        {
            if (global::TaobaoVillage.Metrics.VillageRecordValidator.IsValid(record))
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>
    /// The verdict and every explanation read back (value, threshold, outcome, shortfall of each criterion), as a writer
    /// reads them: evaluation computes outcomes only, the rest is computed from the record when asked for.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Villages, Description = "TaobaoVillage: verdict, every explanation read")]
    public decimal TaobaoVillageExplained()
    {
        var sum = 0m;
        foreach (var record in _records)
        {
            foreach (var result in _evaluator.Evaluate(record).Criteria)
            {
                sum += (result.Observed ?? 0m) + (result.Threshold ?? 0m) + (int)result.Outcome + (result.Shortfall?.Amount ?? 0m);
            }
        }

        return sum;
    }

    /// <summary>The verdict and its three cheapest ways to pass, as the CSV's <c>needs</c> column and the planner ask (issue 28: at most 2 µs).</summary>
    [Benchmark(OperationsPerInvoke = Villages, Description = "TaobaoVillage: verdict and PathsToPass(3)")]
    public int WaysToPass()
    {
        var ways = 0;
        foreach (var record in _records)
        {
            ways += _evaluator.Evaluate(record).PathsToPass(3).Count;
        }

        return ways;
    }

    [Benchmark(OperationsPerInvoke = Villages, Baseline = true, Description = "Microsoft RulesEngine 6.0.1: same criteria")]
    public int RulesEngine()
    {
        var eligible = 0;
        foreach (var input in _inputs)
        {
            var results = _rulesEngine.ExecuteAllRulesAsync("aliresearch", input).AsTask().GetAwaiter().GetResult();
            if (results.TrueForAll(r => r.IsSuccess))
            {
                eligible++;
            }
        }

        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Villages, Description = "Microsoft RulesEngine 6.0.1: same criteria with shortfall outputs")]
    public int RulesEngineExplained()
    {
        var eligible = 0;
        foreach (var input in _inputs)
        {
            var results = _explaining.ExecuteAllRulesAsync("aliresearch-explained", input).AsTask().GetAwaiter().GetResult();
            if (results.TrueForAll(r => r.IsSuccess))
            {
                eligible++;
            }
        }

        return eligible;
    }

    [Benchmark(OperationsPerInvoke = Villages, Description = "Microsoft RulesEngine 6.0.1: same criteria, rows as ExpandoObject")]
    public int RulesEngineDynamic()
    {
        var eligible = 0;
        foreach (var row in _rows)
        {
            var results = _rulesEngine.ExecuteAllRulesAsync("aliresearch", row).AsTask().GetAwaiter().GetResult();
            if (results.TrueForAll(r => r.IsSuccess))
            {
                eligible++;
            }
        }

        return eligible;
    }

    public sealed record Input(string Committee, decimal? Sales, long? Shops, long? Households);
}
