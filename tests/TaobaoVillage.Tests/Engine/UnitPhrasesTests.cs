using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Tests;

public class UnitPhrasesTests
{
    [Theory]
    [InlineData(1, "1 more active online shop")]
    [InlineData(221, "221 more active online shops")]
    public void English_Shops_CountedNoun(int amount, string expected) =>
        Assert.Equal(expected, UnitPhrases.English(new Shortfall("s", Metric.ActiveShops, amount, Unit.Shops), amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Chinese_Shops_CountWord() =>
        Assert.Equal("再增加 221 家活跃网店", UnitPhrases.Chinese(new Shortfall("s", Metric.ActiveShops, 221m, Unit.Shops), "221"));

    [Fact]
    public void Chinese_Households_CountWord() =>
        Assert.Equal("再增加 3 户", UnitPhrases.Chinese(new Shortfall("h", Metric.Households, 3m, Unit.Households), "3"));

    [Fact]
    public void English_Households_Plural() =>
        Assert.Equal("3 more household" + "s", UnitPhrases.English(new Shortfall("h", Metric.Households, 3m, Unit.Households), "3"));

    [Theory]
    [InlineData(1, "1 more household engaged in e-commerce")]
    [InlineData(4, "4 more household" + "s engaged in e-commerce")]
    public void English_EcommerceHouseholds_PluralInside(int amount, string expected) =>
        Assert.Equal(expected, UnitPhrases.English(new Shortfall("e", Metric.EcommerceHouseholds, amount, Unit.Households), amount.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void English_Cny_MetricDescription() =>
        Assert.Equal("CN¥10 more " + Metric.AnnualSales.Description, UnitPhrases.English(new Shortfall("a", Metric.AnnualSales, 10m, Unit.Cny), "CN¥10"));
}
