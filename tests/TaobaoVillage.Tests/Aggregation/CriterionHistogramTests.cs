using TaobaoVillage.Aggregation;
using TaobaoVillage.Csv;

namespace TaobaoVillage.Tests;

public class CriterionHistogramTests
{
    [Fact]
    public void ForRuleSet_Classic_ChartsOnlyItsOwnCriteria()
    {
        var charts = CriterionHistogram.ForRuleSet(BuiltInRuleSets.Classic);

        Assert.Equal([Metric.AnnualSales, Metric.EcommerceHouseholdShare], charts.Select(c => c.Condition.Metric));
    }

    [Fact]
    public void ForRuleSet_AliResearch_BinsAroundTheRuleSetsThreshold()
    {
        var sales = CriterionHistogram.ForRuleSet(BuiltInRuleSets.AliResearch).Single(c => c.Condition.Metric == Metric.AnnualSales);

        Assert.Equal(10_000_000m, sales.Threshold);
        Assert.Equal(10_000_000m, sales.Bins[CriterionHistogram.ThresholdBin]);
        Assert.Equal([0m, 1_000_000m, 2_500_000m, 5_000_000m, 7_500_000m, 10_000_000m, 15_000_000m, 25_000_000m, 50_000_000m, 100_000_000m], sales.Bins);
    }

    [Fact]
    public void Add_ValuesAtAndBelowTheThreshold_CountedInTheirBins()
    {
        var sales = CriterionHistogram.ForRuleSet(BuiltInRuleSets.AliResearch).Single(c => c.Condition.Metric == Metric.AnnualSales);
        foreach (var row in CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv")).Where(r => r.Value is not null))
        {
            sales.Add(row.Value!);
        }

        // mixed.csv: 10,000,000.00 exactly reaches the threshold's bin; 9,999,999.99 stays below it.
        Assert.True(sales.Counts[CriterionHistogram.ThresholdBin] >= 1);
        Assert.True(sales.Counts[CriterionHistogram.ThresholdBin - 1] >= 1);
        Assert.Equal(CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv")).Count(r => r.Value?.AnnualSales is not null), sales.Counts.Sum());
    }
}
