using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>The same answers and the same machine formats whatever the system culture: numbers are read and written invariantly.</summary>
public class CultureTests
{
    public static TheoryData<string> Cultures() => ["de-DE", "zh-CN", "fr-FR", "ar-SA"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Score_JsonlAndCsvUnderAnotherCulture_ByteForByteAsInvariant(string culture)
    {
        foreach (var format in new[] { "jsonl", "csv" })
        {
            string[] args = ["score", "--format", format, "--parallel", "1"];
            var invariant = Under("", () => PlannerRun.Run(args).Out);
            var other = Under(culture, () => PlannerRun.Run(args).Out);

            Assert.Equal(invariant, other);
            Assert.Contains(format == "jsonl" ? "\"threshold\":0.1" : "0.1", invariant, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void WhatIf_DecimalThresholdUnderAnotherCulture_ReadWithADot(string culture)
    {
        var invariant = Under("", () => PlannerRun.Run("what-if", "--min-sales", "9999999.99", "--format", "csv"));
        var other = Under(culture, () => PlannerRun.Run("what-if", "--min-sales", "9999999.99", "--format", "csv"));

        Assert.Equal(PlannerApp.Ok, other.Code);
        Assert.Equal(invariant.Out, other.Out);
        // The sample's one village at CN¥9,999,999.99 is the only one gained; read as 999,999,999 it would be lost instead.
        Assert.Equal(["line,village_code,village_name,before,after", "15,130534100215,东高庄村,not_eligible,eligible"], other.Out.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void WhatIf_ThousandsSeparators_Accepted()
    {
        var plain = PlannerRun.Run("what-if", "--min-sales", "8000000", "--format", "csv");
        var grouped = Under("de-DE", () => PlannerRun.Run("what-if", "--min-sales", "8,000,000", "--format", "csv"));

        Assert.Equal(plain.Out, grouped.Out);
    }

    [Fact]
    public void WhatIf_NotANumber_UsageErrorNamesTheOption()
    {
        var (code, _, stderr, _) = PlannerRun.Run("what-if", "--min-sales", "9999999,99x");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("--min-sales", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what-if", "--min-share", "0,1")]
    [InlineData("what-if", "--min-sales", "8,00")]
    [InlineData("what-if", "--min-shops", "1,5")]
    [InlineData("plan", "--effort", "1,5")]
    [InlineData("plan", "--villages", "1,5")]
    public void Options_DecimalComma_RefusedNotReadAsThousands(string command, string option, string value)
    {
        var (code, stdout, stderr, _) = PlannerRun.Run(command, option, value);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"{option}", stderr, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("800万")]
    [InlineData("800万元")]
    [InlineData("0.08亿")]
    [InlineData("0.08 亿元")]
    [InlineData("8,000,000元")]
    public void WhatIf_MinSalesWithAUnit_SameAsInYuan(string sales)
    {
        var yuan = PlannerRun.Run("what-if", "--min-sales", "8000000", "--format", "csv");
        var withUnit = PlannerRun.Run("what-if", "--min-sales", sales, "--format", "csv");

        Assert.Equal((PlannerApp.Ok, string.Empty), (withUnit.Code, withUnit.Err));
        Assert.Equal(yuan.Out, withUnit.Out);
    }

    [Fact]
    public void WhatIf_SetMoneyMetricWithAUnit_SameAsInYuan()
    {
        var yuan = PlannerRun.Run("what-if", "--set", "annual_sales_cny=8000000", "--format", "csv");
        var withUnit = PlannerRun.Run("what-if", "--set", "annual_sales_cny=800万", "--format", "csv");

        Assert.Equal(PlannerApp.Ok, withUnit.Code);
        Assert.Equal(yuan.Out, withUnit.Out);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Parse_RuleFileUnderAnotherCulture_SameRuleSetAndHash(string culture)
    {
        var json = RuleSetJson.Save(BuiltInRuleSets.AliResearch);

        var parsed = Under(culture, () => RuleSetJson.Parse(json));

        Assert.Equal(BuiltInRuleSets.AliResearch.ContentHash, parsed.ContentHash);
        Assert.Equal(json, Under(culture, () => RuleSetJson.Save(parsed)));
    }

    private static T Under<T>(string culture, Func<T> body) => CultureScope.Run(culture, body);
}
