using System.Text;
using TaobaoVillage.Csv;
using Xunit;

namespace TaobaoVillage.Tests;

/// <summary>GB18030 out that GBK (code page 936) software shows (issue 25): ¥ as the full-width ￥, the rest as GB18030.</summary>
public class GbkOutputTests
{
    private static Encoding StrictCp936()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

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
        var text = StrictCp936().GetString(File.ReadAllBytes(output));
        Assert.True(text.Contains('￥', StringComparison.Ordinal) || text.Contains('元', StringComparison.Ordinal), text);
        Assert.DoesNotContain("¥", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OutputEncodingGb18030_DeclaresTheCharsetItIsWrittenIn()
    {
        using var folder = new TempFolder();
        var gb = folder.File("gb.html");
        var utf8 = folder.File("utf8.html");

        Assert.Equal(0, PlannerRun.Run("report", "--output", gb, "--output-encoding", "gb18030").Code);
        Assert.Equal(0, PlannerRun.Run("report", "--output", utf8).Code);

        var text = CsvRecordReaderOptions.Gb18030.GetString(File.ReadAllBytes(gb));
        Assert.Contains("<meta charset=\"GB18030\">", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("charset=\"utf-8\"", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<meta charset=\"utf-8\">", File.ReadAllText(utf8), StringComparison.Ordinal);
    }

    [Fact]
    public void GetBytes_YenSign_FullWidthYuanInGbk()
    {
        var bytes = new GbkFirstEncoding().GetBytes("CN¥1,000");

        Assert.Equal("CN￥1,000", StrictCp936().GetString(bytes));
    }

    [Fact]
    public void GetBytes_BeyondGbk_StillGb18030()
    {
        const string text = "𠀀村€";
        var bytes = new GbkFirstEncoding().GetBytes(text);

        Assert.Equal(text, CsvRecordReaderOptions.Gb18030.GetString(bytes));
    }

    [Fact]
    public void StreamWriter_SurrogatePairSplitAcrossWrites_Kept()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new GbkFirstEncoding(), 16, leaveOpen: true) { AutoFlush = true })
        {
            writer.Write("¥\uD840");
            writer.Write("\uDC00村");
        }

        Assert.Equal("￥𠀀村", CsvRecordReaderOptions.Gb18030.GetString(stream.ToArray()));
    }
}
