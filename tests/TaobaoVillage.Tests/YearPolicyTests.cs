using System.Text.RegularExpressions;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Planner;
using Xunit;

namespace TaobaoVillage.Tests;

/// <summary>One year policy (issue 25): every command that judges villages takes <c>--rules auto</c> and counts alike.</summary>
public class YearPolicyTests
{
    private static int SampleEligible() =>
        BatchScorer.ForYears().Score(Inputs.Records(Inputs.SamplePath)).Count(r => r.Status == Eligibility.Eligible);

    [Fact]
    public void Report_Default_EligibleCountAsEachRowByItsYear()
    {
        using var output = new TempFile(".html");
        var (code, _, _, _) = PlannerRun.Run("report", "--output", output.Path);
        var html = File.ReadAllText(output.Path);
        var bars = Regex.Match(html, "aria-label=\"Verdict counts\">(.*?)</svg>").Groups[1].Value;
        var first = Regex.Match(bars, "font-size=\"12\">([0-9,]+)</text>").Groups[1].Value;

        Assert.Equal(0, code);
        Assert.Equal(SampleEligible().ToString(System.Globalization.CultureInfo.InvariantCulture), first);
        Assert.Contains("under aliresearch-2014@", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RulesAuto_SameFileAsDefault()
    {
        using var auto = new TempFile(".html");
        using var byDefault = new TempFile(".html");
        Assert.Equal(0, PlannerRun.Run("report", "--rules", "auto", "--output", auto.Path).Code);
        Assert.Equal(0, PlannerRun.Run("report", "--output", byDefault.Path).Code);

        Assert.Equal(File.ReadAllText(byDefault.Path), File.ReadAllText(auto.Path));
    }

    [Fact]
    public void WhatIf_RulesAutoMinSalesInWan_SameAsYuan()
    {
        var wan = PlannerRun.Run("what-if", "--rules", "auto", "--min-sales", "800万", "--format", "csv");
        var yuan = PlannerRun.Run("what-if", "--min-sales", "8000000", "--format", "csv");

        Assert.Equal(0, wan.Code);
        Assert.Equal(yuan.Out, wan.Out);
        Assert.True(wan.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, wan.Out);
    }

    [Fact]
    public void WhatIf_RulesAuto_JudgesEachRowByItsYear()
    {
        var (code, stdout, _, _) = PlannerRun.Run("what-if", "--rules", "auto", "--min-sales", "8000000", "--format", "csv");
        var once = new BatchOptions { RejectDuplicates = true };
        var lower = new Dictionary<Metrics.Metric, decimal> { [Metrics.Metric.AnnualSales] = 8_000_000m };
        var expected = Planning.WhatIf.Changes(() => Inputs.Records(Inputs.SamplePath), BatchScorer.ForYears(once), BatchScorer.ForYears(once).WithThresholds(lower, "-whatif")).Count();
        var single = PlannerRun.Run("what-if", "--rules", "aliresearch", "--min-sales", "8000000", "--format", "csv").Out;

        Assert.Equal(0, code);
        Assert.Equal(expected + 1, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotEqual(single, stdout);
    }

    [Fact]
    public void WhatIf_SetMetricNoCriterionUses_UsageNamingTheMetrics()
    {
        var (code, _, stderr, _) = PlannerRun.Run("what-if", "--set", "livestream_sales_cny=5000000");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("livestream_sales_cny", stderr, StringComparison.Ordinal);
        Assert.Contains("annual_sales_cny", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_RulesAuto_SameAsByYear()
    {
        var auto = PlannerRun.Run("towns", "--input", Inputs.SamplePath, "--rules", "auto", "--format", "csv");
        var byYear = PlannerRun.Run("towns", "--input", Inputs.SamplePath, "--format", "csv");

        Assert.Equal(0, auto.Code);
        Assert.Equal(byYear.Out, auto.Out);
    }
}

public class BatchScorerWithThresholdsTests
{
    [Fact]
    public void WithThresholds_ForYears_EveryYearsSetChangedYearsKept()
    {
        var lower = new Dictionary<Metrics.Metric, decimal> { [Metrics.Metric.AnnualSales] = 8_000_000m };
        var scorer = BatchScorer.ForYears().WithThresholds(lower, "-whatif");

        Assert.Equal(3, scorer.RuleSets.Count);
        Assert.All(scorer.RuleSets, r => Assert.EndsWith("-whatif", r.Version, StringComparison.Ordinal));
        Assert.Equal("aliresearch-2014", scorer.RuleSetFor(2016).Id.ToString());
        Assert.Equal("classic", scorer.RuleSetFor(2012).Id.ToString());
        Assert.All(scorer.RuleSets, r => Assert.Contains(8_000_000m, r.Criteria.DescendantsAndSelf().OfType<Rules.Condition>().Select(c => c.Threshold)));
    }
}
