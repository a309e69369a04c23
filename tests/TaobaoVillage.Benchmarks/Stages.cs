using System.Diagnostics;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Benchmarks;

/// <summary>A quick breakdown of where the national run spends its time: read, score, format, write.</summary>
public static class Stages
{
    public static void Run(string path, int parallel)
    {
        var rules = BuiltInRuleSets.AliResearch;
        Time("read + parse", () => CsvRecordReader.ReadFile(path).LongCount());
        Time("read + score", () => new BatchScorer(rules, new BatchOptions { DegreeOfParallelism = parallel }).Score(CsvRecordReader.ReadFile(path)).LongCount());
        Time("read + score + format", () => new BatchScorer(rules, new BatchOptions { DegreeOfParallelism = parallel })
            .ScoreSelect(CsvRecordReader.ReadFile(path), r => VerdictJsonWriter.FormatLine(r, rules)).Sum(l => (long)l.Length));
    }

    private static void Time(string name, Func<long> work)
    {
        var clock = Stopwatch.StartNew();
        var n = work();
        Console.WriteLine($"{name,-28} {clock.Elapsed.TotalSeconds,6:F2} s  ({n:N0})");
    }
}
