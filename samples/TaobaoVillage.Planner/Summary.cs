using System.Globalization;
using TaobaoVillage.Engine;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Rules;
using TaobaoVillage.Aggregation;

namespace TaobaoVillage.Planner;

/// <summary>Counts by verdict and county, and the rejected rows, of one scoring run.</summary>
public sealed class Summary
{
    private readonly IReadOnlyList<RuleSet> _ruleSets;
    private readonly HashSet<RuleSet> _used = [];
    private readonly RegionTally _byCounty = new(RegionLevel.County);
    private readonly RegionTally _byProvince = new(RegionLevel.Province);
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

        if (row.Status == Eligibility.Invalid)
        {
            if (_rejected.Count < MaxRejectedListed)
            {
                _rejected.Add(row);
            }

            return;
        }

        _byCounty.Add(row);
        _byProvince.Add(row);
    }

    /// <summary>The counts as a bar chart, and the total rows (合计…) among the rejected ones, when there are any.</summary>
    private static void RenderCounts(IAnsiConsole console, BatchCounts counts)
    {
        console.WriteLine();
        console.Write(new BarChart()
            .Label(Words.Format("RowsRead", counts.Read, counts.Scored, counts.Rejected))
            .Width(72)
            .AddItem(Words.Verdict(Eligibility.Eligible), counts.Eligible, Color.Green)
            .AddItem(Words.Verdict(Eligibility.NotEligible), counts.NotEligible, Color.Red)
            .AddItem(Words.Verdict(Eligibility.Indeterminate), counts.Indeterminate, Color.Yellow)
            .AddItem(Words.Get("Rejected"), counts.Rejected, Color.Grey));
        if (counts.TotalRows > 0)
        {
            console.MarkupLine(Terminal.Text(Words.Format("Total rows (合计, 小计…) among the rejected, not villages: {0:N0}.", counts.TotalRows)));
        }

        console.WriteLine();
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
        console.Write(new Rule(Words.Format(_ruleSets.Count > 1 ? "{0} under {1} (each row by its year)" : "{0} under {1}", Terminal.Text(Path.GetFileName(input)), Terminal.Text(string.Join(", ", shown)))).LeftJustified());
        foreach (var ruleSet in shown)
        {
            console.MarkupLine(Terminal.Text(Words.Format("{0} ({1}); {2}", Words.Title(ruleSet), Words.Years(ruleSet.EffectiveYears), ruleSet.Citation?.SourceIn(CultureInfo.CurrentUICulture) ?? "")));
        }

        RenderCounts(console, counts);
        RenderProvinces(console);
        RenderCounties(console);
        RenderRejected(console, counts);
    }

    private void RenderProvinces(IAnsiConsole console)
    {
        var provinces = _byProvince.Rows().Take(31).ToList();
        if (provinces.Count <= 1)
        {
            return;
        }

        var chart = new BarChart().Label(Words.Get("ByProvince")).Width(72);
        foreach (var p in provinces)
        {
            chart.AddItem(p.Region.Province, p.Eligible, Color.Green);
        }

        console.Write(chart);
        console.WriteLine();
    }

    private void RenderCounties(IAnsiConsole console)
    {
        var table = new Table().Title(Words.Get("ByCounty"));
        table.AddColumns(Words.Get("CountyColumn"), Words.Verdict(Eligibility.Eligible), Words.Verdict(Eligibility.NotEligible), Words.Verdict(Eligibility.Indeterminate));
        foreach (var c in _byCounty.Rows().Take(20))
        {
            table.AddRow(Terminal.Text(CountyName(c.Region)), N(c.Eligible), N(c.NotEligible), N(c.Indeterminate));
        }

        console.Write(table);
    }

    private void RenderRejected(IAnsiConsole console, BatchCounts counts)
    {
        if (_rejected.Count == 0)
        {
            return;
        }

        var rejected = new Table().Title(Words.Format("Rejected rows ({0:N0}; not evaluated)", counts.Rejected));
        rejected.AddColumns(Words.Get("line"), Words.Get("village_code"), Words.Get("field"), Words.Get("problem"));
        foreach (var row in _rejected)
        {
            foreach (var p in row.Problems)
            {
                rejected.AddRow(row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Terminal.Text(row.Key ?? "?"), Terminal.Text(p.Field), Terminal.Text(Tables.ReasonWithValue(p)));
            }
        }

        console.Write(rejected);
    }

    /// <summary>A county for people, or a note when the rows name none.</summary>
    internal static string CountyName(TaobaoVillage.Aggregation.Region region) =>
        string.IsNullOrWhiteSpace(region.Province + region.City + region.County) ? Words.Get("(no county given)") : OutputRow.DisplayName(region, RegionLevel.County).Trim();

    private static string N(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
