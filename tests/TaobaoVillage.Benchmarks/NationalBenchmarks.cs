using BenchmarkDotNet.Attributes;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;
using TaobaoVillage.Planner;
using TaobaoVillage.Rules;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Benchmarks;

/// <summary>
/// The national file (666,655 rows from the NBS 2016 codes, or as many synthetic ones when shared/data is absent)
/// read, scored under aliresearch and written as JSON Lines with full explanations, end to end.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class NationalBenchmarks
{
    private string _path = string.Empty;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "taobaovillage-national-seed1.csv");
        if (!File.Exists(_path))
        {
            using var writer = new StreamWriter(_path);
            NationalGenerator.Write(writer, 1, NationalGenerator.FindCodes(Environment.CurrentDirectory) ?? NationalGenerator.FindCodes(AppContext.BaseDirectory));
        }
    }

    [Benchmark(Baseline = true, Description = "floor: Sylvan read, three criteria, compact JSON line (issue 12)")]
    public long Floor() => Benchmarks.Floor.Run(_path, Stream.Null);

    [Benchmark(Description = "read + score + write JSON Lines (to a null stream)")]
    public long National()
    {
        var rules = BuiltInRuleSets.AliResearch;
        var counts = new BatchCounts();
        using var output = new StreamWriter(Stream.Null);
        foreach (var line in new BatchScorer(rules, new BatchOptions { DegreeOfParallelism = Threads })
                     .ScoreSelect(CsvRecordReader.ReadFile(_path), row => VerdictJsonWriter.FormatLine(row, rules), counts))
        {
            output.Write(line);
            output.Write('\n');
        }

        return counts.Read;
    }
}
