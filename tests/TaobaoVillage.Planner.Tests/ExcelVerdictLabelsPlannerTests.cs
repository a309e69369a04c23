using TaobaoVillage.Engine;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Excel;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class ExcelVerdictLabelsPlannerTests
{
    [Fact]
    public void Score_XlsxLangZhCn_ChineseHeadersAndTheTerminalsVerdictWords()
    {
        using var folder = new TempFolder();
        var zh = folder.File("zh.xlsx");
        var en = folder.File("en.xlsx");

        var (code, _, _, _) = PlannerRun.Run("score", "--lang", "zh-CN", "--output", zh);
        PlannerRun.Run("score", "--lang", "en", "--output", en);

        Assert.Equal(PlannerApp.Ok, code);
        var chinese = ExcelVerdictLabelsTests.Read(File.ReadAllBytes(zh));
        var english = ExcelVerdictLabelsTests.Read(File.ReadAllBytes(en));
        Assert.Equal(["村代码", "村名称", "行", "年份", "结论", "规则集"], chinese[0].Take(6));
        Assert.Contains("年电子商务销售额", chinese[0]);
        Assert.Contains("年电子商务销售额缺口", chinese[0]);
        Assert.Equal(english[0].Count, chinese[0].Count);
        var verdicts = chinese.Skip(1).Select(r => r[4]).ToHashSet();
        Assert.Equal(new[] { "符合", "不符合", "待定", "无效" }.Order(StringComparer.Ordinal), verdicts.Order(StringComparer.Ordinal));
        var words = CultureScope.Run("zh-CN", () => Enum.GetValues<Eligibility>().Select(Words.Verdict).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(words, verdicts.Order(StringComparer.Ordinal));
        Assert.Contains(chinese.Skip(1), r => r.Contains("达标") && r.Contains("未达标"));
        Assert.Equal(english.Skip(1).Select(r => r[0]), chinese.Skip(1).Select(r => r[0]));
        Assert.Equal(["village_code", "village_name", "line", "year", "verdict", "rule_set"], english[0].Take(6));
        Assert.Contains(english.Skip(1), r => r[4] == "not_eligible");
    }
}
