using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;
using TaobaoVillage.Planning;
using TaobaoVillage.Aggregation;

namespace TaobaoVillage.Planner;

/// <summary>what-if: the same file under changed thresholds or another rule set.</summary>
public static partial class WorkbenchCommands
{
    /// <summary>Reads METRIC=VALUE pairs; the metric by its rule-file name, the value as the number options read numbers.</summary>
    private static Dictionary<Metric, decimal> Thresholds(string[] pairs, BatchScorer rules)
    {
        var thresholds = new Dictionary<Metric, decimal>();
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !Metric.TryFind(parts[0].Trim(), out var metric) || metric.Kind == MetricKind.Category)
            {
                throw new PlannerException(Words.Format("--set {0}: expected METRIC=VALUE with METRIC one of {1}.", pair, string.Join(", ", Metric.BuiltIn.Where(m => m.Kind != MetricKind.Category).Select(m => m.Name))), PlannerApp.Usage);
            }

            RequireThreshold(rules, "--set " + metric.Name, metric);
            thresholds[metric] = metric.Kind == MetricKind.Share && CommonOptions.TryParseShare(parts[1], out var share)
                ? share
                : metric.Unit == Unit.Cny ? CommonOptions.ParseMoney(parts[1], "--set " + metric.Name) : CommonOptions.ParseNumber(parts[1], "--set " + metric.Name);
        }

        return thresholds;
    }

    /// <summary>Refuses a change that would change nothing: none of <paramref name="metrics"/> has a threshold in the scorer's rule sets.</summary>
    /// <exception cref="PlannerException">No rule set has an at-least threshold on any of them.</exception>
    private static void RequireThreshold(BatchScorer rules, string option, params Metric[] metrics)
    {
        var used = rules.RuleSets.SelectMany(r => r.ThresholdMetrics).Distinct().ToList();
        if (!metrics.Any(used.Contains))
        {
            throw new PlannerException(
                Words.Format("{0}: {1} has no threshold on {2}, so nothing would change; its thresholds are on {3}.", option, string.Join(", ", rules.RuleSets), string.Join(" or ", metrics.Select(m => m.Name)), string.Join(", ", used.Select(m => m.Name))),
                PlannerApp.Usage);
        }
    }

    /// <summary>The thresholds the options change: --set pairs, then --min-sales, --min-shops and --min-share.</summary>
    /// <exception cref="PlannerException">An option names a threshold the rule set does not have, or none is given.</exception>
    private static Dictionary<Metric, decimal> Changed(BatchScorer baseRules, string[]? pairs, decimal? sales, decimal? shops, decimal? share)
    {
        var thresholds = Thresholds(pairs ?? [], baseRules);
        if (sales is { } s)
        {
            RequireThreshold(baseRules, "--min-sales", Metric.AnnualSales);
            thresholds[Metric.AnnualSales] = s;
        }

        if (shops is { } n)
        {
            RequireThreshold(baseRules, "--min-shops", Metric.ActiveShops);
            thresholds[Metric.ActiveShops] = n;
        }

        if (share is { } f)
        {
            RequireThreshold(baseRules, "--min-share", Metric.ActiveShopShare, Metric.EcommerceHouseholdShare);
            thresholds[Metric.ActiveShopShare] = f;
            thresholds[Metric.EcommerceHouseholdShare] = f;
        }

        return thresholds.Count > 0
            ? thresholds
            : throw new PlannerException(Words.Get("say what changes: --min-sales, --min-shops, --min-share, --set METRIC=VALUE or --against."), PlannerApp.Usage);
    }

    /// <summary>The scorer with the changed thresholds, each rule set's version marked <c>-whatif</c>.</summary>
    /// <exception cref="PlannerException">The changed thresholds make an invalid rule set.</exception>
    private static BatchScorer Variant(BatchScorer baseRules, Dictionary<Metric, decimal> thresholds)
    {
        try
        {
            return baseRules.WithThresholds(thresholds, "-whatif");
        }
        catch (RuleSetException ex)
        {
            throw new PlannerException(Words.Get("the changed thresholds are invalid: ") + Words.Message(ex.Problems[0]), PlannerApp.Usage);
        }
    }

    /// <summary>The changes for people: a table of the rows that change, then the gains and losses.</summary>
    private static void Render(IAnsiConsole console, BatchScorer baseRules, BatchScorer variant, List<VerdictChange> changed)
    {
        var table = new Table().Title(Words.Format("{0} → {1}: {2} village(s) change verdict", Terminal.Text(Inputs.Named(baseRules)), Terminal.Text(Inputs.Named(variant)), changed.Count));
        table.AddColumns(Words.Get("line"), Words.Get("village"), Words.Get("before"), Words.Get("after"), Words.Get("now needs"));
        foreach (var (a, b) in changed.Take(Tables.MaxRows))
        {
            table.AddRow(a.Line.ToString(CultureInfo.InvariantCulture), Terminal.Text($"{a.Key} {a.Record?.Name}"), Tables.Verdict(a.Status), Tables.Verdict(b.Status),
                Terminal.Text(b.Verdict is { } v ? Tables.Needs(v) : string.Empty));
        }

        console.Write(table);
        console.MarkupLine(Words.Format("gained {0}, lost {1}.", changed.Count(c => c.Gained), changed.Count(c => c.Lost)));
    }

    // Both runs reject a village key seen twice for one year alike.
    private static readonly BatchOptions Once = new() { RejectDuplicates = true };

    private static Command WhatIf(PlannerIO io)
    {
        var input = Input();
        var rules = CommonOptions.Rules("auto");
        var encoding = CommonOptions.Encoding();
        var minSales = CommonOptions.Money("--min-sales", "Replace every annual-sales threshold: yuan (8000000), or 800万, 800万元, 0.08亿.");
        var minShops = CommonOptions.Whole("--min-shops", "Replace every active-shop count threshold.");
        var minShare = CommonOptions.Fraction("--min-share", "Replace every share threshold: 0.08 or 8%.");
        var set = new Option<string[]>("--set") { Description = "Replace every at-least threshold on a metric: METRIC=VALUE, such as livestream_sales_cny=5000000 (repeatable)." };
        var against = new Option<string?>("--against") { Description = "Compare with another rule set (id or file) instead of changed thresholds." };
        var format = Format();
        var output = Output();
        var command = new Command("what-if", "The same file under changed thresholds or another rule set: which villages change verdict.\n\nExamples:\n  what-if --input villages.csv --min-sales 8000000\n  what-if --input villages.csv --min-share 0.08 --min-shops 80\n  what-if --input villages.csv --rules aliresearch --against classic")
        {
            input, rules, encoding, minSales, minShops, minShare, set, against, format, output,
        };
        command.SetAction(parse =>
        {
            var baseRules = Inputs.VillageScorer(parse.GetValue(rules)!, Once);
            var variant = parse.GetValue(against) is { } other
                ? Inputs.VillageScorer(other, Once)
                : Variant(baseRules, Changed(baseRules, parse.GetValue(set), parse.GetValue(minSales), parse.GetValue(minShops), parse.GetValue(minShare)));
            var path = parse.GetValue(input) ?? Inputs.SamplePath;
            if (path == "-")
            {
                throw new PlannerException(Words.Get("what-if reads its input twice (before and after); give a file, not standard input."), PlannerApp.Usage);
            }

            var changed = TaobaoVillage.Planning.WhatIf.Changes(() => Inputs.Records(path, parse.GetValue(encoding), io), baseRules, variant).ToList();
            using var target = PlannerOutput.Open(io, parse.GetValue(output), path, parse.GetValue(rules), parse.GetValue(against));
            target.WriteRows(parse.GetValue(format), CommonOptions.CsvOutput(parse), changed.Select(OutputRow.Of), () => Render(target.Console, baseRules, variant, changed), OutputRow.VerdictChangeColumns);
            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }
}
