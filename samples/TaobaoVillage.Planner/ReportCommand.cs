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
        var input = new Option<string?>("--input", "-i") { Description = "Village records (.csv, .xlsx, .jsonl, .json, .parquet). Default: the bundled sample." };
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
            // The page declares the encoding it is written in (--output-encoding gb18030: GB18030), not always UTF-8.
            target.Writer.Write(html.Replace("<meta charset=\"utf-8\">", $"<meta charset=\"{target.Writer.Encoding.WebName}\">", StringComparison.Ordinal));
            target.Commit();
            io.Out.WriteLine(Words.Format("{0}: report on {1} under {2} ({3:N0} KiB)", parse.GetValue(output)!, path, Inputs.Named(scorer), html.Length / 1024));
            return PlannerApp.Ok;
        });
        return command;
    }

    /// <summary>Scores the rows and draws the report (<see cref="VillageReport"/>) as HTML.</summary>
    /// <param name="name">The input's name, for the title.</param>
    /// <param name="scorer">The village scorer: one rule set, or each row by the set of its year (<see cref="BatchScorer.ForYears"/>).</param>
    /// <param name="rows">The rows.</param>
    /// <returns>The HTML text.</returns>
    public static string Build(string name, BatchScorer scorer, IEnumerable<InputRow> rows)
    {
        var report = VillageReport.Build(scorer, rows, VillageReportOptions.Default with { TownRules = Inputs.TownRulesForYear });
        var html = new StringBuilder();
        AppendHead(html, Words.Format("Taobao Villages: {0} under {1}", Path.GetFileName(name), string.Join(", ", report.RuleSets)));
        foreach (var ruleSet in report.RuleSets)
        {
            AppendRuleSet(html, ruleSet);
        }

        AppendCounts(html, report.Counts);
        Heading(html, "Taobao Villages by county").Append(Stacked([.. report.Counties.Take(25)]));
        foreach (var chart in report.Charts)
        {
            AppendChart(html, chart);
        }

        AppendNearMisses(html, report.NearMisses);
        AppendPlan(html, report.Plan);
        AppendRejected(html, report.Rejected);
        return html.Append("</body></html>\n").ToString();
    }

    private static void AppendHead(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','WenQuanYi Zen Hei',sans-serif;margin:2em auto;max-width:60em;color:#222}h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}")
            .Append("table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}.num{text-align:right}.muted{color:#666;font-size:.85em}")
            .Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
    }

    private static StringBuilder Heading(StringBuilder html, string name) => html.Append("<h2>").Append(E(Words.Get(name))).Append("</h2>\n");

    private static void AppendCounts(StringBuilder html, BatchCounts counts)
    {
        Heading(html, "Verdicts").Append("<p>").Append(E(Words.Format("RowsRead", counts.Read, counts.Scored, counts.Rejected))).Append("</p>\n");
        html.Append(Bars([(Words.Verdict(Eligibility.Eligible), counts.Eligible, "#2e7d32"), (Words.Verdict(Eligibility.NotEligible), counts.NotEligible, "#c62828"), (Words.Verdict(Eligibility.Indeterminate), counts.Indeterminate, "#f9a825"), (Words.Get("Rejected"), counts.Rejected, "#9e9e9e")], Words.Get("Verdict counts")));
    }

    /// <summary>A table's header row, each heading by its resource name (a name starting with # is a number column).</summary>
    private static void AppendHeader(StringBuilder html, params string[] names)
    {
        html.Append("<table><tr>");
        foreach (var name in names)
        {
            html.Append(name[0] == '#' ? "<th class=\"num\">" : "<th>").Append(E(Words.Get(name.TrimStart('#')))).Append("</th>");
        }

        html.Append("</tr>\n");
    }

    /// <summary>A table row: a number cell for an <see cref="int"/> or <see cref="long"/>, escaped text otherwise.</summary>
    private static void AppendRow(StringBuilder html, params object?[] cells)
    {
        html.Append("<tr>");
        foreach (var cell in cells)
        {
            html.Append(cell is int or long or Number ? "<td class=\"num\">" : "<td>").Append(E(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    /// <summary>A figure shown right-aligned, as text.</summary>
    private sealed record Number(string Text)
    {
        public override string ToString() => Text;
    }

    private static void AppendNearMisses(StringBuilder html, IReadOnlyList<NearMiss> misses)
    {
        Heading(html, "Near misses").Append("<p class=\"muted\">").Append(E(Words.Get("Not eligible or undecided, ranked by readiness (0–100: progress towards each threshold), with the cheapest way to qualify."))).Append("</p>\n");
        AppendHeader(html, "rank", "village", "county / township", "verdict", "#readiness", "cheapest way to qualify");
        var rank = 0;
        foreach (var (row, score) in misses)
        {
            AppendRow(html, ++rank, $"{row.Key} {row.Record?.Name}", $"{row.Record?.County} {row.Record?.Township}", Words.Verdict(row.Status), score, Words.Path(row.Verdict!.PathsToPass(1)[0]));
        }

        html.Append("</table>\n");
    }

    private static void AppendRejected(StringBuilder html, IReadOnlyList<ScoredRow> rejected)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        Heading(html, "Rejected rows");
        AppendHeader(html, "line", "village_code", "field", "problem");
        foreach (var row in rejected)
        {
            foreach (var p in row.Problems)
            {
                AppendRow(html, row.Line, row.Key ?? "?", p.Field, Words.Reason(p));
            }
        }

        html.Append("</table>\n");
    }

    /// <summary>A rule set's title, years, source, id and hash, under the report's title.</summary>
    private static void AppendRuleSet(StringBuilder html, RuleSet ruleSet) =>
        html.Append("<p>").Append(E(Words.Title(ruleSet))).Append(" (").Append(E(Words.Years(ruleSet.EffectiveYears))).Append("). ")
            .Append(E(ruleSet.Citation?.SourceIn(CultureInfo.CurrentUICulture) ?? string.Empty)).Append("</p>\n<p class=\"muted\">")
            .Append(E(Words.Format("Rule set {0}, {1}. Generated by the TaobaoVillage planner.", ruleSet, ruleSet.ContentHash))).Append("</p>\n");

    /// <summary>One numeric criterion's chart: its heading and the villages' spread around the rule set's own threshold.</summary>
    private static void AppendChart(StringBuilder html, CriterionHistogram chart)
    {
        var metric = chart.Condition.Metric;
        var description = Words.Get(metric.Description);
        html.Append("<h2>").Append(E(Words.Format("{0} against {1} ({2})", Capital(description), ThresholdText(metric, chart.Threshold), chart.Condition.Id))).Append("</h2>\n");
        html.Append(Histogram(chart.Counts, chart.Bins, v => Label(metric, v), CriterionHistogram.ThresholdBin, Words.Format("Villages by {0} ({1})", description, metric.Name)));
    }

    // Exact: a threshold in 万 keeps every digit it has (fen are the sixth place).
    private static string ThresholdText(Metric metric, decimal threshold) => metric.Kind switch
    {
        MetricKind.Money when CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" => string.Create(CultureInfo.InvariantCulture, $"{threshold / 10_000:#,0.######} 万元"),
        MetricKind.Money => string.Create(CultureInfo.InvariantCulture, $"CN¥{threshold:N0}"),
        _ => Label(metric, threshold),
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A bin's bound as a chart shows it: CN¥ in k and M, a share in percent, else the number.</summary>
    private static string Label(Metric metric, decimal value) => metric.Kind switch
    {
        // Chinese counts money in 万 (ten thousand): ≥1000万 where English says ≥10M.
        MetricKind.Money when CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" => string.Create(CultureInfo.InvariantCulture, $"{value / 10_000:0.#}万"),
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
            return "<p>" + E(Words.Get("No scored villages.")) + "</p>\n";
        }

        var max = Math.Max(1, counties.Max(c => c.Eligible + c.NotEligible + c.Indeterminate));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"{(counties.Count * 24) + 40}\" role=\"img\" aria-label=\"{E(Words.Get("Villages per county by verdict"))}\">");
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

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 16}\" font-size=\"11\">{E(Words.Format("{0} of {1}", counties[i].Eligible, counties[i].Eligible + counties[i].NotEligible + counties[i].Indeterminate))}</text>");
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

    private static void AppendPlan(StringBuilder html, SupportPlan? plan)
    {
        var limit = VillageReportOptions.Default.PlanRowLimit;
        Heading(html, "Support plan");
        if (plan is null)
        {
            // The template is the planner's own text: escaped first, then the figure and the command's markup go in.
            var sentence = E(Words.Get("The input has more than {0} rows; run the {1} command for its support plan."));
            html.Append("<p class=\"muted\">").Append(sentence.Replace("{0}", limit.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("{1}", "<code>plan</code>", StringComparison.Ordinal)).Append("</p>\n");
            return;
        }

        html.Append("<p>").Append(E(PlanSentence(plan))).Append("</p>\n");
        AppendHeader(html, "rank", "village", "township", "#effort", "needs", "completes a town");
        var rank = 0;
        foreach (var v in plan.Villages)
        {
            AppendRow(html, ++rank, $"{v.VillageCode} {v.VillageName}", v.TownshipCode ?? string.Empty, new Number(v.Effort.ToString("0.###", CultureInfo.InvariantCulture)), Words.Path(new PathToPass(v.Steps, [])), v.CompletesTown ?? string.Empty);
        }

        html.Append("</table>\n");
    }

    private static string PlanSentence(SupportPlan plan) =>
        Words.Format("Helping these {0} villages to their cheapest way to pass gives Taobao Villages {1} → {2} and Taobao Towns {3} → {4}", plan.Villages.Count, plan.VillagesBefore, plan.VillagesAfter, plan.TownsBefore, plan.TownsAfter)
        + (plan.IsOptimal ? Words.Get(" (optimal).") : Words.Format(" (the cheapest villages of each township first; no plan of {0} villages gives more than {1} new designations).", VillageReportOptions.Default.PlanVillages, plan.GainBound));

    private static int Part(RegionCount count, int k) => k switch { 0 => count.Eligible, 1 => count.NotEligible, _ => count.Indeterminate };
}
