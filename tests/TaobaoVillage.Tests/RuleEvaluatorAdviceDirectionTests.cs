using System.Globalization;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>Advice says which way a figure must go: "more" only where a raise passes, "less" or "fewer" for at most, less than, and equal to from above.</summary>
public partial class RuleEvaluatorTests
{
    [Theory]
    [InlineData("annual_sales_cny", Comparison.AtMost, 5_000_000, 6_000_000, "CN¥1,000,000.00 less annual e-commerce sales", "年销售额（元）减少 1,000,000.00 元")]
    [InlineData("households", Comparison.LessThan, 300, 400, "101 fewer households", "减少 101 户")]
    [InlineData("active_shops", Comparison.EqualTo, 50, 60, "10 fewer active online shops", "减少 10 家活跃网店")]
    [InlineData("active_shops", Comparison.EqualTo, 50, 40, "10 more active online shops", "再增加 10 家活跃网店")]
    [InlineData("active_shops", Comparison.AtLeast, 50, 40, "10 more active online shops", "再增加 10 家活跃网店")]
    public void Describe_ShortfallOfEachComparison_SaysWhichWay(string metricName, Comparison comparison, long threshold, long value, string english, string chinese)
    {
        var metric = Metric.BuiltIn.Single(m => m.Name == metricName);
        var record = metric == Metric.AnnualSales ? new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(value) } : With(metric, value);

        var verdict = Single(metric, comparison, threshold).Compile().Evaluate(record);
        var shortfall = verdict["c"].Shortfall!.Value;

        Assert.Equal(english, shortfall.Describe(CultureInfo.InvariantCulture));
        Assert.Equal(english, verdict.PathsToPass().Single().ToString());
        Assert.EndsWith(chinese.Split(' ')[^1], shortfall.Describe(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
        Assert.Contains(chinese.Split(' ')[0].Replace("年销售额（元）", string.Empty, StringComparison.Ordinal), shortfall.Describe(CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ShortfallBelowAFen_RoundedUpToOneFenNeverZero()
    {
        var verdict = Single(Metric.AnnualSales, Comparison.AtLeast, 1m).Compile()
            .Evaluate(new VillageRecord(new VillageCode("1")) { AnnualSales = Cny.FromYuan(0.9999999999999999999999999999m) });
        var shortfall = verdict["c"].Shortfall!.Value;

        Assert.Equal(0.0000000000000000000000000001m, shortfall.Amount);
        Assert.Equal("CN¥0.01 more annual e-commerce sales", shortfall.ToString());
    }
}
