using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class CsvRecordReaderTests
{
    private const string Header = "village_code,village_name,households,active_shops,annual_sales_cny\n";

    [Fact]
    public void ReadStream_Utf8WithBom_ReadsChineseNames()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "330782100001,青岩刘村,400,150,12000000\n")).ToArray();

        var row = Assert.Single(CsvRecordReader.ReadStream(new MemoryStream(bytes)));

        Assert.Equal("青岩刘村", row.Parsed.Record!.Name);
        Assert.Equal("330782100001", row.Parsed.Record.Code.Value);
    }

    [Fact]
    public void ReadStream_Gb18030_ReadsChineseNames()
    {
        var gb = CsvRecordReaderOptions.Gb18030;
        var bytes = gb.GetBytes(Header + "330782100001,青岩刘村,400,150,12000000\n");

        var row = Assert.Single(CsvRecordReader.ReadStream(new MemoryStream(bytes), "gb.csv", new CsvRecordReaderOptions { Encoding = gb }));

        Assert.Equal("青岩刘村", row.Parsed.Record!.Name);
    }

    [Fact]
    public void ReadStream_Gb18030ReadAsUtf8WhenToldSo_RejectsRowAsBadEncodingAndKeepsGoing()
    {
        var bytes = Encoding.UTF8.GetBytes(Header).Concat(CsvRecordReaderOptions.Gb18030.GetBytes("1,青岩刘村,400,150,12000000\n"))
            .Concat(Encoding.UTF8.GetBytes("2,ok,400,150,12000000\n")).ToArray();

        var rows = CsvRecordReader.ReadStream(new MemoryStream(bytes), "x.csv", CsvRecordReaderOptions.Default with { Encoding = new UTF8Encoding(false) }).ToList();
        var found = CsvRecordReader.ReadStream(new MemoryStream(bytes), "x.csv").ToList();

        // Not told, the reader finds the bytes are GB18030 and reads the name.
        Assert.Equal("青岩刘村", found[0].Parsed.Record!.Name);
        Assert.Equal(2, rows.Count);
        Assert.Equal(RecordProblemCodes.BadEncoding, rows[0].Parsed.Problems.Single().Code);
        Assert.Equal("village_name", rows[0].Parsed.Problems.Single().Field);
        Assert.True(rows[1].Parsed.IsValid);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommas_Parsed()
    {
        var rows = CsvRecordReader.Read(new StringReader(Header + "1,\"青岩, 刘村\",400,150,\"12000000\"\n")).ToList();

        Assert.Equal("青岩, 刘村", rows.Single().Parsed.Record!.Name);
    }

    [Fact]
    public void Read_HeaderOnly_NoRows() => Assert.Empty(CsvRecordReader.Read(new StringReader(Header)));

    [Fact]
    public void Read_Empty_NoRows() => Assert.Empty(CsvRecordReader.Read(new StringReader(string.Empty)));

    [Fact]
    public void Read_NoVillageCodeColumn_EveryRowRejected()
    {
        var rows = CsvRecordReader.Read(new StringReader("name,households\na,1\nb,2\n")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(RecordProblemCodes.MissingVillageCode, r.Parsed.Problems.Single().Code));
    }

    [Fact]
    public void Read_CellOverLimit_RejectedAsTooLong()
    {
        var row = CsvRecordReader.Read(new StringReader(Header + "1," + new string('x', 5000) + ",1,1,1\n")).Single();

        Assert.Equal(RecordProblemCodes.TooLong, row.Parsed.Problems.Single().Code);
        Assert.Equal("village_name", row.Parsed.Problems.Single().Field);
    }

    [Fact]
    public void Read_StrayQuoteOnOneLine_OnlyThatLineRejected()
    {
        var rows = CsvRecordReader.Read(new StringReader(Header + "1,\"bad,400,150,1\n2,good,400,150,1\n3,fine,400,150,1\n")).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal([false, true, true], rows.Select(r => r.Parsed.IsValid));
        Assert.Equal([2L, 3L, 4L], rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_TruncatedLastLine_ReportedNotLost()
    {
        var rows = CsvRecordReader.Read(new StringReader(Header + "1,a,400,150,1\n2,b,40")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal(RecordProblemCodes.WrongCellCount, rows[1].Parsed.Problems.Single().Code);
    }
}

public class JsonRecordReaderTests
{
    [Fact]
    public void ReadJsonLines_SnakeAndCamelCase_ReadSameRecord()
    {
        const string text = "{\"village_code\":\"1\",\"annual_sales_cny\":10000000.00,\"active_shops\":100}\n\n{\"villageCode\":\"2\",\"annualSalesCny\":\"10000000.00\",\"activeShops\":100}\n";

        var rows = JsonRecordReader.ReadJsonLines(new StringReader(text), "x.jsonl").ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal([1L, 3L], rows.Select(r => r.Line));
        Assert.Equal(10_000_000m, rows[0].Parsed.Record!.AnnualSales!.Value.Yuan);
        Assert.Equal(rows[0].Parsed.Record!.AnnualSales, rows[1].Parsed.Record!.AnnualSales);
    }

    [Fact]
    public void ReadJsonLines_BrokenLine_RejectedAndRestRead()
    {
        const string text = "{\"village_code\":\"1\"}\n{\"village_code\":\"2\",\n[1,2]\n{\"village_code\":\"3\",\"households\":{\"a\":1}}\n{\"village_code\":\"4\"}\n";

        var rows = JsonRecordReader.ReadJsonLines(new StringReader(text)).ToList();

        Assert.Equal(5, rows.Count);
        Assert.Equal([true, false, false, false, true], rows.Select(r => r.Parsed.IsValid));
        Assert.Equal("households", rows[3].Parsed.Problems.Single().Field);
    }

    [Fact]
    public void ReadJsonArray_Objects_ReadWithLines()
    {
        const string text = "[\n {\"village_code\":\"1\",\"households\":10},\n {\"village_code\":\"2\",\"households\":0}\n]";

        var rows = JsonRecordReader.ReadJsonArray(new StringReader(text)).ToList();

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Parsed.IsValid);
        Assert.Equal(RecordProblemCodes.ZeroHouseholds, rows[1].Parsed.Problems.Single().Code);
        Assert.Equal([2L, 3L], rows.Select(r => r.Line));
    }

    [Fact]
    public void ReadJsonArray_Truncated_ReportsOneRejectedRowForTheRest()
    {
        var rows = JsonRecordReader.ReadJsonArray(new StringReader("[{\"village_code\":\"1\"},{\"village_co")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Parsed.IsValid);
        Assert.Equal(RecordProblemCodes.Malformed, rows[1].Parsed.Problems.Single().Code);
    }

    [Fact]
    public void ReadJsonArray_NotAnArray_Reported() =>
        Assert.Equal(RecordProblemCodes.Malformed, JsonRecordReader.ReadJsonArray(new StringReader("{}")).Single().Parsed.Problems.Single().Code);

    [Property(MaxTest = 100)]
    public Property ReadJsonLines_WrittenRecord_KeepsEveryField() => Prop.ForAll(VillageArbitraries.Records(), record =>
    {
        var json = new JObject
        {
            ["village_code"] = record.Code.Value,
            ["year"] = record.Year,
            ["households"] = record.Households,
            ["ecommerce_households"] = record.EcommerceHouseholds,
            ["active_shops"] = record.ActiveShops,
            ["annual_sales_cny"] = record.AnnualSales?.Yuan,
            ["main_platform"] = record.MainPlatform is { } p ? DomainNames.Name(p) : null,
            ["committee"] = record.Committee is { } c ? DomainNames.Name(c) : null,
        };
        var back = JsonRecordReader.ReadJsonLines(new StringReader(json.ToString(Newtonsoft.Json.Formatting.None))).Single().Parsed.Record;
        return record.Equals(back);
    });
}

public class CsvRoundTripTests
{
    [Property(MaxTest = 100)]
    public Property Read_WrittenRecord_KeepsEveryField() => Prop.ForAll(VillageArbitraries.Records(), record =>
    {
        var csv = "village_code,year,households,ecommerce_households,active_shops,annual_sales_cny,main_platform,committee\n"
            + string.Join(",", record.Code.Value, record.Year, record.Households, record.EcommerceHouseholds, record.ActiveShops,
                record.AnnualSales?.Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture),
                record.MainPlatform is { } p ? DomainNames.Name(p) : string.Empty,
                record.Committee is { } c ? DomainNames.Name(c) : string.Empty) + "\n";
        var back = CsvRecordReader.Read(new StringReader(csv)).Single().Parsed.Record;
        return record.Equals(back);
    });
}

public class VerdictJsonWriterTests
{
    [Fact]
    public void FormatLine_Eligible_HasContractFields()
    {
        var record = new VillageRecord(new VillageCode("330782100001"))
        {
            Year = 2016, Committee = CommitteeKind.Village, Households = 400, ActiveShops = 39, AnnualSales = Cny.FromYuan(9_999_999.99m),
        };
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(record);

        var json = JObject.Parse(VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch));

        Assert.Equal("330782100001", (string?)json["village_code"]);
        Assert.Equal("not_eligible", (string?)json["verdict"]);
        Assert.Equal("aliresearch", (string?)json["rule_set"]!["id"]);
        Assert.Equal("2022.2", (string?)json["rule_set"]!["version"]);
        Assert.Equal("sha256:b50dc0be3f93cbddfd222418bbfee087b81b0f0dee041cefd3ff4574fae4e0d1", (string?)json["rule_set"]!["hash"]);
        var sales = json["criteria"]!.Single(c => (string?)c["id"] == "annual-sales");
        Assert.Equal("fail", (string?)sales["outcome"]);
        Assert.Equal(9_999_999.99m, (decimal)sales["actual"]!);
        Assert.Equal(10_000_000m, (decimal)sales["threshold"]!);
        Assert.Equal(0.01m, (decimal)sales["shortfall"]!["amount"]!);
        Assert.Equal("cny", (string?)sales["shortfall"]!["unit"]);
        var share = json["criteria"]!.Single(c => (string?)c["id"] == "active-shop-share");
        Assert.Equal(0.0975m, (decimal)share["actual"]!);
        Assert.Equal(1m, (decimal)share["shortfall"]!["amount"]!);
        Assert.Equal("shops", (string?)share["shortfall"]!["unit"]);
    }

    [Fact]
    public void FormatLine_Invalid_HasErrorsWithLineAndField()
    {
        var input = CsvRecordReader.Read(new StringReader("village_code,households\n330782100001,0\n"), "v.csv");
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).Score(input).Single();

        var json = JObject.Parse(VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch));

        Assert.Equal("invalid", (string?)json["verdict"]);
        var error = json["errors"]!.Single();
        Assert.Equal(2, (int)error["line"]!);
        Assert.Equal("households", (string?)error["field"]);
        Assert.Equal(RecordProblemCodes.ZeroHouseholds, (string?)error["code"]);
        Assert.Null(json["criteria"]);
    }
}

public class CsvVerdictWriterTests
{
    [Fact]
    public void Write_Rows_OneColumnPerCriterion()
    {
        var input = CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv"));
        var text = new StringWriter();
        using (var writer = new CsvVerdictWriter(text, BuiltInRuleSets.AliResearch, leaveOpen: true))
        {
            foreach (var row in new BatchScorer(BuiltInRuleSets.AliResearch).Score(input))
            {
                writer.Write(row);
            }
        }

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("line,village_code,year,verdict,rule_set,rule_set_version,administrative-village,annual-sales,active-shops,active-shop-count,active-shop-share,needs,errors,village_name,annual-sales shortfall,active-shop-count shortfall,active-shop-share shortfall,annual-sales value,active-shop-count value,active-shop-share value", lines[0]);
        Assert.Equal(19, lines.Length);
        Assert.StartsWith("4,330782100003,2016,not_eligible,aliresearch,2022.2,pass,fail,pass,pass,pass,CN¥0.01 more annual e-commerce sales,", lines[3], StringComparison.Ordinal);
    }
}

public class VerdictJsonWriterRoundTripTests
{
    // The one writer escapes by hand: every line must read back, with the code and each criterion as the verdict has them.
    [Property(MaxTest = 300)]
    public Property FormatLine_AnyRecordAndHostileCode_ReadsBackAsTheVerdict() => Prop.ForAll(
        VillageArbitraries.Records(),
        Arb.From(Gen.Elements("330782100001", "村\"1\"", "a\\b", "tab\there", "é", "\u2028x\u0001")),
        (record, code) =>
        {
            var named = record with { Code = new VillageCode(code) };
            foreach (var rules in BuiltInRuleSets.All.Where(r => r.Target == RuleTarget.Village))
            {
                var row = new BatchScorer(rules).ScoreOne(named);
                var json = JObject.Parse(VerdictJsonWriter.FormatLine(row, rules));
                if ((string?)json["village_code"] != named.Code.Value || (string?)json["verdict"] != row.StatusName)
                {
                    return false;
                }

                if (row.Verdict is { } verdict && !((JArray)json["criteria"]!).Select(c => ((string?)c["id"], (string?)c["outcome"], c["shortfall"] is JObject s ? (decimal?)s["amount"] : null))
                    .SequenceEqual(verdict.Explained.Select(r => ((string?)r.Id, (string?)StatusNames.Name(r.Outcome), r.Shortfall?.Amount))))
                {
                    return false;
                }
            }

            return true;
        });
}

public class SingleCriterionRuleSetTests
{
    // Regression: a rule set whose root is one criterion (aliresearch-town-2014) wrote "criteria":[] with nothing explained.
    [Fact]
    public void WriteCriteria_RootIsACondition_ListsIt()
    {
        var verdict = BuiltInRuleSets.AliResearchTown2014.Compile().Evaluate(new TownshipFigures("330782100") { TaobaoVillages = 2 });
        var criterion = JArray.Parse(VerdictJsonWriter.FormatCriteria(verdict)).Single();
        Assert.Equal("taobao-villages", (string?)criterion["id"]);
        Assert.Equal("fail", (string?)criterion["outcome"]);
        Assert.Equal(1m, (decimal)criterion["shortfall"]!["amount"]!);
    }
}
