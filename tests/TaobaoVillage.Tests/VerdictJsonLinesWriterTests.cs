using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class VerdictJsonLinesWriterTests
{
    private static readonly BatchScorer Scorer = new(BuiltInRuleSets.AliResearch);

    private static readonly ScoredRow[] Rows =
    [
        new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("330782100001")) { Committee = CommitteeKind.Village, Households = 400, ActiveShops = 120, AnnualSales = Cny.FromYuan(12_000_000m) }),
        new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("330782100002")) { Households = 0 }),
    ];

    [Fact]
    public void Write_TwoRows_EachItsFormattedLineEndedByLineFeed()
    {
        var text = new StringWriter();
        using (var writer = new VerdictJsonLinesWriter(text, BuiltInRuleSets.AliResearch))
        {
            foreach (var row in Rows)
            {
                writer.Write(row);
            }
        }

        Assert.Equal(string.Concat(Rows.Select(r => VerdictJsonWriter.FormatLine(r, BuiltInRuleSets.AliResearch) + "\n")), text.ToString());
        Assert.Equal(["eligible", "invalid"], text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (string)JObject.Parse(l)["verdict"]!));
    }

    [Fact]
    public void Dispose_LeaveOpen_WriterStillWritable()
    {
        var text = new StringWriter();
        using (var writer = new VerdictJsonLinesWriter(text, BuiltInRuleSets.AliResearch, VerdictDetail.All, leaveOpen: true))
        {
            writer.WriteLine("{}");
        }

        text.Write("after");
        Assert.Equal("{}\nafter", text.ToString());
    }

    [Fact]
    public void Dispose_LeaveOpenOverABufferedWriter_Flushed()
    {
        var stream = new MemoryStream();
        var text = new StreamWriter(stream);
        using (var writer = new VerdictJsonLinesWriter(text, BuiltInRuleSets.AliResearch, VerdictDetail.All, leaveOpen: true))
        {
            writer.WriteLine("{}");
        }

        Assert.Equal("{}\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Dispose_NotLeaveOpen_WriterClosedAfterFlushing()
    {
        var stream = new MemoryStream();
        var text = new StreamWriter(stream);
        using (var writer = new VerdictJsonLinesWriter(text, BuiltInRuleSets.AliResearch))
        {
            writer.WriteLine("{\"a\":1}");
        }

        Assert.Equal("{\"a\":1}\n", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Throws<ObjectDisposedException>(() => text.Write('x'));
    }

    [Property(MaxTest = 100)]
    public Property Write_IntoAStream_TheTextLinesAsUtf8(NonNegativeInt detail, NonNegativeInt repeat) => Prop.ForAll(
        VillageArbitraries.RecordArrays(40),
        records =>
        {
            // Repeated so that some runs cross the 64 KiB blocks the stream writer gathers lines in.
            var rows = Enumerable.Repeat(records, 1 + (repeat.Get % 200)).SelectMany(r => r).Select(r => Scorer.ScoreOne(r)).ToArray();
            var text = new StringWriter();
            var bytes = new MemoryStream();
            using (var textLines = new VerdictJsonLinesWriter(text, BuiltInRuleSets.AliResearch, (VerdictDetail)(detail.Get % 3), leaveOpen: false))
            using (var byteLines = new VerdictJsonLinesWriter(bytes, BuiltInRuleSets.AliResearch, (VerdictDetail)(detail.Get % 3), leaveOpen: false))
            {
                foreach (var row in rows)
                {
                    textLines.Write(row);
                    byteLines.Write(row);
                }
            }

            return Encoding.UTF8.GetBytes(text.ToString()).AsSpan().SequenceEqual(bytes.ToArray());
        });

    [Fact]
    public void Write_RowWithoutVerdictAndItsRuleSet_NamesThatRuleSet()
    {
        // Scoring by year, a rejected row names the rule set of its year, not the writer's.
        var rejected = new BatchScorer(BuiltInRuleSets.Classic).ScoreOne(new VillageRecord(new VillageCode("330782100002")) { Households = 0 });
        var bytes = new MemoryStream();
        using (var lines = new VerdictJsonLinesWriter(bytes, BuiltInRuleSets.AliResearch))
        {
            lines.Write(Rows[0], BuiltInRuleSets.Classic);
            lines.Write(rejected, BuiltInRuleSets.Classic);
        }

        var written = Encoding.UTF8.GetString(bytes.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse).ToArray();
        Assert.Equal(["aliresearch", "classic"], written.Select(l => (string)l["rule_set"]!["id"]!));
    }

    [Fact]
    public void WriteLine_IntoAStream_Utf8WithLineFeed()
    {
        var bytes = new MemoryStream();
        using (var lines = new VerdictJsonLinesWriter(bytes, BuiltInRuleSets.AliResearch, VerdictDetail.All, leaveOpen: true))
        {
            lines.WriteLine("{\"name\":\"青岩刘村\"}");
        }

        Assert.Equal("{\"name\":\"青岩刘村\"}\n", Encoding.UTF8.GetString(bytes.ToArray()));
        Assert.True(bytes.CanWrite);
    }

    [Fact]
    public void Flush_StreamWriter_LinesReachTheStreamBeforeDispose()
    {
        var bytes = new MemoryStream();
        using var lines = new VerdictJsonLinesWriter(bytes, BuiltInRuleSets.AliResearch);
        lines.Write(Rows[0]);
        Assert.Equal(0, bytes.Length);

        lines.Flush();

        Assert.Equal(VerdictJsonWriter.FormatLine(Rows[0], BuiltInRuleSets.AliResearch) + "\n", Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public void Write_PastOneBlock_WholeLinesReachTheStreamWithoutFlush()
    {
        // Memory stays flat however many lines: the gathered block goes to the stream once it holds 64 KiB.
        var bytes = new MemoryStream();
        using var lines = new VerdictJsonLinesWriter(bytes, BuiltInRuleSets.AliResearch);
        var line = VerdictJsonWriter.FormatLine(Rows[0], BuiltInRuleSets.AliResearch).Length + 1;
        for (var i = 0; i <= (1 << 16) / line; i++)
        {
            lines.Write(Rows[0]);
        }

        Assert.InRange(bytes.Length, 1 << 16, (1 << 16) + line);
        Assert.Equal(0, bytes.Length % line);
    }

    [Fact]
    public void Dispose_StreamNotLeftOpen_StreamClosedAndWritesRefused()
    {
        var bytes = new MemoryStream();
        var lines = new VerdictJsonLinesWriter(bytes, BuiltInRuleSets.AliResearch);
        lines.Write(Rows[0]);

        lines.Dispose();
        lines.Dispose();

        Assert.False(bytes.CanWrite);
        Assert.Throws<ObjectDisposedException>(() => lines.Write(Rows[0]));
    }

    [Fact]
    public void Ctor_UndefinedDetail_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictJsonLinesWriter(new MemoryStream(), BuiltInRuleSets.AliResearch, (VerdictDetail)7, leaveOpen: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerdictJsonLinesWriter(new StringWriter(), BuiltInRuleSets.AliResearch, (VerdictDetail)7, leaveOpen: false));
    }
}
