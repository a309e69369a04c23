using TaobaoVillage.Aggregation;
using TaobaoVillage.Csv;
using TaobaoVillage.Metrics;
using TaobaoVillage.Planning;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Tests;

public class WhatIfTests
{
    private static IEnumerable<TaobaoVillage.Batch.InputRow> Mixed() => CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv"));

    [Fact]
    public void Changes_LowerSalesThreshold_GainsTheVillageJustBelow()
    {
        var rules = BuiltInRuleSets.AliResearch;
        var lower = rules.WithThresholds(new Dictionary<Metric, decimal> { [Metric.AnnualSales] = 9_000_000m }, rules.Version + "-test");

        var changes = WhatIf.Changes(Mixed, rules, lower).ToList();

        var change = Assert.Single(changes, c => c.Before.Key == "330782100003");
        Assert.True(change.Gained);
        Assert.False(change.Lost);
        Assert.DoesNotContain(changes, c => c.Before.Status == c.After.Status);
    }

    [Fact]
    public void Changes_SameRuleSet_Nothing()
    {
        Assert.Empty(WhatIf.Changes(Mixed, BuiltInRuleSets.AliResearch, BuiltInRuleSets.AliResearch));
    }

    [Fact]
    public void OutputRowOf_Change_LineCodeNameBeforeAfter()
    {
        var rules = BuiltInRuleSets.AliResearch;
        var lower = rules.WithThresholds(new Dictionary<Metric, decimal> { [Metric.AnnualSales] = 9_000_000m }, rules.Version + "-test");
        var change = WhatIf.Changes(Mixed, rules, lower).First(c => c.Before.Key == "330782100003");

        var fields = OutputRow.Of(change);

        Assert.Equal(["line", "village_code", "village_name", "before", "after"], fields.Select(f => f.Name));
        Assert.Equal(["330782100003", "差一分村", "not_eligible", "eligible"], fields.Skip(1).Select(f => f.Value));
    }

    [Fact]
    public void OutputRowOf_NearMiss_RankFirstNeedsLast()
    {
        var ranking = new NearMissRanking(1);
        foreach (var row in new TaobaoVillage.Batch.BatchScorer(BuiltInRuleSets.AliResearch).Score(Mixed()))
        {
            ranking.Add(row);
        }

        var fields = OutputRow.Of(ranking.Take()[0], 1, "more sales");

        Assert.Equal(["rank", "village_code", "village_name", "year", "county", "township", "verdict", "readiness", "needs"], fields.Select(f => f.Name));
        Assert.Equal(1, fields[0].Value);
        Assert.Equal("more sales", fields[^1].Value);
    }

    [Fact]
    public void OutputRowColumns_AreTheNamesOfTheFields()
    {
        var change = new TaobaoVillage.Batch.VerdictChange(
            new TaobaoVillage.Batch.BatchScorer(BuiltInRuleSets.AliResearch).Score(Mixed()).First(),
            new TaobaoVillage.Batch.BatchScorer(BuiltInRuleSets.Classic).Score(Mixed()).First());

        Assert.Equal(OutputRow.VerdictChangeColumns, OutputRow.Of(change).Select(f => f.Name));
    }
}
