using TaobaoVillage.Testing.National;
using System.Buffers;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Floor;
using TaobaoVillage.IO;
using TaobaoVillage.Parquet;
using TaobaoVillage.Planner;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Benchmarks;

/// <summary>
/// The national file (666,655 rows from the NBS 2016 codes, or as many synthetic ones when shared/data is absent)
/// read, scored under aliresearch and written with full explanations, end to end, in each output format, against
/// issue 12's floor (read, three criteria, one compact line). Outputs go to a null stream (Parquet, which seeks, to
/// memory), so the figures are the library's, not the disk's.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class NationalBenchmarks
{
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "taobaovillage-national-seed1.csv");
        if (!File.Exists(_path))
        {
            using var writer = new StreamWriter(_path);
            NationalRecords.Write(writer, new NationalRecordsOptions { CodesPath = GenerateCommand.FindCodes(Environment.CurrentDirectory) ?? GenerateCommand.FindCodes(AppContext.BaseDirectory) });
        }
    }

    [Benchmark(Baseline = true, Description = "floor: Sylvan read, three criteria, compact JSON line (issue 12)")]
    public long Floor() => ReferenceFloor.Run(_path, Stream.Null);

    [Benchmark(Description = "JSON Lines, 2 threads")]
    public long JsonLines() => WriteJsonLines(Stream.Null, threads: 2);

    [Benchmark(Description = "JSON Lines, 1 thread")]
    public long JsonLinesOneThread() => WriteJsonLines(Stream.Null, threads: 1);

    [Benchmark(Description = "JSON Lines gzip (.jsonl.gz), 2 threads")]
    public long JsonLinesGzip()
    {
        using var gzip = new GZipStream(Stream.Null, CompressionLevel.Fastest);
        return WriteJsonLines(gzip, threads: 2);
    }

    [Benchmark(Description = "CSV, 2 threads")]
    public long Csv()
    {
        var counts = new BatchCounts();
        var scorer = Scorer(2);
        using var csv = new CsvVerdictWriter(new StreamWriter(Stream.Null), BuiltInRuleSets.AliResearch);
        foreach (var row in scorer.Score(CsvRecordReader.ReadFile(_path), counts))
        {
            csv.Write(row);
        }

        return counts.Read;
    }

    [Benchmark(Description = "Parquet, 2 threads")]
    public long Parquet()
    {
        var counts = new BatchCounts();
        using var memory = new MemoryStream();
        ParquetVerdictWriter.Write(memory, Scorer(2).Score(CsvRecordReader.ReadFile(_path), counts), [BuiltInRuleSets.AliResearch]);
        return counts.Read;
    }

    private static BatchScorer Scorer(int threads) => new(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = threads });

    private long WriteJsonLines(Stream output, int threads)
    {
        // As the planner writes a file.
        var counts = new BatchCounts();
        using var lines = new VerdictJsonLinesWriter(output, BuiltInRuleSets.AliResearch, VerdictDetail.All, leaveOpen: true);
        foreach (var row in Scorer(threads).Score(CsvRecordReader.ReadFile(_path), counts))
        {
            lines.Write(row);
        }

        return counts.Read;
    }
}
