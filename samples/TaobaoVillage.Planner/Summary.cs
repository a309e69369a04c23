using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planner;

/// <summary>Counts by verdict and county, and the rejected rows, of one scoring run.</summary>
public sealed class Summary
{
    private readonly IReadOnlyList<RuleSet> _ruleSets;
    private readonly HashSet<RuleSet> _used = [];
    private readonly Dictionary<string, int[]> _byCounty = new(StringComparer.Ordinal);
    private readonly List<ScoredRow> _rejected = [];

    /// <summary>Creates an empty summary.</summary>
    /// <param name="ruleSets">The rule sets scored with (one, or the sets by year).</param>
    public Summary(IReadOnlyList<RuleSet> ruleSets) => _ruleSets = ruleSets;

    /// <summary>The most rejected rows listed.</summary>
    public const int MaxRejectedListed = 20;

    /// <summary>Adds one scored row.</summary>
    /// <param name="row">The row.</param>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Verdict is { } verdict)
        {
            _used.Add(verdict.RuleSet);
        }

        if (row.Status == RowStatus.Invalid)
        {
            if (_rejected.Count < MaxRejectedListed)
            {
                _rejected.Add(row);
            }

            return;
        }

        var county = row.Record is { } r ? string.Join(" ", new[] { r.Province, r.County }.Where(s => s is not null)) : "?";
        if (string.IsNullOrWhiteSpace(county))
        {
            county = "(no county given)";
        }

        if (!_byCounty.TryGetValue(county, out var c))
        {
            _byCounty[county] = c = new int[3];
        }

        c[row.Status switch { RowStatus.Eligible => 0, RowStatus.NotEligible => 1, _ => 2 }]++;
    }

    /// <summary>Writes the summary: counts, a bar chart, counties, and the rejected rows with their reasons.</summary>
    /// <param name="console">The console.</param>
    /// <param name="input">The input's name.</param>
    /// <param name="counts">The run's counts.</param>
    public void Render(IAnsiConsole console, string input, BatchCounts counts)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(counts);
        // The sets the rows were judged by (all of them when none was used, as for an empty file).
        var shown = _used.Count > 0 ? _ruleSets.Where(_used.Contains).ToList() : [.. _ruleSets];
        console.Write(new Rule($"{Terminal.Text(Path.GetFileName(input))} under {Terminal.Text(string.Join(", ", shown))}{(_ruleSets.Count > 1 ? " (each row by its year)" : string.Empty)}").LeftJustified());
        foreach (var ruleSet in shown)
        {
            console.MarkupLine(Terminal.Text($"{ruleSet.Title} ({ruleSet.EffectiveYears}); {ruleSet.Citation?.Source}"));
        }

        console.WriteLine();
        console.Write(new BarChart()
            .Label($"{counts.Read:N0} rows read = {counts.Scored:N0} scored + {counts.Rejected:N0} rejected")
            .Width(72)
            .AddItem("eligible", counts.Eligible, Color.Green)
            .AddItem("not eligible", counts.NotEligible, Color.Red)
            .AddItem("indeterminate", counts.Indeterminate, Color.Yellow)
            .AddItem("rejected", counts.Rejected, Color.Grey));
        console.WriteLine();

        var provinces = _byCounty
            .GroupBy(kv => kv.Key.Split(' ')[0], StringComparer.Ordinal)
            .Select(g => (Province: g.Key, Eligible: g.Sum(kv => kv.Value[0])))
            .OrderByDescending(p => p.Eligible)
            .ThenBy(p => p.Province, StringComparer.Ordinal)
            .Take(31)
            .ToList();
        if (provinces.Count > 1)
        {
            var chart = new BarChart().Label("Taobao Villages by province").Width(72);
            foreach (var (province, eligible) in provinces)
            {
                chart.AddItem(province, eligible, Color.Green);
            }

            console.Write(chart);
            console.WriteLine();
        }

        var table = new Table().Title("By county");
        table.AddColumns("county", "eligible", "not eligible", "indeterminate");
        foreach (var (county, c) in _byCounty.OrderByDescending(kv => kv.Value[0]).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20))
        {
            table.AddRow(Terminal.Text(county), c[0].ToString("N0", System.Globalization.CultureInfo.InvariantCulture), c[1].ToString("N0", System.Globalization.CultureInfo.InvariantCulture), c[2].ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (_rejected.Count > 0)
        {
            var rejected = new Table().Title($"Rejected rows ({counts.Rejected:N0}; not evaluated)");
            rejected.AddColumns("line", "village_code", "field", "problem");
            foreach (var row in _rejected)
            {
                foreach (var p in row.Problems)
                {
                    rejected.AddRow(row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Terminal.Text(row.Key ?? "?"), Terminal.Text(p.Field), Terminal.Text($"{p.Message} [{p.Code}]" + (p.Value is null ? string.Empty : $" (value '{p.Value}')")));
                }
            }

            console.Write(rejected);
        }
    }
}
