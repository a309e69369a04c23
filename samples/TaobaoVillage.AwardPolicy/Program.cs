// The award policy on the planner's bundled sample: award-policy [villages.csv] [bonus-counties.txt]
using System.Globalization;
using TaobaoVillage.AwardPolicy;
using TaobaoVillage.Csv;

var villages = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data", "sample-villages.csv");
var counties = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "data", "bonus-counties.txt");
var records = CsvRecordReader.ReadFile(villages).Where(r => r.Value is not null).Select(r => r.Value!).ToList();
var listed = File.ReadLines(counties).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

var result = Policy.Run(records, listed);
foreach (var group in result.Awards.GroupBy(a => a.Reason.Split(' ', 2)[0] == "bonus" ? "bonus county" : a.Reason).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} award(s), CN¥{group.Sum(a => a.AmountCny):N2}"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: CN¥{result.TotalCny:N2}; collect data for {result.Requests.Select(r => r.Village).Distinct().Count()} village(s)"));
foreach (var request in result.Requests.OrderBy(r => r.Village, StringComparer.Ordinal).Take(10))
{
    Console.WriteLine("  " + request);
}
