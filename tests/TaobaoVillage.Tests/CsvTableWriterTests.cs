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
public class CsvInjectionTests
{
    private static readonly string[] Attacks = ["=HYPERLINK(\"http://evil\",\"click\")", "+SUM(1,2)", "@SUM(A1)", "-2+3"];

    public static TheoryData<string> Commands() => ["score", "near-misses", "towns", "counties", "compare-years"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Csv_HostileNames_EveryFormulaNeutralisedUnlessRawCells(string command)
    {
        using var folder = new TempFolder();
        var records = folder.File("villages.csv");
        var list = folder.File("list.csv");
        static string Q(string a) => "\"" + a.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        File.WriteAllLines(records, [
            "village_code,village_name,county,township,year,committee,households,active_shops,annual_sales_cny",
            .. Attacks.Select(a => $"{Q(a)},{Q(a)},{Q(a)},{Q(a)},2016,village,400,30,9000000"),
        ]);
        File.WriteAllLines(list, [
            "year,province,city,county,township,village",
            .. new[] { 2015, 2016 }.SelectMany(y => Attacks.Select(a => $"{y},{Q(a)},市,{Q(a)},{Q(a)},{Q(a)}")),
        ]);
        string[] args = command switch
        {
            "score" or "near-misses" => [command, "--input", records, "--format", "csv"],
            "compare-years" => [command, "--list", list, "--from", "2015", "--to", "2016", "--level", "village", "--format", "csv"],
            _ => [command, "--list", list, "--all", "--format", "csv"],
        };
        if (command == "counties")
        {
            args = [command, "--list", list, "--format", "csv"];
        }

        var safe = PlannerRun.Run(args).Out;
        var raw = PlannerRun.Run([.. args, "--raw-cells"]).Out;

        var cells = Cells(safe);
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '@' && !decimal.TryParse(c, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.DoesNotContain(cells, c => c.StartsWith("-2+3", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.StartsWith('\'') && Attacks.Any(a => c.Contains(a[1..], StringComparison.Ordinal)));
        Assert.Contains(Cells(raw), c => Attacks.Any(a => c.StartsWith(a, StringComparison.Ordinal)));
    }

    private static List<string> Cells(string csv)
    {
        using var reader = CsvHelper.CsvReader.Create(new StringReader(csv), new CsvHelper.CsvReaderOptions { HasHeader = false, FieldCountMismatch = CsvHelper.CsvFieldCountHandling.Allow });
        var cells = new List<string>();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.GetString(i));
            }
        }

        return cells;
    }
}
