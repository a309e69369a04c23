using System.Text;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class MetricPlannerTests
{
    [Fact]
    public void WhatIf_SetLivestreamThreshold_ChangesTheVerdicts()
    {
        using var rules = new TempFile(".json");
        using var input = new TempFile(".csv");
        File.WriteAllText(rules.Path, MetricTests.LivestreamRules);
        File.WriteAllText(input.Path, "village_code,households,直播销售额\n330782100001,100,3000000\n330782100002,100,6000000\n");

        var lowered = PlannerRun.Run("what-if", "--input", input.Path, "--rules", rules.Path, "--set", "livestream_sales_cny=2500000", "--format", "csv");
        var unknown = PlannerRun.Run("what-if", "--input", input.Path, "--rules", rules.Path, "--set", "livestream=1");

        Assert.Equal(0, lowered.Code);
        Assert.Contains("330782100001", lowered.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("330782100002", lowered.Out, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.Contains("livestream_sales_cny", unknown.Err, StringComparison.Ordinal);
    }
}
