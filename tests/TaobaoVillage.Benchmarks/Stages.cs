using System.Diagnostics;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Floor;
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
        Time("floor (read, decide, write)", () => ReferenceFloor.Run(path, Stream.Null));
        Time("read cells (CsvHelper)", () => CellsOnly(path));
        Time("read cells as spans (Sylvan)", () => SpansOnly(path));
        Time("read cells as spans (CsvHelper)", () => HelperSpans(path));
        Time("read cells as spans (Sylvan)", () => SpansOnly(path));
        Time("read cells as spans (CsvHelper)", () => HelperSpans(path));
        var sample = Cells(path, 200_000);
        var schema = TaobaoVillage.Metrics.RecordSchema.FromColumns(sample[0]);
        Time("parse 200k rows in memory", () => sample.Skip(1).LongCount(c => schema.Parse(c).Record is not null));
        Time("parse 200k rows in memory", () => sample.Skip(1).LongCount(c => schema.Parse(c).Record is not null));
        var records = CsvRecordReader.ReadFile(path).Take(10_000).Select(r => r.Value!).Where(r => r is not null).ToList();
        var evaluator = TaobaoVillage.Engine.RuleSetCompiler.Compile(rules);
        foreach (var r in records)
        {
            evaluator.Evaluate(r);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var r in records)
        {
            evaluator.Evaluate(r);
        }

        Console.WriteLine($"Evaluate: {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)records.Count:F0} B per verdict");
        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var r in records)
        {
            TaobaoVillage.Metrics.VillageRecordValidator.IsValid(r);
        }

        Console.WriteLine($"IsValid: {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)records.Count:F0} B per record");
        var verdicts = new BatchScorer(rules).Score(CsvRecordReader.ReadFile(path)).Take(100_000).ToList();
        var table = new VerdictTable([rules]);
        Time("100k: PathsToPass(3)", () => verdicts.Sum(r => (long)(r.Verdict?.PathsToPass(3).Count ?? 0)));
        Time("100k: PathsToPass(3), warm", () => verdicts.Sum(r => (long)(r.Verdict?.PathsToPass(3).Count ?? 0)));
        Time("100k: table rows", () => verdicts.Sum(r => (long)table.Row(r).Count));
        Time("100k: JSON lines", () => verdicts.Sum(r => (long)VerdictJsonWriter.FormatLine(r, rules).Length));
        Time("100k: JSON lines as bytes", () => Utf8Lines(verdicts, rules));
        Time("100k: JSON lines as bytes", () => Utf8Lines(verdicts, rules));
        var valid = verdicts.Where(r => r.Record is not null).Select(r => r.Record!).ToList();
        Time("100k: evaluate", () => valid.LongCount(r => evaluator.Evaluate(r).IsEligible));
        verdicts.Clear();
        Time("read + parse", () => CsvRecordReader.ReadFile(path).LongCount());
        Time("read + score", () => new BatchScorer(rules, new BatchOptions { DegreeOfParallelism = parallel }).Score(CsvRecordReader.ReadFile(path)).LongCount());
        Time("read + score + format", () => new BatchScorer(rules, new BatchOptions { DegreeOfParallelism = parallel })
            .ScoreSelect(CsvRecordReader.ReadFile(path), r => VerdictJsonWriter.FormatLine(r, rules)).Sum(l => (long)l.Length));
    }

    private static long Utf8Lines(List<ScoredRow> rows, RuleSet rules)
    {
        using var lines = new VerdictJsonLinesWriter(Stream.Null, rules);
        foreach (var r in rows)
        {
            lines.Write(r);
        }

        return rows.Count;
    }


    private static List<string[]> Cells(string path, int rows)
    {
        using var csv = CsvHelper.CsvReader.Create(new StreamReader(path), new CsvHelper.CsvReaderOptions(), leaveOpen: false);
        var all = new List<string[]> { csv.Headers!.ToArray() };
        while (all.Count <= rows && csv.Read())
        {
            all.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return all;
    }

    private static long CellsOnly(string path)
    {
        using var csv = CsvHelper.CsvReader.Create(new StreamReader(path), new CsvHelper.CsvReaderOptions(), leaveOpen: false);
        long n = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                n += csv.GetString(i).Length;
            }
        }

        return n;
    }

    private static long HelperSpans(string path)
    {
        using var csv = CsvHelper.CsvReader.Create(new StreamReader(path), new CsvHelper.CsvReaderOptions(), leaveOpen: false);
        long n = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                n += csv.GetSpan(i).Length;
            }
        }

        return n;
    }

    private static long SpansOnly(string path)
    {
        // What read + parse is held to (issue 28: at most twice this): every cell of the file, as spans.
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(path);
        long n = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                n += csv.GetFieldSpan(i).Length;
            }
        }

        return n;
    }

    private static void Time(string name, Func<long> work)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var full = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var n = work();
        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{name,-28} {elapsed,6:F2} s  ({n:N0})  {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,8:N0} MB allocated, {GC.CollectionCount(0) - collections} gen0 GCs, {GC.CollectionCount(2) - full} gen2");
    }
}
