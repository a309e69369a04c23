using System.Text;
using TaobaoVillage.Csv;
using Xunit;

namespace TaobaoVillage.Tests;

public class GbkOutputPlannerTests
{
    [Theory]
    [InlineData("score", "--format", "csv", "--output", "{0}.csv")]
    [InlineData("score", "--format", "table", "--output", "{0}.txt")]
    [InlineData("near-misses", "--output", "{0}.txt")]
    [InlineData("explain", "东高庄村", "--output", "{0}.txt")]
    public void Command_OutputEncodingGb18030_DecodesStrictlyAsCp936WithFullWidthYuan(params string[] args)
    {
        using var folder = new TempFolder();
        var path = folder.File("out");
        var run = args.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, path)).Concat(["--output-encoding", "gb18030", "--lang", "zh-CN"]).ToArray();
        var output = run[Array.IndexOf(run, "--output") + 1];

        Assert.Equal(0, PlannerRun.Run(run).Code);
        var text = GbkOutputTests.StrictCp936().GetString(File.ReadAllBytes(output));
        Assert.True(text.Contains('￥', StringComparison.Ordinal) || text.Contains('元', StringComparison.Ordinal), text);
        Assert.DoesNotContain("¥", text, StringComparison.Ordinal);
    }
}
