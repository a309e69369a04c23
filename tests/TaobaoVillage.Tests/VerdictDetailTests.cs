using System.Buffers;
using System.Text;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class VerdictDetailTests
{
    private static List<ScoredRow> Mixed() => [.. new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv")))];

    [Fact]
    public void FormatLine_Failing_OnlyTheCriteriaNotPassingSameFieldsAsAll()
    {
        foreach (var row in Mixed().Where(r => r.Verdict is not null))
        {
            var all = JObject.Parse(VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch));
            var failing = JObject.Parse(VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch, VerdictDetail.Failing));

            var expected = ((JArray)all["criteria"]!).Where(c => (string?)c["outcome"] != "pass").Select(c => c.ToString()).ToList();
            Assert.Equal(expected, ((JArray)failing["criteria"]!).Select(c => c.ToString()));
            Assert.Equal((string?)all["verdict"], (string?)failing["verdict"]);
        }
    }

    [Fact]
    public void WriteLine_Verdict_NoCriteriaButInvalidRowsKeepTheirErrors()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var rows = Mixed();
        foreach (var row in rows)
        {
            VerdictJsonWriter.WriteLine(row, BuiltInRuleSets.AliResearch, buffer, VerdictDetail.Verdict);
        }

        var lines = Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n').Split('\n').Select(JObject.Parse).ToList();
        Assert.Equal(rows.Count, lines.Count);
        Assert.All(lines, l => Assert.Null(l["criteria"]));
        Assert.All(lines.Where(l => (string?)l["verdict"] == "invalid"), l => Assert.NotEmpty((JArray)l["errors"]!));
        Assert.Equal(rows.Select(r => r.StatusName), lines.Select(l => (string)l["verdict"]!));
    }

    [Fact]
    public void WriteLine_UndefinedDetail_Throws()
    {
        var row = Mixed()[0];

        Assert.Throws<ArgumentOutOfRangeException>(() => VerdictJsonWriter.WriteLine(row, BuiltInRuleSets.AliResearch, new ArrayBufferWriter<byte>(), (VerdictDetail)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch, (VerdictDetail)7));
    }

}
