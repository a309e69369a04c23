using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// Junk for every reader — generated and hand-written — must come back as a clear problem or a rejected row: never an
/// unhandled exception, a hang or unbounded memory, and never a lost row.
/// </summary>
public class HostileInputTests
{
    private const string Header = "village_code,village_name,households,ecommerce_households,active_shops,annual_sales_cny,main_platform,committee";

    private static readonly Gen<string> Junk = Gen.Frequency(
        (3, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(a => new string(a))),
        (3, Gen.ArrayOf(Gen.Elements('"', ',', '\n', '\r', '{', '}', '[', ']', ':', '\\', 'a', '1', '.', '-', 'e', ' ', '\t', '\0')).Select(a => new string(a))),
        (1, Gen.Elements("NaN", "Infinity", "-Infinity", "1e400", "79228162514264337593543950336", "-0", "0x10", "１２３", "一千万", "null", "true", "[]", "{}")));

    // CSV records: any text after a valid header yields one row per physical line, and never throws.
    [Property(MaxTest = 500)]
    public Property CsvReader_JunkAfterHeader_EveryLineOneRowNoThrow() => Prop.ForAll(Arb.From(Junk), junk =>
    {
        var text = Header + "\n" + junk;
        var rows = CsvRecordReader.Read(new StringReader(text)).ToList();
        var counts = new BatchCounts();
        var scored = new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.Read(new StringReader(text)), counts).ToList();
        return rows.Count <= Lines(text).Count && counts.AddsUp && scored.Count == rows.Count
            && scored.All(r => r.Status != RowStatus.Invalid || r.Problems.Count > 0);
    });

    /// <summary>Lines as readers see them: \r\n, \r and \n all end a line.</summary>
    private static List<string> Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();

    [Property(MaxTest = 300)]
    public Property CsvReader_RandomBytes_NeverThrows() => Prop.ForAll(
        Arb.From(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
        bytes =>
        {
            var data = Encoding.UTF8.GetBytes(Header + "\n").Concat(bytes).ToArray();
            var rows = CsvRecordReader.ReadStream(new MemoryStream(data)).ToList();
            return rows.All(r => r.Parsed.IsValid || r.Parsed.Problems.Count > 0);
        });

    [Property(MaxTest = 500)]
    public Property JsonLinesReader_Junk_EveryNonBlankLineOneRow() => Prop.ForAll(Arb.From(Junk), junk =>
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader(junk)).ToList();
        var lines = Lines(junk).Count(l => !string.IsNullOrWhiteSpace(l));
        return rows.All(r => r.Parsed.IsValid || r.Parsed.Problems.Count > 0) && rows.Count <= lines;
    });

    [Property(MaxTest = 500)]
    public Property JsonArrayReader_Junk_NeverThrows() => Prop.ForAll(Arb.From(Junk), junk =>
        JsonRecordReader.ReadJsonArray(new StringReader("[" + junk)).All(r => r.Parsed.IsValid || r.Parsed.Problems.Count > 0));

    [Property(MaxTest = 500)]
    public Property RuleSetJson_Junk_ProblemsNeverThrows() => Prop.ForAll(Arb.From(Junk), junk =>
    {
        var result = RuleSetJson.Load(junk);
        return result.Succeeded || result.Problems.Count > 0;
    });

    [Property(MaxTest = 300)]
    public Property RuleSetJson_MutatedBuiltIn_ProblemsOrValid() => Prop.ForAll(
        Arb.From(Gen.Choose(0, 10_000)),
        Arb.From(Junk),
        (position, junk) =>
        {
            var text = RuleSetJson.Save(BuiltInRuleSets.AliResearch);
            var at = position % text.Length;
            var result = RuleSetJson.Load(text[..at] + junk + text[at..]);
            return result.Succeeded || result.Problems.All(p => !string.IsNullOrEmpty(p.Path) && !string.IsNullOrEmpty(p.Code));
        });

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("\"a string\"")]
    [InlineData("{\"id\": 5, \"version\": [], \"title\": {}, \"target\": true, \"effectiveYears\": \"2014\", \"criteria\": 3}")]
    [InlineData("{\"id\":\"x\",\"version\":\"1\",\"title\":\"t\",\"target\":\"village\",\"effectiveYears\":{\"from\":2020},\"criteria\":{\"id\":\"a\",\"metric\":\"annual_sales_cny\",\"comparison\":\"atLeast\",\"threshold\":NaN,\"unit\":\"cny\"}}")]
    [InlineData("{\"id\":\"x\",\"version\":\"1\",\"title\":\"t\",\"target\":\"village\",\"effectiveYears\":{\"from\":2020},\"criteria\":{\"id\":\"a\",\"metric\":\"annual_sales_cny\",\"comparison\":\"atLeast\",\"threshold\":Infinity,\"unit\":\"cny\"}}")]
    [InlineData("{\"id\":\"x\",\"version\":\"1\",\"title\":\"t\",\"target\":\"village\",\"effectiveYears\":{\"from\":2020},\"criteria\":{\"id\":\"a\",\"allOf\":[],\"anyOf\":[]}}")]
    public void RuleSetJson_HandWrittenJunk_Problems(string json)
    {
        var result = RuleSetJson.Load(json);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void RuleSetJson_DeeplyNestedArrays_MalformedNotStackOverflow()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        Assert.Contains(RuleSetJson.Load(json).Problems, p => p.Code == RuleProblemCodes.MalformedJson);
    }

    [Fact]
    public void RuleSetJson_TenMegabyteString_RejectedBeforeParsing()
    {
        var json = "{\"id\":\"x\",\"title\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        var problem = Assert.Single(RuleSetJson.Load(json).Problems);
        Assert.Equal(RuleProblemCodes.MalformedJson, problem.Code);
        Assert.Contains("limit", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvReader_HundredThousandColumns_RowsRejectedOrRead()
    {
        var header = "village_code," + string.Join(",", Enumerable.Range(0, 100_000).Select(i => "c" + i));
        var row = "1," + string.Join(",", Enumerable.Repeat("x", 100_000));

        var rows = CsvRecordReader.Read(new StringReader(header + "\n" + row + "\n2,short\n")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Parsed.IsValid);
        Assert.Equal(RecordProblemCodes.WrongCellCount, rows[1].Parsed.Problems.Single().Code);
    }

    [Fact]
    public void CsvReader_NoHeaderJustData_EveryRowRejectedNothingLost()
    {
        var rows = CsvRecordReader.Read(new StringReader("330782100201,青岩刘村,400\n330782100202,x,400\n330782100203,y,400\n")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(RecordProblemCodes.MissingVillageCode, r.Parsed.Problems.Single().Code));
    }

    [Fact]
    public void CsvReader_TenMegabyteCell_RejectedAsTooLong()
    {
        var rows = CsvRecordReader.Read(new StringReader(Header + "\n1," + new string('x', 10 * 1024 * 1024) + ",1,0,1,1,taobao,village\n2,ok,1,0,1,1,taobao,village\n")).ToList();

        Assert.Equal(RecordProblemCodes.TooLong, rows[0].Parsed.Problems.Single().Code);
        Assert.True(rows[1].Parsed.IsValid);
    }

    [Fact]
    public void JsonLinesReader_NumbersBeyondDecimal_Rejected()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader(
            "{\"village_code\":\"1\",\"annual_sales_cny\":1e400}\n{\"village_code\":\"2\",\"households\":99999999999999999999999999999999}\n{\"village_code\":\"3\",\"annual_sales_cny\":NaN}\n")).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.False(r.Parsed.IsValid));
    }

    [Fact]
    public void JsonLinesReader_DeepNesting_RejectedLine()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"1\",\"x\":" + new string('[', 10_000) + "\n{\"village_code\":\"2\"}\n")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.False(rows[0].Parsed.IsValid);
        Assert.True(rows[1].Parsed.IsValid);
    }
}

public class ReaderLimitOptionsTests
{
    [Fact]
    public void ReadJsonLines_LineOverConfiguredLimit_RejectedAsTooLong()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"1\",\"village_name\":\"" + new string('x', 200) + "\"}\n{\"village_code\":\"2\"}\n"), "x.jsonl",
            new JsonRecordReaderOptions { MaxLineLength = 100 }).ToList();

        Assert.Equal(RecordProblemCodes.TooLong, rows[0].Parsed.Problems.Single().Code);
        Assert.True(rows[1].Parsed.IsValid);
    }

    [Fact]
    public void ReadJsonLines_NestingOverConfiguredDepth_Rejected()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"1\",\"x\":[[1]]}\n"), null, new JsonRecordReaderOptions { MaxDepth = 2 }).ToList();

        Assert.False(rows.Single().Parsed.IsValid);
    }

    [Fact]
    public void Load_TextOverConfiguredLength_Reported()
    {
        var result = RuleSetJson.Load(RuleSetJson.Save(BuiltInRuleSets.Classic), new RuleSetJsonOptions { MaxLength = 100 });

        Assert.Contains("limit is 100", result.Problems.Single().Message, StringComparison.Ordinal);
    }
}

public class CsvRecordReaderLimitTests
{
    [Fact]
    public void Read_RecordOverMaxRecordBytes_OneRejectedRowForTheRestBoundedMemory()
    {
        var text = "village_code,village_name\n1,ok\n2," + new string('x', 300_000) + "\n3,never read\n";

        var rows = CsvRecordReader.Read(new StringReader(text), "big.csv", new CsvRecordReaderOptions { MaxRecordBytes = 100_000 }).ToList();

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Parsed.IsValid);
        Assert.Equal(RecordProblemCodes.Malformed, rows[1].Parsed.Problems.Single().Code);
        Assert.Contains("rest of the file", rows[1].Parsed.Problems.Single().Message, StringComparison.Ordinal);
    }
}
