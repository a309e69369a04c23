using System.Text;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>The planners' own files: Chinese headers, 万元, thousands separators, GB18030 without being told.</summary>
public class PlannersFilesTests
{
    private const string Contract = "village_code,village_name,committee,households,active_shops,annual_sales_cny\n"
        + "330782100201,青岩刘村,village,400,150,12345678\n330782100202,下骆宅村,village,400,39,9999999.99\n330782100203,江湾社区,residents,400,150,25000000\n";

    private const string Chinese = "村代码,村名,类型,户数,活跃网店数,年销售额（万元）\n"
        + "330782100201,青岩刘村,村委会,400,150,\"1,234.5678\"\n330782100202,下骆宅村,村民委员会,４００,39,999.999999\n330782100203,江湾社区,居民委员会,400,150,\"2,500\"\n";

    private static List<string> Verdicts(IEnumerable<InputRow> rows) =>
        new BatchScorer(BuiltInRuleSets.AliResearch).Score(rows).Select(r => $"{r.Key} {r.StatusName} {r.Record?.AnnualSales?.Yuan.ToString("G29", System.Globalization.CultureInfo.InvariantCulture)}").ToList();

    [Fact]
    public void Read_ChineseHeadersWanYuanSeparatorsFullWidth_SameVerdictsAsTheContractFile()
    {
        var contract = Verdicts(CsvRecordReader.Read(new StringReader(Contract)));

        var chinese = Verdicts(CsvRecordReader.Read(new StringReader(Chinese)));

        Assert.Equal(["330782100201 eligible 12345678", "330782100202 not_eligible 9999999.99", "330782100203 not_eligible 25000000"], contract);
        Assert.Equal(contract, chinese);
    }

    [Fact]
    public void ReadStream_Gb18030WithCrlfNoEncodingGiven_SameVerdicts()
    {
        var bytes = CsvRecordReaderOptions.Gb18030.GetBytes(Chinese.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("GB18030", CsvRecordReader.DetectEncoding(new MemoryStream(bytes)).WebName.ToUpperInvariant());
        Assert.Equal(Verdicts(CsvRecordReader.Read(new StringReader(Contract))), Verdicts(CsvRecordReader.ReadStream(new MemoryStream(bytes))));
    }

    [Fact]
    public void DetectEncoding_Utf8WithAndWithoutBom_Utf8()
    {
        Assert.Equal("utf-8", CsvRecordReader.DetectEncoding(new MemoryStream(Encoding.UTF8.GetBytes(Chinese))).WebName);
        Assert.Equal("utf-8", CsvRecordReader.DetectEncoding(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Chinese)])).WebName);
    }

    [Fact]
    public void Score_Gb18030FileNoEncoding_ScoredAndTheGuessSaid()
    {
        using var folder = new TempFolder();
        var input = folder.File("office.csv");
        File.WriteAllBytes(input, CsvRecordReaderOptions.Gb18030.GetBytes(Chinese.Replace("\n", "\r\n", StringComparison.Ordinal)));

        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--input", input, "--format", "csv");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("read as GB18030", stderr, StringComparison.Ordinal);
        Assert.Contains("330782100201,,eligible", stdout.Replace(",\"\",", ",,", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("read 3, scored 3", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12,345,678", "12345678")]
    [InlineData("１２，３４５，６７８．５", "12345678.5")]
    [InlineData("1,5", null)]
    [InlineData("12,34,567", null)]
    public void Read_SalesAsSpreadsheetsWriteThem_ExactOrRejected(string cell, string? expected)
    {
        var row = CsvRecordReader.Read(new StringReader($"village_code,annual_sales_cny\n1,\"{cell}\"\n")).Single();

        Assert.Equal(expected, row.Parsed.Record?.AnnualSales?.Yuan.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null, row.Parsed.Problems.Any(p => p.Code == RecordProblemCodes.NotANumber));
    }

    [Theory]
    [InlineData("年销售额(亿元)", "0.5", "50000000")]
    [InlineData("年交易额（万元）", "999.9999", "9999999")]
    [InlineData("电商销售额 (元)", "10000000", "10000000")]
    [InlineData("annual_sales_cny", "10000000", "10000000")]
    public void Read_UnitInTheHeader_ConvertedExactly(string header, string cell, string yuan)
    {
        var row = CsvRecordReader.Read(new StringReader($"village_code,{header}\n1,{cell}\n")).Single();

        Assert.Equal(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture), row.Parsed.Record!.AnnualSales!.Value.Yuan);
    }
}

public class InputReportTests
{
    [Fact]
    public void Score_ChineseHeaders_SaysWhatEachColumnWasReadAsAndWhatNoRowCanDecide()
    {
        using var folder = new TempFolder();
        var input = folder.File("zh.csv");
        File.WriteAllText(input, "村代码,户数,网店数,年销售额（万元）,备注\n330782100201,400,150,1200,x\n");

        var (code, _, stderr, _) = PlannerRun.Run("score", "--input", input, "--format", "jsonl");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("columns read as 村代码 → village_code, 户数 → households, 网店数 → active_shops, 年销售额（万元） → annual_sales_cny.", stderr, StringComparison.Ordinal);
        Assert.Contains("not recognised, kept as attributes: 备注.", stderr, StringComparison.Ordinal);
        Assert.Contains("no row could decide administrative-village (needs committee (village / residents))", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ContractFile_SaysNothingAboutColumns()
    {
        var (_, _, stderr, _) = PlannerRun.Run("score", "--format", "jsonl");

        Assert.DoesNotContain("columns", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NoVillageCodeColumn_ExitOneWithOneLine()
    {
        using var folder = new TempFolder();
        var input = folder.File("semi.csv");
        File.WriteAllText(input, "village_code;households\n1;400\n2;300\n3;200\n");

        var (code, _, stderr, _) = PlannerRun.Run("score", "--input", input, "--format", "jsonl");

        Assert.Equal(1, code);
        Assert.Equal($"error: {input}: the header has no village-code column: it has 'village_code;households'; looked for village_code (or an alias: 村代码, 行政区划代码…).", stderr.Trim());
    }

    [Fact]
    public void Score_WorkbookWithoutACodeColumn_ExitOneWithOneLineNamingTheSheet()
    {
        using var folder = new TempFolder();
        var input = folder.File("no-code.xlsx");
        new TaobaoVillage.Tests.Excel.OfficeWorkbook { CodeHeader = "编号" }.Write(input, TaobaoVillage.Tests.Excel.OfficeWorkbook.Sample);

        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--input", input, "--format", "jsonl");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("sheet '统计', header row 1, has no village-code column: it has '序号', '编号', '村名'", stderr, StringComparison.Ordinal);
    }
}
