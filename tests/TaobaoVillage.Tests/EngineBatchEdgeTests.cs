using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

// Edges of the engine and the batch layer that mutation testing found unguarded.

public class ShortfallDescribeTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Theory]
    [InlineData("households", 1, "1 more household", "再增加 1 户")]
    [InlineData("households", 2, "2 more households", "再增加 2 户")]
    [InlineData("ecommerce_households", 1, "1 more household engaged in e-commerce", "再增加 1 户从事电商的农户")]
    [InlineData("ecommerce_households", 3, "3 more households engaged in e-commerce", "再增加 3 户从事电商的农户")]
    [InlineData("taobao_villages", 1, "1 more Taobao Village", "再增加 1 个淘宝村")]
    [InlineData("taobao_villages", 2, "2 more Taobao Villages", "再增加 2 个淘宝村")]
    [InlineData("active_shops", 1, "1 more active online shop", "再增加 1 家活跃网店")]
    [InlineData("livestream_sales_cny", 5, "CN¥5.00 more annual live-streaming e-commerce sales", "直播销售额再增加 5.00 元")]
    public void Describe_EachUnit_EnglishAndChinese(string metricName, int amount, string english, string chinese)
    {
        Assert.True(Metric.TryFind(metricName, out var metric));
        var shortfall = new Shortfall("c", metric, amount, metric.ShortfallUnit);

        Assert.Equal((english, chinese), (shortfall.Describe(CultureInfo.InvariantCulture), shortfall.Describe(Zh)));
    }

    [Fact]
    public void Describe_Default_NoShortfallInEitherLanguage() =>
        Assert.Equal(("no shortfall", "无差距"), (default(Shortfall).Describe(CultureInfo.InvariantCulture), default(Shortfall).Describe(Zh)));

    [Fact]
    public void CriterionId_Default_Empty() => Assert.Equal(string.Empty, default(Shortfall).CriterionId);
}

public class PathToPassDescribeTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void Describe_NothingToDo_BothLanguages()
    {
        var path = new PathToPass([], []);

        Assert.Equal(("nothing: it passes", "无需改变：已达标"), (path.Describe(CultureInfo.InvariantCulture), path.Describe(Zh)));
    }

    [Fact]
    public void Describe_StepsAndData_JoinedInEachLanguage()
    {
        var path = new PathToPass([new Shortfall("s", Metric.ActiveShops, 2m, Unit.Shops), new Shortfall("h", Metric.Households, 1m, Unit.Households)], [Metric.ActiveShopShare]);

        Assert.Equal("2 more active online shops and 1 more household and data for active_shops, households", path.Describe(CultureInfo.InvariantCulture));
        Assert.Equal("再增加 2 家活跃网店，并再增加 1 户，并补充 active_shops、households 的数据", path.Describe(Zh));
    }

    [Fact]
    public void Dominates_MissingDataTheOtherDoesNotNeed_False()
    {
        var asksData = new PathToPass([], [Metric.ActiveShops]);
        var asksNothing = new PathToPass([], []);

        Assert.False(asksData.Dominates(asksNothing));
        Assert.True(asksNothing.Dominates(asksData));
        Assert.True(asksData.Dominates(new PathToPass([], [Metric.ActiveShops, Metric.Households])));
    }

    [Fact]
    public void Dominates_ShareStepRaisesItsCount_ComparedWithTheCountStep()
    {
        // Raising the shop share is raising active shops: 5 more shops through the share asks less than 9 shops.
        var share = new PathToPass([new Shortfall("share", Metric.ActiveShopShare, 5m, Unit.Shops)], []);
        var count = new PathToPass([new Shortfall("count", Metric.ActiveShops, 9m, Unit.Shops)], []);

        Assert.True(share.Dominates(count));
        Assert.False(count.Dominates(share));
    }
}

public class VerdictEdgeTests
{
    [Fact]
    public void Shortfall_FractionPastDecimal_AmountKeptFractionLargest()
    {
        // At most CN¥0.01 against CN¥7×10²⁷: the amount is known, its fraction of the limit (7×10²⁹) past decimal's range.
        var rules = TestRules.Village("cap")
            .AllOf("root", all => all.Require("small", Metric.AnnualSales, c => c.Compare(Comparison.AtMost, 0.01m, Unit.Cny))).Build();

        var verdict = rules.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(7_000_000_000_000_000_000_000_000_000m) });

        var shortfall = verdict["small"].Shortfall!.Value;
        // The difference as decimal holds it: 7×10²⁷ less one fen, rounded to 29 digits.
        Assert.Equal(7_000_000_000_000_000_000_000_000_000m - 0.01m, shortfall.Amount);
        Assert.True(shortfall.Amount > 6_999_999_999_999_999_999_999_999_999m);
        Assert.Equal(decimal.MaxValue, shortfall.Fraction);
    }

    private static RuleSet AnyOfMany(int parts) => TestRules.Village("many")
        .AnyOf("root", any =>
        {
            for (var i = 0; i < parts; i++)
            {
                // Thresholds 1,000 yuan apart: the cheapest ways are the lowest thresholds.
                var threshold = 10_000m + (i * 1_000m);
                any.Require($"sales-{i:D2}", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(threshold)));
            }
        })
        .Build();

    /// <summary>Any of many pairs, each more sales and fewer shops than the one before: no way dominates another.</summary>
    private static RuleSet TradeOffs(int parts) => TestRules.Village("trade-offs")
        .AnyOf("root", any =>
        {
            for (var i = 0; i < parts; i++)
            {
                var (sales, shops) = (1_000m * (i + 1), 100L - i);
                any.AllOf($"pair-{i:D2}", all => all
                    .Require($"sales-{i:D2}", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(sales)))
                    .Require($"shops-{i:D2}", Metric.ActiveShops, c => c.AtLeast(shops)));
            }
        })
        .Build();

    [Theory]
    [InlineData(10, 8)]
    [InlineData(16, 8)]
    [InlineData(40, 8)]
    [InlineData(40, 20)]
    public void PathsToPass_ManyWaysEquallyCostly_FirstInRuleOrderUpToTheLimit(int parts, int limit)
    {
        // From nothing every step is 100% of its bar: all ways cost the same, so the rule's order decides. A limit of 20
        // keeps 20 of 40 in the bounded heap: a heap that let every later way in would end with the last one.
        var verdict = TradeOffs(parts).Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(0m), ActiveShops = 0 });

        var paths = verdict.PathsToPass(limit);

        Assert.Equal(Enumerable.Range(0, limit).Select(i => $"sales-{i:D2} shops-{i:D2}"), paths.Select(p => string.Join(' ', p.Steps.Select(s => s.CriterionId))));
    }

    [Fact]
    public void PathsToPass_OneFigureMissingForTwoCriteria_NamedOnce()
    {
        var rules = TestRules.Village("twice")
            .AllOf("root", all => all
                .Require("ten", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(10m)))
                .Require("twenty", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(20m))))
            .Build();

        var path = Assert.Single(rules.Compile().Evaluate(new VillageRecord(new VillageCode("1"))).PathsToPass());

        Assert.Equal([Metric.AnnualSales], path.MissingData);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void PathsToPass_ManyWays_CheapestFirstUpToTheLimit(int parts)
    {
        var verdict = AnyOfMany(parts).Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(0m) });

        // Each threshold alone is a way; a larger amount of the same never is offered beside a smaller one.
        var paths = verdict.PathsToPass(8);

        Assert.Equal(["CN¥10,000.00 more annual e-commerce sales"], paths.Select(p => p.ToString()));
    }

    [Fact]
    public void PathsToPass_WaysOfDifferentLevers_OrderedByFraction()
    {
        var ruleSet = TestRules.Village("either")
            .AnyOf("root", any => any
                .Require("sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(100m)))
                .Require("shops", Metric.ActiveShops, c => c.AtLeast(100))
                .Require("households", Metric.EcommerceHouseholds, c => c.AtLeast(100)))
            .Build();

        // Missing 90% of sales, 10% of shops, 50% of engaged households.
        var paths = ruleSet.Compile().Evaluate(new VillageRecord(new VillageCode("1"))
        {
            AnnualSales = Cny.FromYuan(10m), ActiveShops = 90, EcommerceHouseholds = 50, Households = 1000,
        }).PathsToPass();

        Assert.Equal(["10 more active online shops", "50 more households engaged in e-commerce", "CN¥90.00 more annual e-commerce sales"], paths.Select(p => p.ToString()));
    }

    [Fact]
    public void Indexer_InvalidRecord_SaysWhy()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("7")) { Households = 0 });

        var ex = Assert.Throws<InvalidOperationException>(() => verdict["annual-sales"]);

        Assert.Equal($"The record 7 is invalid ({verdict.Problems[0]}); no criterion was evaluated.", ex.Message);
    }

    [Fact]
    public void Indexer_TwoProblems_BothSaidSeparatedBySemicolon()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("7")) { Households = 0, ActiveShops = -1 });

        var ex = Assert.Throws<InvalidOperationException>(() => verdict["annual-sales"]);

        Assert.Equal(2, verdict.Problems.Count);
        Assert.Equal($"The record 7 is invalid ({verdict.Problems[0]}; {verdict.Problems[1]}); no criterion was evaluated.", ex.Message);
    }

    [Fact]
    public void Indexer_UnknownCriterion_NamesTheRuleSet()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("7")));

        var ex = Assert.Throws<KeyNotFoundException>(() => verdict["nope"]);

        Assert.Equal("The rule set aliresearch@2022.2 has no criterion 'nope'.", ex.Message);
    }

    [Fact]
    public void CriterionResult_SameCriterionOtherOutcome_NotEqual()
    {
        var evaluator = BuiltInRuleSets.AliResearch.Compile();
        var passing = evaluator.Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(20_000_000m) })["annual-sales"];
        var unknown = evaluator.Evaluate(new VillageRecord(new VillageCode("1")))["annual-sales"];

        Assert.NotEqual(passing, unknown);
    }

    [Fact]
    public void CriterionResult_ToString_MissingCategory()
    {
        var result = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("1")))["administrative-village"];

        Assert.Equal("administrative-village: unknown (missing ∈ {village})", result.ToString());
    }

    [Fact]
    public void Evaluate_ValueListedTwice_StillAccepted()
    {
        var ruleSet = TestRules.Village("x")
            .Require("kind", Metric.Committee, c => c.IsOneOf(CommitteeKind.Residents, CommitteeKind.Residents)).Build();

        Assert.True(ruleSet.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Committee = CommitteeKind.Residents }).IsEligible);
    }

    [Fact]
    public void Evaluate_TownshipRuleSetOnAVillage_Refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BuiltInRuleSets.AliResearchTown.Compile().Evaluate(new VillageRecord(new VillageCode("1"))));

        Assert.Equal($"The rule set {BuiltInRuleSets.AliResearchTown} decides about townships; evaluate TownshipFigures with it.", ex.Message);
    }

    [Fact]
    public void Evaluate_UndefinedTownshipKind_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => BuiltInRuleSets.AliResearchTown.Compile().Evaluate(new TownshipFigures("1") { Kind = (TownshipKind)99 }));

        Assert.StartsWith("The township's kind (99) is not a defined TownshipKind value.", ex.Message, StringComparison.Ordinal);
    }
}

public class ReadinessEdgeTests
{
    [Fact]
    public void Progress_UnknownCriterion_CountsNothing()
    {
        var ruleSet = TestRules.Village("x")
            .AllOf("root", all => all
                .Require("sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(100m)))
                .Require("shops", Metric.ActiveShops, c => c.AtLeast(100)))
            .Build();

        // Sales half way, shops unknown: half of one of two parts.
        Assert.Equal(0.25m, Readiness.Progress(ruleSet.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(50m) })));
    }

    [Fact]
    public void Progress_ThresholdZeroNotMet_Zero()
    {
        var ruleSet = TestRules.Village("x")
            .AllOf("root", all => all
                .Require("sales", Metric.AnnualSales, c => c.GreaterThan(Cny.FromYuan(0m)))
                .Require("shops", Metric.ActiveShops, c => c.AtLeast(100)))
            .Build();

        Assert.Equal(0.25m, Readiness.Progress(ruleSet.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(0m), ActiveShops = 50 })));
    }

    [Fact]
    public void Progress_InvalidRecord_Zero() =>
        Assert.Equal(0m, Readiness.Progress(BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Households = 0 })));
}

public class BatchEdgeTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Constructor_OptionBelowOne_RefusedNamingAll(int parallelism, int chunk, int interval)
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = parallelism, ChunkSize = chunk, ProgressInterval = interval }));

        Assert.StartsWith("DegreeOfParallelism, ChunkSize and ProgressInterval must be at least 1.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OptionsAtOne_Accepted() =>
        Assert.NotNull(new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = 1, ChunkSize = 1, ProgressInterval = 1 }));

    [Fact]
    public void Constructor_TownshipRuleSet_RefusedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchScorer(BuiltInRuleSets.AliResearchTown));

        Assert.StartsWith($"The rule set {BuiltInRuleSets.AliResearchTown} decides about townships; a batch scores villages.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleSets_OneRuleSet_JustIt() => Assert.Equal([BuiltInRuleSets.AliResearch], new BatchScorer(BuiltInRuleSets.AliResearch).RuleSets);

    [Fact]
    public void RuleSets_ForYears_EverySetOldestFirst() =>
        Assert.Equal(["classic", "aliresearch-2014", "aliresearch"], BatchScorer.ForYears().RuleSets.Select(r => r.Id.Value));

    [Fact]
    public void ScoreSelect_NullProjection_Refused() =>
        Assert.Equal("project", Assert.Throws<ArgumentNullException>(() => new BatchScorer(BuiltInRuleSets.AliResearch).ScoreSelect<string>([], null!)).ParamName);

    [Fact]
    public async Task ScoreAsync_Whole_ProgressReportedLastWithTheFinalCounts()
    {
        var reports = new List<long>();
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { Progress = new SyncProgress(c => reports.Add(c.Scored + c.Rejected)) });
        var counts = new BatchCounts();

        await foreach (var _ in scorer.ScoreAsync(new[] { 1, 2, 3 }.Select(i => InputRow.FromRecord(new VillageRecord(new VillageCode($"{i}")) { Households = 4 }, i)).ToAsyncEnumerable(), counts))
        {
        }

        Assert.Equal(3, reports[^1]);
        Assert.Equal(0, counts.Unscored);
    }

    [Fact]
    public void Score_DuplicateWithoutYear_SaysNoYear()
    {
        var rows = new[] { InputRow.FromRecord(new VillageRecord(new VillageCode("1"))), InputRow.FromRecord(new VillageRecord(new VillageCode("1"))) };

        var scored = new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows).ToList();

        Assert.Equal("The village code appears earlier in the input for the same year (no year); only the first is scored.", Assert.Single(scored[1].Problems).Message);
    }

    [Fact]
    public void Score_RejectedRow_ProblemsLocatedAtTheRowUnlessTheySayOtherwise()
    {
        var own = new RecordProblem("households", "0", RecordProblemCodes.ZeroHouseholds, "x") { Line = 3, Source = "elsewhere.csv" };
        var rows = new[]
        {
            InputRow.Unreadable(7, "in.csv", new RecordProblem("*", null, RecordProblemCodes.Malformed, "bad")),
            InputRow.Unreadable(8, "in.csv", own),
        };

        var scored = new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows).ToList();

        Assert.Equal((7L, "in.csv"), (scored[0].Problems[0].Line, scored[0].Problems[0].Source));
        Assert.Equal((3L, "elsewhere.csv"), (scored[1].Problems[0].Line, scored[1].Problems[0].Source));
    }

    [Fact]
    public async Task ScoreAsync_Rows_CountsEndAndProgressReported()
    {
        var reports = new List<long>();
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { Progress = new SyncProgress(c => reports.Add(c.Read)) });
        var counts = new BatchCounts();

        var scored = new List<ScoredRow>();
        await foreach (var row in scorer.ScoreAsync(Rows(3), counts))
        {
            scored.Add(row);
        }

        Assert.Equal(3, scored.Count);
        Assert.Equal((3L, 3L, true), (counts.Read, counts.Scored, counts.AddsUp));
        Assert.Equal(3L, reports[^1]);
    }

    [Fact]
    public async Task ScoreAsync_NoCounts_StillScores()
    {
        var scored = new List<ScoredRow>();
        await foreach (var row in new BatchScorer(BuiltInRuleSets.AliResearch).ScoreAsync(Rows(2)))
        {
            scored.Add(row);
        }

        Assert.Equal(2, scored.Count);
    }

    [Fact]
    public void Counts_StoppedEarly_UnscoredSaidInTheText()
    {
        var counts = new BatchCounts();
        using (var e = new BatchScorer(BuiltInRuleSets.AliResearch, new BatchOptions { DegreeOfParallelism = 1 }).Score(Enumerable.Range(0, 5).Select(i => InputRow.FromRecord(new VillageRecord(new VillageCode(i.ToString(CultureInfo.InvariantCulture))))), counts).GetEnumerator())
        {
            e.MoveNext();
        }

        Assert.Equal("read 1, scored 1 (eligible 0, not eligible 0, indeterminate 1), rejected 0", counts.ToString());
        Assert.Equal(0, counts.Unscored);
    }

    private static async IAsyncEnumerable<InputRow> Rows(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await Task.Yield();
            yield return InputRow.FromRecord(new VillageRecord(new VillageCode((i + 1).ToString(CultureInfo.InvariantCulture))));
        }
    }

    private sealed class SyncProgress(Action<BatchCounts> report) : IProgress<BatchCounts>
    {
        public void Report(BatchCounts value) => report(value);
    }
}

public class KeySetEdgeTests
{
    // The fast path packs numeric codes and years 1990–2053 into bits; everything else is kept as text. Either way,
    // only the same code in the same year is a duplicate.
    [Theory]
    [InlineData("1", 1989, "1", 2053)]
    [InlineData("1", 1990, "1", 2054)]
    [InlineData("0123", 2016, "123", 2016)]
    [InlineData("01", 2016, "0120", 16)]
    [InlineData("0120", null, "012", 0)]
    [InlineData("1", 2016, "2", 2016)]
    public void Add_DifferentCodeOrYear_BothAdmitted(string code1, int? year1, string code2, int? year2)
    {
        var keys = new KeySet();

        Assert.True(keys.Add(code1, year1));
        Assert.True(keys.Add(code2, year2));
        Assert.False(keys.Add(code1, year1));
        Assert.False(keys.Add(code2, year2));
    }

    [Theory]
    [InlineData("1", 1990, true)]
    [InlineData("1", 2053, true)]
    [InlineData("1", 1989, false)]
    [InlineData("1", 2054, false)]
    [InlineData("12345678901234", 2016, true)]
    [InlineData("123456789012345", 2016, false)]
    [InlineData("0123", 2016, false)]
    [InlineData("12a", 2016, false)]
    [InlineData("", 2016, false)]
    [InlineData("1", null, false)]
    public void Add_Key_NumericPathOnlyForCodesOfUpTo14DigitsAndYears1990To2053(string code, int? year, bool numeric)
    {
        var keys = new KeySet();

        Assert.True(keys.Add(code, year));
        Assert.False(keys.Add(code, year));

        Assert.Equal((numeric ? 1 : 0, numeric ? 0 : 1), (keys.NumericKeys, keys.TextKeys));
    }

    [Fact]
    public void Add_CodeOne_HeldAndFoundAgain()
    {
        // Code 1 is key 2 (zero marks an empty slot): it must never be confused with an empty slot.
        var keys = new KeySet();

        Assert.True(keys.Add("1", 2016));
        Assert.True(keys.Add("2", 2016));
        Assert.False(keys.Add("1", 2016));
        Assert.True(keys.Add("1", 2017));
        Assert.Equal(2, keys.NumericKeys);
    }

    [Fact]
    public void Add_PastThreeQuartersFull_TableDoubles()
    {
        // Codes out of order (after the highest first) go to the table, which doubles past three quarters full.
        var keys = new KeySet();
        keys.Add("100000", 2016);
        for (var i = 1; i <= 768; i++)
        {
            keys.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2016);
        }

        Assert.Equal(1024, keys.Capacity);
        keys.Add("769", 2016);

        Assert.Equal(2048, keys.Capacity);
        Assert.Equal(1, keys.InOrderKeys);
        Assert.All(Enumerable.Range(1, 769), i => Assert.False(keys.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2016)));
    }

    [Fact]
    public void Add_CodesInOrder_KeptInTheRunNotTheTable()
    {
        var keys = new KeySet();
        for (var i = 1; i <= 5000; i++)
        {
            Assert.True(keys.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2016));
            Assert.True(keys.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2017));
        }

        Assert.Equal((5000, 5000, 1024), (keys.NumericKeys, keys.InOrderKeys, keys.Capacity));
        Assert.All(Enumerable.Range(1, 5000), i => Assert.False(keys.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 2017)));
        Assert.True(keys.Add("2500", 2018));
        Assert.False(keys.Add("2500", 2018));
        Assert.Equal(5000, keys.InOrderKeys);
    }

    [Theory]
    [InlineData(new[] { 5, 3, 5, 3, 4, 6, 4 }, new[] { true, true, false, false, true, true, false })]
    [InlineData(new[] { 1, 2, 3, 2, 1, 4 }, new[] { true, true, true, false, false, true })]
    [InlineData(new[] { 9, 8, 7, 8, 9, 10, 7 }, new[] { true, true, true, false, false, true, false })]
    public void Add_InAndOutOfOrder_OnlyRepeatsAreDuplicates(int[] codes, bool[] expected) =>
        Assert.Equal(expected, Admit(codes));

    private static bool[] Admit(int[] codes)
    {
        var keys = new KeySet();
        return [.. codes.Select(c => keys.Add(c.ToString(System.Globalization.CultureInfo.InvariantCulture), 2016))];
    }

    // Lists mostly in code order, with stretches out of order and the same codes again in other years.
    [Property(MaxTest = 200)]
    public Property Add_MostlyInOrder_SameAnswersAsAHashSet() => Prop.ForAll(
        Arb.From(Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(1)), (2, Gen.Choose(-30, 30)), (1, Gen.Constant(0))).Zip(Gen.Choose(2015, 2018)))),
        steps =>
        {
            var keys = new KeySet();
            var reference = new HashSet<(long, int)>();
            var code = 330782100200L;
            foreach (var (step, year) in steps)
            {
                code += step;
                Assert.Equal(reference.Add((code, year)), keys.Add(code.ToString(System.Globalization.CultureInfo.InvariantCulture), year));
            }
        });
}
