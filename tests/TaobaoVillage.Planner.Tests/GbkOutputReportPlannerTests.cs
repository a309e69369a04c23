using System.Text;
using TaobaoVillage.Csv;
using Xunit;

namespace TaobaoVillage.Tests;

public class GbkReportPlannerTests
{
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
}
