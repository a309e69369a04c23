using TaobaoVillage.Csv;

namespace TaobaoVillage.Tests;

public class CsvTableWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+SUM(1,2)", "'+SUM(1,2)")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("-", "'-")]
    [InlineData("-5", "-5")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("青岩刘村", "青岩刘村")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Neutralise_Cell_FormulaGetsQuoteNumbersStay(string cell, string expected) =>
        Assert.Equal(expected, CsvTableWriter.Neutralise(cell));

    [Fact]
    public void WriteRow_Default_NeutralisedAndQuotedAsCsv()
    {
        var text = new StringWriter();
        using (var csv = new CsvTableWriter(text, leaveOpen: true))
        {
            csv.WriteRow("=1+1", "-7", null, "x,y");
        }

        Assert.Equal("'=1+1,-7,,\"x,y\"\n", text.ToString());
    }

    [Fact]
    public void WriteRow_NeutraliseOff_CellsAsTheyAre()
    {
        var text = new StringWriter();
        using (var csv = new CsvTableWriter(text, CsvOutputOptions.Default with { NeutraliseFormulas = false }, leaveOpen: true))
        {
            csv.WriteRow("=1+1", "@x");
        }

        Assert.Equal("=1+1,@x\n", text.ToString());
    }
}

/// <summary>Every CSV the planner writes is safe to open in Excel or WPS: no cell from the data runs as a formula.</summary>
