using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class BatchScorerTests
{
    internal static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    [Fact]
    public void Score_MixedFile_OneRowPerInputInOrderWithPublishedVerdicts()
    {
        var counts = new BatchCounts();
        var rows = new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.ReadFile(TestFile("mixed.csv")), counts).ToList();

        var expected = new[]
        {
            "eligible", "eligible", "not_eligible", "eligible", "not_eligible", "indeterminate", "not_eligible",
            "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "invalid", "eligible", "invalid", "invalid", "eligible",
        };
        Assert.Equal(expected, rows.Select(r => r.StatusName));
        Assert.Equal(Enumerable.Range(2, 18).Select(i => (long)i), rows.Select(r => r.Line));
        Assert.Equal(18, counts.Read);
        Assert.Equal(9, counts.Rejected);
        Assert.True(counts.AddsUp);
        Assert.Equal(RecordProblemCodes.DuplicateVillage, rows[12].Problems.Single().Code);
        Assert.Equal(RecordProblemCodes.WrongCellCount, rows[13].Problems.Single().Code);
        Assert.Equal(RecordProblemCodes.MissingVillageCode, rows[15].Problems.Single().Code);
        Assert.Equal(RecordProblemCodes.Malformed, rows[16].Problems.Single().Code);
        Assert.All(rows.Where(r => r.Status == Eligibility.Invalid), r => Assert.All(r.Problems, p => Assert.Equal(r.Line, p.Line)));
    }

    [Fact]
    public void Score_DuplicateCodeInAnotherYear_IsNotADuplicate()
    {
        var rows = new[]
        {
            InputRow.FromRecord(new VillageRecord(new VillageCode("330782100001")) { Year = 2015 }),
            InputRow.FromRecord(new VillageRecord(new VillageCode("330782100001")) { Year = 2016 }),
            InputRow.FromRecord(new VillageRecord(new VillageCode("330782100001")) { Year = 2016 }),
            InputRow.FromRecord(new VillageRecord(new VillageCode("V-1")) { Year = 2016 }),
            InputRow.FromRecord(new VillageRecord(new VillageCode("V-1")) { Year = 2016 }),
        };

        var statuses = new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows).Select(r => r.Status).ToList();

        Assert.Equal([Eligibility.Indeterminate, Eligibility.Indeterminate, Eligibility.Invalid, Eligibility.Indeterminate, Eligibility.Invalid], statuses);
    }

    [Property(MaxTest = 30)]
    public Property Score_ParallelAndSequential_GiveIdenticalOutput() => Prop.ForAll(
        VillageArbitraries.RecordArrays(300),
        Arb.From(Gen.Choose(1, 64)),
        (records, chunk) =>
        {
            var input = records.Select((r, i) => InputRow.FromRecord(r, i + 1)).ToList();
            var rules = BuiltInRuleSets.AliResearch;
            var sequential = new BatchScorer(rules).ScoreSelect(input, r => VerdictJsonWriter.FormatLine(r, rules)).ToList();
            var parallel = new BatchScorer(rules, new BatchOptions { DegreeOfParallelism = 4, ChunkSize = chunk })
                .ScoreSelect(input, r => VerdictJsonWriter.FormatLine(r, rules)).ToList();
            return sequential.SequenceEqual(parallel);
        });

    [Property(MaxTest = 50)]
    public Property Score_RecordOrder_NeverChangesAnyRecordsVerdict() => Prop.ForAll(
        Arb.From(
            from records in Gen.ArrayOf(VillageArbitraries.ValidRecord, 50)
            from shuffled in Gen.Shuffle(records)
            select (records, shuffled)),
        pair =>
        {
            var (records, shuffled) = pair;
            var scorer = new BatchScorer(BuiltInRuleSets.AliResearch);
            string Key(ScoredRow r) => $"{r.Key}|{r.StatusName}|{string.Join(",", r.Verdict?.Criteria.Select(c => c.Outcome) ?? [])}";
            var forward = scorer.Score(records.Select(r => InputRow.FromRecord(r))).Select(Key).ToList();
            var backward = scorer.Score(shuffled.Select(r => InputRow.FromRecord(r))).Select(Key).ToList();

            // Duplicates aside (the first one wins, whichever it is), each record keeps its verdict.
            var unique = records.GroupBy(r => r.Code).Where(g => g.Count() == 1).Select(g => g.Key.Value).ToHashSet();
            return forward.Where(k => unique.Contains(k.Split('|')[0])).Order().SequenceEqual(backward.Where(k => unique.Contains(k.Split('|')[0])).Order())
                .Label($"{unique.Count} unique codes")
                .Classify(!records.SequenceEqual(shuffled), "order changed");
        });

    [Fact]
    public void Score_RecordsReversed_EachRecordKeepsItsVerdict()
    {
        var rows = CsvRecordReader.ReadFile(TestFile("mixed.csv")).ToList();
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch);
        var forward = scorer.Score(rows).Where(r => r.Verdict is not null).ToDictionary(r => r.Key!, r => r.StatusName);

        var reversed = scorer.Score(Enumerable.Reverse(rows)).Where(r => r.Verdict is not null).ToDictionary(r => r.Key!, r => r.StatusName);

        Assert.NotEmpty(forward);
        Assert.Equal(forward.OrderBy(p => p.Key, StringComparer.Ordinal), reversed.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Score_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var rows = new[] { InputRow.FromRecord(new VillageRecord(new VillageCode("1"))) };

        Assert.Throws<OperationCanceledException>(() => new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows, null, cts.Token).ToList());
    }

    [Fact]
    public void Score_Progress_ReportsCounts()
    {
        var reports = new List<long>();
        var progress = new SynchronousProgress(c => reports.Add(c.Read));
        var rows = Enumerable.Range(1, 25).Select(i => InputRow.FromRecord(new VillageRecord(new VillageCode(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        _ = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { Progress = progress, ProgressInterval = 10 }).Score(rows).ToList();

        Assert.Equal([10L, 20L, 25L], reports);
    }

    [Fact]
    public async Task ScoreAsync_Rows_SameAsSynchronous()
    {
        var records = VillageArbitraries.ValidRecord.Sample(100, 0);
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch);

        var expected = scorer.Score(records.Select(r => InputRow.FromRecord(r))).Select(r => r.StatusName).ToList();
        var actual = new List<string>();
        await foreach (var row in scorer.ScoreAsync(ToAsync(records.Select(r => InputRow.FromRecord(r)))))
        {
            actual.Add(row.StatusName);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Constructor_TownshipRuleSet_Throws() =>
        Assert.Throws<ArgumentException>(() => new BatchScorer(BuiltInRuleSets.AliResearchTown));

    private static async IAsyncEnumerable<InputRow> ToAsync(IEnumerable<InputRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private sealed class SynchronousProgress(Action<BatchCounts> report) : IProgress<BatchCounts>
    {
        public void Report(BatchCounts value) => report(value);
    }
}

public class NationalGeneratorTests
{
    [Fact]
    public void Write_SameSeed_SameBytes()
    {
        var a = new StringWriter();
        var b = new StringWriter();
        TaobaoVillage.Planner.NationalGenerator.Write(a, 7, null, 2_000);
        TaobaoVillage.Planner.NationalGenerator.Write(b, 7, null, 2_000);

        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(2_001, a.ToString().TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Score_Generated100kRowsWithBrokenRows_EveryLineAccountedFor()
    {
        var input = Path.Combine(Path.GetTempPath(), $"tv-100k-{Guid.NewGuid():N}.csv");
        var output = Path.ChangeExtension(input, ".jsonl");
        try
        {
            TaobaoVillage.Planner.GeneratedRows generated;
            using (var writer = new StreamWriter(input))
            {
                generated = TaobaoVillage.Planner.NationalGenerator.Write(writer, 42, null, 100_000, brokenRate: 0.002);
            }

            var stdout = new StringWriter();
            var code = TaobaoVillage.Planner.PlannerApp.Run(["score", "--input", input, "--format", "jsonl", "--output", output, "--parallel", "2", "--lang", "en"], stdout, new StringWriter(), new Spectre.Console.Testing.TestConsole());

            Assert.Equal(0, code);
            var lines = 0L;
            var invalid = 0L;
            var expectedLine = 2L;
            foreach (var text in File.ReadLines(output))
            {
                var json = Newtonsoft.Json.Linq.JObject.Parse(text);
                Assert.Equal(expectedLine++, (long)json["line"]!);
                if ((string?)json["verdict"] == "invalid")
                {
                    invalid++;
                    Assert.All(json["errors"]!, e => Assert.Equal((long)json["line"]!, (long)e["line"]!));
                }

                lines++;
            }

            // The generator says which rows it broke: exactly those, and no others, come out invalid.
            Assert.Equal(100_000, generated.Rows);
            Assert.InRange(generated.Broken, 100, 300);
            Assert.Equal(100_000, lines);
            Assert.Equal(generated.Broken, invalid);
            Assert.Contains($"read 100000, scored {100_000 - generated.Broken} ", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains($"rejected {generated.Broken} ", stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}

public class KeySetTests
{
    [Fact]
    public void Add_SameCodeSameYear_SecondIsDuplicate()
    {
        var set = new TaobaoVillage.Batch.KeySet();

        Assert.True(set.Add("330782100201", 2016));
        Assert.True(set.Add("330782100201", 2017));
        Assert.False(set.Add("330782100201", 2016));
        Assert.True(set.Add("330782100202", 2016));
        Assert.True(set.Add("V-1", 2016));
        Assert.False(set.Add("V-1", 2016));
        Assert.True(set.Add("330782100201", null));
        Assert.False(set.Add("330782100201", null));
        Assert.True(set.Add("330782100201", 1800));
        Assert.False(set.Add("330782100201", 1800));
        Assert.True(set.Add("0330782100201", 2016));
    }

    [Fact]
    public void Add_ManyCodes_MatchesAHashSet()
    {
        var set = new TaobaoVillage.Batch.KeySet();
        var reference = new HashSet<(string, int)>();
        var random = new Random(5);
        for (var i = 0; i < 50_000; i++)
        {
            var code = (330782100000L + random.Next(0, 20_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var year = random.Next(2014, 2024);
            Assert.Equal(reference.Add((code, year)), set.Add(code, year));
        }
    }
}
