using TaobaoVillage.Planner;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public class ColumnMapTests
{
    private const string Csv = "编号,户籍人口户数,网店,销售（万）\n330782100001,400,150,1200\n";

    [Fact]
    public void Create_OwnNames_ReadAsTheirFieldsWithUnits()
    {
        var map = ColumnMap.Create(new Dictionary<string, string> { ["编号"] = "village_code", ["户籍人口 户数"] = "households", ["网店"] = "active_shops", ["销售(万)"] = "年销售额(万元)" });
        var row = CsvRecordReader.Read(new StringReader(Csv), options: new CsvRecordReaderOptions { Columns = map }).Single();

        Assert.Equal(new VillageRecord(new VillageCode("330782100001")) { Households = 400, ActiveShops = 150, AnnualSales = Cny.FromYuan(12_000_000m) }, row.Value);
    }

    [Fact]
    public void Create_UnknownTarget_RefusedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnMap.Create(new Dictionary<string, string> { ["人口"] = "population" }));

        Assert.Contains("'人口' → 'population'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderGivenTwice_RefusedWithItsLine()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ColumnMapJson.Parse("{\n  \"户数\": \"households\",\n  \"户数\": \"active_shops\"\n}", "map.json"));

        Assert.Equal("map.json:3: the header '户数' is given twice; give each header once.", ex.Message);
    }

    [Fact]
    public void LoadFile_LongerThanTheRuleFileLimit_RefusedAtTheLimit()
    {
        using var map = new TempFile(".json");
        File.WriteAllText(map.Path, "{\"户数\": \"households\"}" + new string(' ', TaobaoVillage.Json.RuleSetJson.MaxLength));

        var ex = Assert.Throws<InvalidDataException>(() => ColumnMapJson.LoadFile(map.Path));

        Assert.Equal($"{map.Path}: the column map is longer than the limit of 1,048,576 characters; it is not read further.", ex.Message);
    }

    [Fact]
    public void Score_ColumnsFromAnEndlessDevice_UsageErrorOneLine()
    {
        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--columns", "/dev/zero");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("error: /dev/zero: the column map is longer than the limit of 1,048,576 characters; it is not read further.", stderr.TrimEnd('\n'));
    }

    [Fact]
    public void Parse_ValueNotAString_LineNamed()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ColumnMapJson.Parse("{\n  \"户数\": \"households\",\n  \"网店\": 3\n}", "map.json"));

        Assert.StartsWith("map.json:3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ColumnsOption_FileScoredWithTheMap()
    {
        using var input = new TempFile(".csv");
        using var map = new TempFile(".json");
        File.WriteAllText(input.Path, Csv);
        File.WriteAllText(map.Path, """{"编号": "village_code", "户籍人口户数": "households", "网店": "active_shops", "销售（万）": "年销售额(万元)"}""");

        var without = PlannerRun.Run("score", "--input", input.Path, "--rules", "aliresearch", "--format", "csv");
        var with = PlannerRun.Run("score", "--input", input.Path, "--rules", "aliresearch", "--format", "csv", "--columns", map.Path);
        var bad = PlannerRun.Run("score", "--input", input.Path, "--columns", input.Path);

        Assert.Equal(1, without.Code);
        Assert.Contains("has no village-code column: it has '编号'", without.Err, StringComparison.Ordinal);
        Assert.Contains("330782100001,,indeterminate", with.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("error: ", bad.Err, StringComparison.Ordinal);
    }
}
