using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Planning;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Tests;

public class VillageReportTests
{
    private static List<InputRow> Mixed() => [.. CsvRecordReader.ReadFile(TestData.File("mixed.csv"))];

    [Fact]
    public void Build_MixedFile_CountsAsTheScorerGivesThem()
    {
        var counts = new BatchCounts();
        _ = new BatchScorer(BuiltInRuleSets.AliResearch).Score(Mixed(), counts).ToList();

        var report = VillageReport.Build(new BatchScorer(BuiltInRuleSets.AliResearch), Mixed(), VillageReportOptions.Default);

        Assert.Equal((counts.Read, counts.Eligible, counts.NotEligible, counts.Indeterminate, counts.Rejected),
            (report.Counts.Read, report.Counts.Eligible, report.Counts.NotEligible, report.Counts.Indeterminate, report.Counts.Rejected));
        Assert.Equal(counts.Rejected, report.Rejected.Count);
        Assert.Equal(counts.Scored, report.Counties.Sum(c => c.Eligible + c.NotEligible + c.Indeterminate));
    }

    [Fact]
    public void Build_ByYear_ChartsOnlyTheRuleSetsRowsUsedWithTheirOwnThresholds()
    {
        var report = VillageReport.Build(BatchScorer.ForYears(), Mixed(), VillageReportOptions.Default);

        Assert.Equal([BuiltInRuleSets.AliResearch2014], report.RuleSets);
        Assert.All(report.Charts, c => Assert.Contains(c.Condition, BuiltInRuleSets.AliResearch2014.Criteria.DescendantsAndSelf()));
        Assert.Contains(report.Charts, c => c.Threshold == 10_000_000m);
    }

    [Fact]
    public void Build_LimitsGiven_KeepsNoMoreThanAsked()
    {
        var options = VillageReportOptions.Default with { NearMisses = 1, RejectedRows = 1, PlanVillages = 1 };

        var report = VillageReport.Build(new BatchScorer(BuiltInRuleSets.AliResearch), Mixed(), options);

        Assert.Single(report.NearMisses);
        Assert.Single(report.Rejected);
        Assert.True(report.Plan!.Villages.Count <= 1);
    }

    [Fact]
    public void Build_MoreRowsThanThePlanLimit_NoPlan()
    {
        var rows = Mixed();
        var report = VillageReport.Build(new BatchScorer(BuiltInRuleSets.AliResearch), rows, VillageReportOptions.Default with { PlanRowLimit = rows.Count - 1 });
        var atLimit = VillageReport.Build(new BatchScorer(BuiltInRuleSets.AliResearch), rows, VillageReportOptions.Default with { PlanRowLimit = rows.Count });

        Assert.Null(report.Plan);
        Assert.NotNull(atLimit.Plan);
    }
}
