using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

/// <summary>
/// Every problem the JSON record reader reports, written out by hand: line, field, code, message and the value quoted,
/// for JSON Lines (<c>L</c>) and JSON arrays (<c>A</c>), with the limits each case sets.
/// </summary>
public class JsonRecordReaderMessagesTests
{
    [Theory]
    // The line limit: exactly at it is read, one past it is refused unread.
    [InlineData("L", 10, 16, "{\"a\":\"12\"}", "1 village_code|missing-village-code|The village code is required.|")]
    [InlineData("L", 10, 16, "{\"a\":\"123\"}", "1 *|too-long|The line is 11 characters long; the limit is 10.|")]
    [InlineData("L", 100, 16, "[1]", "1 *|malformed|A JSON Lines row is one JSON object.|[1]")]
    [InlineData("L", 100, 16, "{\"village_code\":\"1\",\"households\":", "1 *|malformed|The object is not closed: the text is truncated.| key=1")]
    [InlineData("L", 100, 16, "{\"village_code\":\"1\",\"households\":4}\n\n  \n{\"village_code\":\"2\",\"households\":4}", "1 ok 1 || 4 ok 2")]
    [InlineData("L", 100, 16, "{\"village_code\":\"1\",\"households\":4}\n", "1 ok 1")]
    [InlineData("L", 100, 16, "{\"village_code\":\"1\",\"households\":4}\r\n{\"village_code\":\"2\",\"households\":4}\r{\"village_code\":\"3\",\"households\":4}", "1 ok 1 || 2 ok 2 || 3 ok 3")]
    // Nesting as the parser counts it: a list in a field is two levels; past the limit the parser itself refuses the line.
    [InlineData("L", 100, 2, "{\"village_code\":\"1\",\"households\":[1,2]}", "1 households|malformed|Expected a string, number or null.| key=1")]
    [InlineData("L", 100, 2, "{\"village_code\":\"1\",\"households\":[[1],2]}", "1 *|malformed|Malformed JSON: The reader's MaxDepth of 2 has been exceeded.|{\"village_code\":\"1\",\"households\":[[1],2]}")]
    [InlineData("A", 100, 16, "", "1 *|malformed|The file holds no JSON array.|")]
    [InlineData("A", 100, 16, "{\"village_code\":\"1\"}", "1 *|malformed|A JSON records file is an array of objects.|")]
    [InlineData("A", 100, 16, "[{\"village_code\":\"1\",\"households\":4},", "1 ok 1 || 1 *|malformed|The file ends inside the array: it is truncated.|")]
    [InlineData("A", 100, 16, "[1, {\"village_code\":\"2\",\"households\":4}, \"x\", {\"village_code\":\"3\",\"households\":4}]",
        "1 *|malformed|An array element is a Integer, not an object.| || 1 ok 2 || 1 *|malformed|An array element is a String, not an object.| || 1 ok 3")]
    [InlineData("A", 100, 16, "[{\"village_code\":\"1\",\"households\":4},\n {\"village_code\":\"2\", \"households\": }]",
        "1 ok 1 || 2 *|malformed|Malformed JSON; the rest of the file is not read: Unexpected character encountered while parsing value: }.|")]
    [InlineData("A", 100, 16, "[{\"village_code\":\"1\",\"households\":4}\n,\n{\"village_code\":\"2\",\"households\":4}]", "1 ok 1 || 3 ok 2")]
    [InlineData("A", 100, 2, "[{\"village_code\":\"1\",\"households\":[1,2]}]", "1 households|malformed|Expected a string, number or null.| key=1")]
    [InlineData("A", 100, 2, "[{\"village_code\":\"1\",\"households\":[[1],2]}]", "1 households|malformed|The value is nested 3 levels deep; the limit is 2.| key=1")]
    [InlineData("A", 100, 2, "[{\"village_code\":\"1\",\"户数\":{\"a\":{\"b\":{\"c\":1}}}},{\"village_code\":\"2\",\"households\":4}]",
        "1 households|malformed|The value is nested 4 levels deep; the limit is 2.| key=1 || 1 ok 2")]
    public void Read_Input_ExactProblems(string kind, int maxLineLength, int maxDepth, string text, string expected)
    {
        var options = new JsonRecordReaderOptions { MaxLineLength = maxLineLength, MaxDepth = maxDepth };

        var rows = kind == "L" ? JsonRecordReader.ReadJsonLines(new StringReader(text), "f", options) : JsonRecordReader.ReadJsonArray(new StringReader(text), "f", options);

        Assert.Equal(expected, Render(rows));
    }

    [Fact]
    public void ReadJsonLines_MalformedLongLine_FirstSentenceAndValueShortenedTo80()
    {
        var line = "{\"village_code\":\"1\",\"households\": tru" + new string('x', 90);

        var problem = Assert.Single(Assert.Single(JsonRecordReader.ReadJsonLines(new StringReader(line))).Problems);

        Assert.Equal("Malformed JSON: Error parsing boolean value.", problem.Message);
        Assert.Equal(string.Concat(line.AsSpan(0, 77), "..."), problem.Value);
        Assert.Equal(80, problem.Value!.Length);
    }

    [Fact]
    public void ReadJsonLines_LineOf80_QuotedWhole()
    {
        var line = "[" + new string('1', 78) + "]";

        Assert.Equal(line, Assert.Single(Assert.Single(JsonRecordReader.ReadJsonLines(new StringReader(line))).Problems).Value);
    }

    [Fact]
    public void ReadJsonArray_ElementPastTheBudget_RestOfFileOneRejectedRow()
    {
        // The budget is the line limit or 64 KiB, whichever is more, and 8 KiB besides.
        var text = "[{\"village_code\":\"1\",\"households\":4},{\"village_code\":\"2\",\"note\":\"" + new string('x', 80_000) + "\"},{\"village_code\":\"3\"}]";

        var rows = JsonRecordReader.ReadJsonArray(new StringReader(text), options: new JsonRecordReaderOptions { MaxLineLength = 10 }).ToList();

        Assert.Equal(2, rows.Count);
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal("*", problem.Field);
        Assert.Equal((RecordProblemCodes.TooLong, "An element is longer than 73,728 characters; the rest of the file is not read."), (problem.Code, problem.Message));
    }

    [Fact]
    public void ReadJsonArray_ElementsUnderTheBudgetOneAfterAnother_AllRead()
    {
        // The budget is per element: many elements near it, together far past it, are each read.
        var element = "{\"village_code\":\"{0}\",\"households\":4,\"note\":\"" + new string('x', 60_000) + "\"}";
        var text = "[" + string.Join(",", Enumerable.Range(1, 5).Select(i => element.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))) + "]";

        Assert.Equal(["1", "2", "3", "4", "5"], JsonRecordReader.ReadJsonArray(new StringReader(text)).Select(r => r.Parsed.Key));
    }

    [Fact]
    public void Read_DefaultOptions_CommitteeInferredFromName()
    {
        const string line = "{\"village_code\":\"1\",\"village_name\":\"城关社区居委会\",\"households\":4}";

        Assert.Equal(CommitteeKind.Residents, Assert.Single(JsonRecordReader.ReadJsonLines(new StringReader(line))).Value!.Committee);
        Assert.Equal(CommitteeKind.Residents, Assert.Single(JsonRecordReader.ReadJsonArray(new StringReader("[" + line + "]"))).Value!.Committee);
        Assert.Null(Assert.Single(JsonRecordReader.ReadJsonLines(new StringReader(line), options: new JsonRecordReaderOptions { InferCommitteeFromName = false })).Value!.Committee);
    }

    // Regression: in a JSON array a number over 400 characters was read back from its last 400 only, so
    // 0.000…0001 (500 zeros) became CN¥1; JSON Lines refused it. Both now read every digit and refuse it as inexact.
    [Fact]
    public void Read_NumberOver400Characters_EveryDigitReadInBothFormats()
    {
        var record = "{\"village_code\":\"1\",\"households\":400,\"annual_sales_cny\":0." + new string('0', 500) + "1}";

        foreach (var row in new[] { JsonRecordReader.ReadJsonLines(new StringReader(record)).Single(), JsonRecordReader.ReadJsonArray(new StringReader("[" + record + "]")).Single() })
        {
            var problem = Assert.Single(row.Problems);
            Assert.Equal(("annual_sales_cny", RecordProblemCodes.Inexact), (problem.Field, problem.Code));
        }
    }

    [Fact]
    public void ReadJsonArray_LongExactNumber_ReadWhole()
    {
        // 455 characters for CN¥12,345,678: 448 places after the point, an exponent of 448. Its last 400 alone are out of range.
        var sales = "0." + new string('0', 440) + "12345678e448";

        var row = Assert.Single(JsonRecordReader.ReadJsonArray(new StringReader("[{\"village_code\":\"1\",\"households\":400,\"annual_sales_cny\":" + sales + "}]")));

        Assert.Equal(12_345_678m, row.Value!.AnnualSales!.Value.Yuan);
    }

    [Fact]
    public void ReadJsonArray_AfterReading_CallersReaderStillOpen()
    {
        var reader = new StringReader("[{\"village_code\":\"1\",\"households\":4}]  tail");

        Assert.Single(JsonRecordReader.ReadJsonArray(reader), r => r.IsValid);

        Assert.Equal(-1, reader.Peek());
    }

    [Fact]
    public void ReadJsonArray_ElementJustUnderLineLimitAnd8KiB_Read()
    {
        // The element budget is the line limit (here 200,000) and 8 KiB more: an element of about 203,500 characters fits.
        var fields = string.Concat(Enumerable.Range(0, 29).Select(i => $",\"note{i}\":\"{new string('x', 7_000)}\""));
        var element = "{\"village_code\":\"1\",\"households\":4" + fields + "}";

        var row = Assert.Single(JsonRecordReader.ReadJsonArray(new StringReader("[" + element + "]"), options: new JsonRecordReaderOptions { MaxLineLength = 200_000 }));

        Assert.InRange(element.Length, 200_001, 208_192);
        Assert.True(row.IsValid);
    }

    private static string Render(IEnumerable<InputRow> rows) => string.Join(" || ", rows.Select(r => r.IsValid
        ? $"{r.Line} ok {r.Parsed.Key}"
        : $"{r.Line} {string.Join(" && ", r.Problems.Select(p => $"{p.Field}|{p.Code}|{p.Message}|{p.Value}"))}{(r.Parsed.Key is { } key ? " key=" + key : string.Empty)}"));
}
