using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Tests;

public class TwoUnitsTests
{
    [Theory]
    [InlineData("annual_sales_10k_cny(万元)")]
    [InlineData("annual_sales_10k_cny(亿元)")]
    [InlineData("annual_sales_10k_cny(元)")]
    [InlineData("年销售额(万元)(元)")]
    [InlineData("年销售额（万元）（亿元）")]
    public void Parse_HeaderWithTwoUnits_EveryRowRefusedWithTheCode(string header)
    {
        var rows = TaobaoVillage.Csv.CsvRecordReader.Read(new StringReader($"village_code,{header}\n330782100201,1000\n")).ToList();

        var problem = Assert.Single(Assert.Single(rows).Problems);
        Assert.Equal(RecordProblemCodes.TwoUnits, problem.Code);
        Assert.Contains("names a unit twice", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("annual_sales_10k_cny", 10_000_000)]
    [InlineData("年销售额(万元)", 10_000_000)]
    [InlineData("年销售额(亿元)", 100_000_000_000)]
    [InlineData("annual_sales_cny(万元)", 10_000_000)]
    [InlineData("annual_sales_cny", 1000)]
    public void Parse_HeaderWithOneUnit_ReadInIt(string header, long yuan)
    {
        var row = Assert.Single(TaobaoVillage.Csv.CsvRecordReader.Read(new StringReader($"village_code,{header}\n330782100201,1000\n")));

        Assert.Equal(yuan, row.Value!.AnnualSales!.Value.Yuan);
    }

    [Fact]
    public void Create_TargetWithTwoUnits_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ColumnMap.Create([new("销售", "annual_sales_10k_cny(万元)")]));

        Assert.Contains("names a unit twice", ex.Message, StringComparison.Ordinal);
    }
}
