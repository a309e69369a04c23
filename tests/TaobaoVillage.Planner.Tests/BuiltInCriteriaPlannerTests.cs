using System.Reflection;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Planner;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class BuiltInCriteriaPlannerTests
{
    [Theory]
    [InlineData("8")]
    [InlineData("-0.1")]
    public void WhatIf_ShareThatIsNotAFraction_Refused(string share)
    {
        var (code, _, stderr, _) = PlannerRun.Run("what-if", "--min-share", share);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("0.08 or 8%", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.08")]
    [InlineData("8%")]
    [InlineData("8％")]
    public void WhatIf_ShareAsFractionOrPercent_SameResult(string share)
    {
        var (code, stdout, _, _) = PlannerRun.Run("what-if", "--min-share", share, "--rules", "aliresearch", "--format", "csv");
        var (_, reference, _, _) = PlannerRun.Run("what-if", "--min-share", "0.08", "--rules", "aliresearch", "--format", "csv");

        Assert.Equal(0, code);
        Assert.Equal(reference, stdout);
        Assert.Contains(",not_eligible,eligible", stdout, StringComparison.Ordinal);
    }
}
