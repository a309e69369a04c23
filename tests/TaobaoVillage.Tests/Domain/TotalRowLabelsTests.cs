using System.Globalization;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public class TotalRowLabelsTests
{
    [Theory]
    [InlineData("合计")]
    [InlineData("合 计")]
    [InlineData("总计：")]
    [InlineData("小计")]
    [InlineData("汇总")]
    [InlineData("全县")]
    [InlineData("全镇")]
    [InlineData("全乡")]
    [InlineData("全市")]
    [InlineData("全县合计")]
    [InlineData("佛堂镇小计")]
    [InlineData("Total")]
    [InlineData("SUM")]
    [InlineData("Subtotal:")]
    public void IsLabel_TotalLabel_True(string text) => Assert.True(TotalRowLabels.IsLabel(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("330782100201")]
    [InlineData("前岙村")]
    [InlineData("合计村")]
    [InlineData("全胜村")]
    [InlineData("totally")]
    public void IsLabel_VillageOrCode_False(string? text) => Assert.False(TotalRowLabels.IsLabel(text));

    [Fact]
    public void MessageOf_TotalRowInChinese_SaysItIsATotalAndWhenItEqualsTheSums()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var plain = new RecordProblem(FieldNames.VillageCode, "合计", RecordProblemCodes.TotalRow, "x");

        Assert.Equal("“合计”是合计行，不是村，不参与评定。", ProblemMessages.Default.MessageOf(plain, zh));
        Assert.EndsWith("其各项数字等于上方各行之和。", ProblemMessages.Default.MessageOf(plain with { Detail = TotalRowLabels.SumsDetail }, zh), StringComparison.Ordinal);
    }

    [Fact]
    public void IsLabel_AnyWhiteSpaceInsideALabel_StillALabel()
    {
        // Compacting is skipped for text with nothing to remove: every white space .NET knows must still be removed.
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToList();

        Assert.All(spaces, c => Assert.True(TotalRowLabels.IsLabel($"合{c}计"), $"U+{(int)c:X4}"));
        Assert.False(TotalRowLabels.IsLabel("东城社区"));
    }
}
