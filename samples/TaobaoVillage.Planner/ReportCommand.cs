using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Planning;
using TaobaoVillage.Rules;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Planner;

/// <summary><c>report</c>: one self-contained HTML file for the bureau's meeting — charts as inline SVG, no scripts, no network.</summary>
public static class ReportCommand
{

    /// <summary>Builds the command.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(PlannerIO io)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Village records (.csv, .jsonl, .json). Default: the bundled sample." };
        var rules = CommonOptions.Rules("auto");
        var encoding = CommonOptions.Encoding();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var command = new Command("report", "A self-contained HTML report: verdict counts, Taobao Villages per county, the distribution of sales and of shop shares against their thresholds, the near misses and the rejected rows.\n\nExample:\n  report --input villages.csv --rules aliresearch --output report.html")
        {
            input, rules, encoding, output,
        };
        command.SetAction(parse =>
        {
            var scorer = Inputs.VillageScorer(parse.GetValue(rules)!, new BatchOptions { DegreeOfParallelism = Environment.ProcessorCount });

            var path = parse.GetValue(input) ?? Inputs.SamplePath;
            var records = Inputs.Records(path, parse.GetValue(encoding), io);
            using var target = PlannerOutput.Open(io, parse.GetValue(output), path, parse.GetValue(rules));
            var html = Build(path, scorer, records);
            target.Writer.Write(html);
            target.Commit();
            io.Out.WriteLine($"{parse.GetValue(output)}: report on {path} under {Inputs.Named(scorer)} ({html.Length / 1024:N0} KiB)");
            return PlannerApp.Ok;
        });
        return command;
    }

    /// <summary>Scores the rows and builds the report.</summary>
    /// <param name="name">The input's name, for the title.</param>
    /// <param name="scorer">The village scorer: one rule set, or each row by the set of its year (<see cref="BatchScorer.ForYears"/>).</param>
    /// <param name="rows">The rows.</param>
    /// <returns>The HTML text.</returns>
    public static string Build(string name, BatchScorer scorer, IEnumerable<InputRow> rows)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var counts = new BatchCounts();
        var counties = new RegionTally(RegionLevel.County);
        var charts = scorer.RuleSets.ToDictionary(r => r, CriterionHistogram.ForRuleSet);
        var used = new HashSet<RuleSet>();
        var rejected = new List<ScoredRow>();
        var misses = new NearMissRanking(20);
        var kept = new List<ScoredRow>();
        foreach (var row in scorer.Score(rows, counts))
        {
            // The support plan needs every row at once: kept for county- and province-sized inputs only.
            if (kept.Count <= PlanRowLimit)
            {
                kept.Add(row);
            }

            if (row.Record is not { } record || row.Verdict is not { } verdict)
            {
                if (rejected.Count < 50)
                {
                    rejected.Add(row);
                }

                continue;
            }

            counties.Add(row);
            used.Add(verdict.RuleSet);
            foreach (var chart in charts[verdict.RuleSet])
            {
                chart.Add(record);
            }

            misses.Add(row);
        }

        var html = new StringBuilder();
        // The sets the rows were judged by (all of them when none was used, as for an empty file), as the summary names them.
        var shown = used.Count > 0 ? scorer.RuleSets.Where(used.Contains).ToList() : [.. scorer.RuleSets];
        var title = $"Taobao Villages: {Path.GetFileName(name)} under {string.Join(", ", shown)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','WenQuanYi Zen Hei',sans-serif;margin:2em auto;max-width:60em;color:#222}h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}")
            .Append("table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}.num{text-align:right}.muted{color:#666;font-size:.85em}")
            .Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        foreach (var ruleSet in shown)
        {
            AppendRuleSet(html, ruleSet);
        }

        html.Append("<h2>").Append(E(Words.Get("Verdicts"))).Append("</h2>\n<p>").Append(E(Words.Format("RowsRead", counts.Read, counts.Scored, counts.Rejected))).Append("</p>\n");
        html.Append(Bars([(Words.Verdict(Eligibility.Eligible), counts.Eligible, "#2e7d32"), (Words.Verdict(Eligibility.NotEligible), counts.NotEligible, "#c62828"), (Words.Verdict(Eligibility.Indeterminate), counts.Indeterminate, "#f9a825"), (Words.Get("Rejected"), counts.Rejected, "#9e9e9e")], "Verdict counts"));

        html.Append("<h2>").Append(E(Words.Get("Taobao Villages by county"))).Append("</h2>\n");
        html.Append(Stacked(counties.Rows().Take(25).ToList()));

        foreach (var chart in shown.SelectMany(r => charts[r]))
        {
            AppendChart(html, chart);
        }

        html.Append("<h2>").Append(E(Words.Get("Near misses"))).Append("</h2>\n<p class=\"muted\">Not eligible or undecided, ranked by readiness (0–100: progress towards each threshold), with the cheapest way to qualify.</p>\n");
        html.Append("<table><tr><th>").Append(E(Words.Get("rank"))).Append("</th><th>").Append(E(Words.Get("village"))).Append("</th><th>").Append(E(Words.Get("county / township")))
            .Append("</th><th>").Append(E(Words.Get("verdict"))).Append("</th><th class=\"num\">").Append(E(Words.Get("readiness"))).Append("</th><th>").Append(E(Words.Get("cheapest way to qualify"))).Append("</th></tr>\n");
        var list = misses.Take();
        var rank = 0;
        foreach (var (row, score) in list)
        {
            html.Append("<tr><td class=\"num\">").Append(++rank).Append("</td><td>").Append(E($"{row.Key} {row.Record?.Name}")).Append("</td><td>")
                .Append(E($"{row.Record?.County} {row.Record?.Township}")).Append("</td><td>").Append(E(Words.Verdict(row.Status))).Append("</td><td class=\"num\">").Append(score)
                .Append("</td><td>").Append(E(Words.Path(row.Verdict!.PathsToPass(1)[0]))).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        AppendPlan(html, kept, counts);
        if (rejected.Count > 0)
        {
            html.Append("<h2>").Append(E(Words.Get("Rejected rows"))).Append("</h2>\n<table><tr><th>").Append(E(Words.Get("line"))).Append("</th><th>").Append(E(Words.Get("village_code")))
                .Append("</th><th>").Append(E(Words.Get("field"))).Append("</th><th>").Append(E(Words.Get("problem"))).Append("</th></tr>\n");
            foreach (var row in rejected)
            {
                foreach (var p in row.Problems)
                {
                    html.Append("<tr><td class=\"num\">").Append(row.Line).Append("</td><td>").Append(E(row.Key ?? "?")).Append("</td><td>").Append(E(p.Field))
                        .Append("</td><td>").Append(E(Words.Reason(p))).Append("</td></tr>\n");
                }
            }

            html.Append("</table>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>A rule set's title, years, source, id and hash, under the report's title.</summary>
    private static void AppendRuleSet(StringBuilder html, RuleSet ruleSet) =>
        html.Append("<p>").Append(E(ruleSet.Title)).Append(" (").Append(E(ruleSet.EffectiveYears.ToString())).Append("). ")
            .Append(E(ruleSet.Citation?.Source ?? string.Empty)).Append("</p>\n<p class=\"muted\">Rule set ").Append(E(ruleSet.ToString())).Append(", ").Append(E(ruleSet.ContentHash))
            .Append(". Generated by the TaobaoVillage planner.</p>\n");

    /// <summary>One numeric criterion's chart: its heading and the villages' spread around the rule set's own threshold.</summary>
    private static void AppendChart(StringBuilder html, CriterionHistogram chart)
    {
        var metric = chart.Condition.Metric;
        html.Append("<h2>").Append(E($"{Capital(metric.Description)} against {ThresholdText(metric, chart.Threshold)} ({chart.Condition.Id})")).Append("</h2>\n");
        html.Append(Histogram(chart.Counts, chart.Bins, v => Label(metric, v), CriterionHistogram.ThresholdBin, $"Villages by {metric.Description} ({metric.Name})"));
    }

    private static string ThresholdText(Metric metric, decimal threshold) =>
        metric.Kind == MetricKind.Money ? string.Create(CultureInfo.InvariantCulture, $"CN¥{threshold:N0}") : Label(metric, threshold);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A bin's bound as a chart shows it: CN¥ in k and M, a share in percent, else the number.</summary>
    private static string Label(Metric metric, decimal value) => metric.Kind switch
    {
        MetricKind.Money => value >= 1_000_000 ? string.Create(CultureInfo.InvariantCulture, $"{value / 1_000_000:0.#}M") : string.Create(CultureInfo.InvariantCulture, $"{value / 1000:0}k"),
        MetricKind.Share => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#}%"),
        _ => value.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string Bars(IReadOnlyList<(string Label, long Value, string Color)> items, string title)
    {
        var max = Math.Max(1, items.Max(i => i.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{(items.Count * 28) + 10}\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var i = 0; i < items.Count; i++)
        {
            var w = (int)(440.0 * items[i].Value / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(i * 28) + 20}\" font-size=\"13\">{E(items[i].Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"120\" y=\"{(i * 28) + 6}\" width=\"{Math.Max(w, 1)}\" height=\"20\" fill=\"{items[i].Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{126 + w}\" y=\"{(i * 28) + 20}\" font-size=\"12\">{items[i].Value:N0}</text>");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Stacked(List<RegionCount> counties)
    {
        if (counties.Count == 0)
        {
            return "<p>No scored villages.</p>\n";
        }

        var max = Math.Max(1, counties.Max(c => c.Eligible + c.NotEligible + c.Indeterminate));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"{(counties.Count * 24) + 40}\" role=\"img\" aria-label=\"Villages per county by verdict\">");
        string[] colors = ["#2e7d32", "#c62828", "#f9a825"];
        for (var i = 0; i < counties.Count; i++)
        {
            var y = i * 24;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"12\">{E(Summary.CountyName(counties[i].Region))}</text>");
            var x = 200.0;
            for (var k = 0; k < 3; k++)
            {
                var w = 420.0 * Part(counties[i], k) / max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 4}\" width=\"{w:0.#}\" height=\"16\" fill=\"{colors[k]}\"/>");
                x += w;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 16}\" font-size=\"11\">{counties[i].Eligible} of {counties[i].Eligible + counties[i].NotEligible + counties[i].Indeterminate}</text>");
        }

        var ly = (counties.Count * 24) + 20;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"200\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{colors[0]}\"/><text x=\"216\" y=\"{ly + 11}\" font-size=\"12\">{E(Words.Verdict(Eligibility.Eligible))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"290\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{colors[1]}\"/><text x=\"306\" y=\"{ly + 11}\" font-size=\"12\">{E(Words.Verdict(Eligibility.NotEligible))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"400\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{colors[2]}\"/><text x=\"416\" y=\"{ly + 11}\" font-size=\"12\">{E(Words.Verdict(Eligibility.Indeterminate))}</text>");
        return svg.Append("</svg>\n").ToString();
    }

    private static string Histogram(IReadOnlyList<long> counts, IReadOnlyList<decimal> bins, Func<decimal, string> label, int thresholdBin, string title)
    {
        var max = Math.Max(1, counts.Max());
        var svg = new StringBuilder();
        const int width = 56;
        // The threshold's label has a band of its own above the tallest bar's count, so the two never overlap.
        const int baseline = 212;
        const int tallest = 150;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{(counts.Count * width) + 40}\" height=\"262\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var i = 0; i < counts.Count; i++)
        {
            var h = (int)((double)tallest * counts[i] / max);
            var x = 20 + (i * width);
            var color = i >= thresholdBin ? "#2e7d32" : "#90a4ae";
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{baseline - h}\" width=\"{width - 6}\" height=\"{h}\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{baseline - h - 5}\" font-size=\"11\">{counts[i]}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{baseline + 16}\" font-size=\"11\">≥{E(label(bins[i]))}</text>");
        }

        var tx = 20 + (thresholdBin * width) - 3;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{tx}\" y1=\"22\" x2=\"{tx}\" y2=\"{baseline + 2}\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{tx + 4}\" y=\"16\" font-size=\"12\" fill=\"#c62828\">{E(Words.Get("threshold"))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"20\" y=\"{baseline + 40}\" font-size=\"12\">{E(title)}</text>");
        return svg.Append("</svg>\n").ToString();
    }

    // Control characters and bidirectional overrides from the data are shown as in the terminal (␛, <U+202E>), then HTML-escaped.
    private static string E(string text) => WebUtility.HtmlEncode(Terminal.Clean(text));

    /// <summary>The most rows the report's support plan is computed for; larger inputs use the <c>plan</c> command.</summary>
    public const int PlanRowLimit = 100_000;

    /// <summary>The villages a report's support plan helps.</summary>
    public const int PlanVillages = 10;

    private static void AppendPlan(StringBuilder html, List<ScoredRow> rows, BatchCounts counts)
    {
        html.Append("<h2>").Append(E(Words.Get("Support plan"))).Append("</h2>\n");
        if (counts.Read > PlanRowLimit)
        {
            html.Append("<p class=\"muted\">The input has more than ").Append(PlanRowLimit.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" rows; run the <code>plan</code> command for its support plan.</p>\n");
            return;
        }

        var plan = SupportPlanner.Plan(rows, Inputs.TownRulesForYear, PlanBudget.Villages(PlanVillages));
        html.Append("<p>Helping these ").Append(plan.Villages.Count).Append(" villages to their cheapest way to pass gives Taobao Villages ")
            .Append(plan.VillagesBefore).Append(" → ").Append(plan.VillagesAfter).Append(" and Taobao Towns ").Append(plan.TownsBefore).Append(" → ").Append(plan.TownsAfter)
            .Append(plan.IsOptimal ? " (optimal)." : $" (the cheapest villages of each township first; no plan of {PlanVillages} villages gives more than {plan.GainBound} new designations).")
            .Append("</p>\n<table><tr><th>rank</th><th>village</th><th>township</th><th class=\"num\">effort</th><th>needs</th><th>completes a town</th></tr>\n");
        var rank = 0;
        foreach (var v in plan.Villages)
        {
            html.Append("<tr><td class=\"num\">").Append(++rank).Append("</td><td>").Append(E($"{v.VillageCode} {v.VillageName}")).Append("</td><td>").Append(E(v.TownshipCode ?? string.Empty))
                .Append("</td><td class=\"num\">").Append(v.Effort.ToString("0.###", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(string.Join(" and ", v.Steps)))
                .Append("</td><td>").Append(E(v.CompletesTown ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static int Part(RegionCount count, int k) => k switch { 0 => count.Eligible, 1 => count.NotEligible, _ => count.Indeterminate };
}
