using System.Text;
using TaobaoVillage.Csv;
using Xunit;

namespace TaobaoVillage.Tests;

/// <summary>GB18030 out that GBK (code page 936) software shows (issue 25): ¥ as the full-width ￥, the rest as GB18030.</summary>
public class GbkOutputTests
{
    internal static Encoding StrictCp936()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
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
