using TaobaoVillage.Csv;

namespace TaobaoVillage.Tests;

public class CsvInjectionTests
{
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

    private static readonly string[] Attacks = ["=HYPERLINK(\"http://evil\",\"click\")", "+SUM(1,2)", "@SUM(A1)", "-2+3"];

    public static TheoryData<string> Commands() => ["score", "near-misses", "towns", "counties", "compare-years"];

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
