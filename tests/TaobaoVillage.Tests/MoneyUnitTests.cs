using System.Globalization;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class MoneyUnitTests
{
    [Theory]
    [InlineData(10_000, "万元")]
    [InlineData(100_000_000, "亿元")]
    [InlineData(1, "元")]
    [InlineData(1_000, "元")]
    public void FromScale_HeaderMultiplier_TheUnitPeopleWrite(decimal scale, string name) =>
        Assert.Equal(name, MoneyUnit.FromScale(scale).Name);

    [Fact]
    public void Format_TenThousandYuan_ExactNeverRounded()
    {
        Assert.Equal("73.745291 万元", MoneyUnit.TenThousandYuan.Format(737_452.91m));
        Assert.Equal("0.000001 万元", MoneyUnit.TenThousandYuan.Format(0.01m));
        Assert.Equal("CN¥737,452.91", MoneyUnit.CnYuan.Format(737_452.91m));
    }

    [Fact]
    public void Describe_ShortfallInTenThousandYuan_AmountInTheFilesUnit()
    {
        var shortfall = new Shortfall("annual-sales", Metric.AnnualSales, 737_452.91m, Unit.Cny);
        var shops = new Shortfall("active-shop-count", Metric.ActiveShops, 5m, Unit.Shops);

        Assert.Equal("电商销售额再增加 73.75 万元", shortfall.Describe(CultureInfo.GetCultureInfo("zh-CN"), MoneyUnit.TenThousandYuan));
        Assert.Equal("73.75 万元 more annual e-commerce sales", shortfall.Describe(CultureInfo.InvariantCulture, MoneyUnit.TenThousandYuan));
        Assert.Equal("CN¥737,452.91 more annual e-commerce sales", shortfall.ToString());
        Assert.Equal("再增加 5 家活跃网店", shops.Describe(CultureInfo.GetCultureInfo("zh-CN"), MoneyUnit.TenThousandYuan));
    }

    [Fact]
    public void ScaleOf_SalesHeaderInTenThousandYuan_TenThousand()
    {
        Assert.Equal(10_000m, RecordSchema.FromColumns(["村代码", "年销售额（万元）"]).ScaleOf(Metric.AnnualSales));
        Assert.Equal(1m, RecordSchema.FromColumns(["village_code", "annual_sales_cny"]).ScaleOf(Metric.AnnualSales));
        Assert.Null(RecordSchema.FromColumns(["village_code", "households"]).ScaleOf(Metric.AnnualSales));
    }
}

public class MoneyUnitFormatUpTests
{
    [Theory]
    [InlineData(737_452.91, "73.75 万元")]
    [InlineData(0.01, "0.01 万元")]
    [InlineData(100_000, "10 万元")]
    [InlineData(100_000.01, "10.01 万元")]
    public void FormatUp_TenThousandYuan_TwoPlacesRoundedUp(double yuan, string text) =>
        Assert.Equal(text, MoneyUnit.TenThousandYuan.FormatUp((decimal)yuan));

    [Fact]
    public void FormatUp_ShownAmountEnough_NeverLessThanTheShortfall()
    {
        var shown = decimal.Parse(MoneyUnit.HundredMillionYuan.FormatUp(1m).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(0.01m, shown);
        Assert.True(shown * 100_000_000m >= 1m);
    }

    [Fact]
    public void FormatUp_Yuan_AsFormat() => Assert.Equal("CN¥737,452.91", MoneyUnit.CnYuan.FormatUp(737_452.91m));
}
