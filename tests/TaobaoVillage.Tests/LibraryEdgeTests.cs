using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

/// <summary>The library's edges: values a caller can build but should not, cancellation, early stops and re-reading.</summary>
public class LibraryEdgeTests
{
    private static InputRow Row(int i) => InputRow.FromRecord(new VillageRecord(new VillageCode($"3307821{i:D5}")) { Households = 400, ActiveShops = i % 200, AnnualSales = Cny.FromYuan(i * 10_000m) }, i + 2);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Score_DefaultInputRow_ArgumentExceptionNamingRows(int parallelism)
    {
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = parallelism });

        var ex = Assert.Throws<ArgumentException>(() => scorer.Score([Row(1), default, Row(2)]).ToList());

        Assert.Equal("rows", ex.ParamName);
    }

    [Fact]
    public void Evaluate_UndefinedEnumValues_InvalidVerdictNamingTheField()
    {
        var evaluator = BuiltInRuleSets.AliResearch.Compile();

        var platform = evaluator.Evaluate(new VillageRecord(new VillageCode("1")) { MainPlatform = (Platform)99 });
        var committee = evaluator.Evaluate(new VillageRecord(new VillageCode("1")) { Committee = (CommitteeKind)7 });

        Assert.Equal(Eligibility.Invalid, platform.Eligibility);
        Assert.Equal(RecordProblemCodes.UnknownPlatform, Assert.Single(platform.Problems).Code);
        Assert.Equal(RecordProblemCodes.UnknownCommittee, Assert.Single(committee.Problems).Code);
        Assert.Equal("township", Assert.Throws<ArgumentException>(() => BuiltInRuleSets.AliResearchTown.Compile().Evaluate(new TownshipFigures("330782100") { Kind = (TownshipKind)5 })).ParamName);
    }

    [Fact]
    public void ScoreOne_UndefinedPlatform_InvalidRowNotException()
    {
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("1")) { MainPlatform = (Platform)99 });

        Assert.Equal(Eligibility.Invalid, row.Status);
        Assert.Equal(RecordProblemCodes.UnknownPlatform, row.Problems.Single().Code);
    }

    [Fact]
    public async Task Score_ParallelCancelledWhileSourceBlocks_ReturnsPromptly()
    {
        using var release = new ManualResetEventSlim();
        using var cts = new CancellationTokenSource();
        IEnumerable<InputRow> Source()
        {
            for (var i = 0; i < 10; i++)
            {
                yield return Row(i);
            }

            release.Wait(TimeSpan.FromMinutes(1));
        }

        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = 2, ChunkSize = 4 });
        var run = Task.Run(() =>
        {
            foreach (var _ in scorer.Score(Source(), null, cts.Token))
            {
                cts.Cancel();
            }
        });

        // A hang, not a speed: cleanup once waited for the blocked reader until the source gave up.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5))) == run;
        release.Set();
        Assert.True(finished, "cancelling did not return while the source blocked");
        Assert.IsType<OperationCanceledException>(run.Exception?.InnerException, exactMatch: false);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Score_CallerStopsEarly_CountsAddUpAndSayWhatWasNotScored(int parallelism)
    {
        var counts = new BatchCounts();
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = parallelism, ChunkSize = 512 });

        var taken = scorer.Score(Enumerable.Range(0, 2_560).Select(Row), counts).Take(1_000).Count();

        Assert.Equal(1_000, taken);
        Assert.True(counts.AddsUp, counts.ToString());
        Assert.Equal(counts.Read, counts.Scored + counts.Rejected + counts.Unscored);
        Assert.True(counts.Scored + counts.Rejected >= 1_000);
        if (counts.Unscored > 0)
        {
            Assert.Contains($"not scored {counts.Unscored} (the run stopped early)", counts.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(parallelism == 1 ? 0 : counts.Read - counts.Scored - counts.Rejected, counts.Unscored);
    }

    [Fact]
    public void Score_RanToTheEnd_NothingUnscored()
    {
        var counts = new BatchCounts();

        _ = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = 2 }).Score(Enumerable.Range(0, 2_000).Select(Row), counts).Count();

        Assert.Equal((2_000, 0L), (counts.Read, counts.Unscored));
        Assert.DoesNotContain("not scored", counts.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Readers() => ["csv", "jsonl", "json", "list", "townships"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_TextReaderEnumeratedTwice_InvalidOperationNotSilence(string reader)
    {
        System.Collections.IEnumerable rows = reader switch
        {
            "csv" => CsvRecordReader.Read(new StringReader("village_code\n1\n")),
            "jsonl" => JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"1\"}\n")),
            "json" => JsonRecordReader.ReadJsonArray(new StringReader("[{\"village_code\":\"1\"}]")),
            "list" => OfficialListReader.Read(new StringReader("year,province,city,county,township,village\n2016,a,b,c,d,e\n")),
            _ => TownshipRecordReader.Read(new StringReader("township_code,taobao_villages\n330782100,3\n")),
        };

        Assert.Single(rows.Cast<object>());
        var ex = Assert.Throws<InvalidOperationException>(() => rows.Cast<object>().ToList());
        Assert.Contains("once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_EnumeratedTwice_SameRows()
    {
        var rows = CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv"));

        Assert.Equal(rows.Select(r => r.Line).ToList(), rows.Select(r => r.Line).ToList());
        Assert.Equal(18, rows.Count());
    }

    [Fact]
    public void LoadFile_EndlessDevice_RefusedAtTheLimit()
    {
        var result = RuleSetJson.LoadFile("/dev/zero");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(RuleProblemCodes.MalformedJson, problem.Code);
        Assert.Contains("limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathsToPass_EightThousandAlternatives_OnlyTheCheapestOfTheSameFigure()
    {
        var ruleSet = new RuleSetBuilder("wide", "1").Titled("wide").For(RuleTarget.Village).EffectiveYears(2000)
            .AnyOf("root", any =>
            {
                for (var i = 7_999; i >= 0; i--)
                {
                    any.Require($"b{i}", Metric.ActiveShops, c => c.Compare(Comparison.AtLeast, 100 + i, Unit.Shops));
                }
            })
            .Build();

        var paths = ruleSet.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { ActiveShops = 3 }).PathsToPass(3);

        // Every other branch asks for more shops and nothing less: dominated, never offered.
        Assert.Equal(["b0:97"], paths.Select(p => $"{p.Steps.Single().CriterionId}:{p.Steps.Single().Amount}"));
    }
}
