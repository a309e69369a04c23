using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;
using TaobaoVillage.Domain;
using TaobaoVillage.Json;
using TaobaoVillage.RuleSets;
using TaobaoVillage.Planning;
using TaobaoVillage.Aggregation;

namespace TaobaoVillage.Planner;

/// <summary><c>explain</c>, <c>near-misses</c>, <c>what-if</c>, <c>rules</c> and <c>report</c>: the planner's workbench.</summary>
public static partial class WorkbenchCommands
{
    /// <summary>Builds the commands.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The commands.</returns>
    public static IEnumerable<Command> Create(PlannerIO io)
    {
        yield return Explain(io);
        yield return NearMisses(io);
        yield return WhatIf(io);
        yield return Rules(io);
        yield return ReportCommand.Create(io);
        yield return PlanCommand.Create(io);
    }

    private static Command Explain(PlannerIO io)
    {
        var code = new Argument<string>("village") { Description = "The village: its code, its name (青岩刘村, 前岙村委会), or the unique start of either." };
        var input = Input();
        var rules = CommonOptions.Rules("auto");
        var encoding = CommonOptions.Encoding();
        var year = new Option<int?>("--year") { Description = "Only this year, when the file holds several." };
        var output = Output();
        var command = new Command("explain", "One village's verdict, criterion by criterion: the value, the threshold, pass / fail / unknown, the citation, and what is missing to pass.\n\nExamples:\n  explain 330782100201 --input villages.csv\n  explain 青岩刘村 --input villages.csv --year 2016\n  explain 330782100201 --input villages.csv --rules classic")
        {
            code, input, rules, encoding, year, output,
        };
        command.SetAction(parse =>
        {
            var scorer = Inputs.VillageScorer(parse.GetValue(rules)!);
            var wanted = parse.GetValue(code)!;
            var only = parse.GetValue(year);
            var path = parse.GetValue(input) ?? Inputs.SamplePath;
            var records = Inputs.Records(path, parse.GetValue(encoding), io);
            using var target = PlannerOutput.Open(io, parse.GetValue(output), path, parse.GetValue(rules));
            var rows = Find(scorer.Score(records).Where(r => only is null || r.Year == only), wanted, path);
            foreach (var row in rows)
            {
                Render(target.Console, row, row.Verdict?.RuleSet ?? scorer.RuleSetFor(row.Year));
            }

            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }

    /// <summary>The rows of the village a planner names (<see cref="VillageLookup.Find"/>), or one line saying why not.</summary>
    /// <exception cref="PlannerException">No village matches, or several do (they are listed).</exception>
    private static IReadOnlyList<ScoredRow> Find(IEnumerable<ScoredRow> rows, string wanted, string source)
    {
        var match = VillageLookup.Find(rows, wanted);
        return match switch
        {
            { IsFound: true } => match.Rows,
            { VillageCount: 0 } => throw new PlannerException(Words.Format("no village '{0}' in {1} (by code, name or the start of either).", wanted, source)),
            _ => throw new PlannerException(Words.Format("'{0}' names {1} villages in {2}: {3}; give the code.", wanted, match.VillageCount, source, string.Join(", ", match.Candidates) + (match.VillageCount > VillageLookup.MaxCandidates ? ", …" : string.Empty))),
        };
    }

    /// <summary>Writes one village's explanation.</summary>
    /// <param name="console">The console.</param>
    /// <param name="row">The scored row.</param>
    /// <param name="ruleSet">The rule set.</param>
    public static void Render(IAnsiConsole console, ScoredRow row, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var name = row.Record is { } r ? $"{r.Name} ({r.Province} {r.County} {r.Township})" : string.Empty;
        var year = row.Year is { } y ? $", {y.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        console.Write(new Rule(Words.Format("{0} {1}{2}, line {3}", Terminal.Text(row.Key ?? "?"), Terminal.Text(name), year, row.Line)).LeftJustified());
        if (row.Verdict is not { } verdict)
        {
            RenderRejected(console, row);
            return;
        }

        console.MarkupLine(Words.Format("{0} under {1} — {2}; readiness {3}/100", Tables.Verdict(row.Status), Terminal.Text(ruleSet.ToString()), Terminal.Text(Words.Title(ruleSet)), Readiness.Score(verdict)));
        console.Write(CriteriaTable(row, verdict, ruleSet));
        RenderAdvice(console, verdict);
        console.MarkupLine($"[grey]{Terminal.Text(ruleSet.Citation?.SourceIn(CultureInfo.CurrentUICulture) ?? string.Empty)}[/]");
        console.MarkupLine("[grey]" + Words.Format("rule set {0} {1}", Terminal.Text(ruleSet.ToString()), Terminal.Text(ruleSet.ContentHash)) + "[/]");
    }

    private static void RenderRejected(IAnsiConsole console, ScoredRow row)
    {
        console.MarkupLine(Tables.Verdict(Eligibility.Invalid) + Words.Get(": the row was rejected and not evaluated."));
        foreach (var p in row.Problems)
        {
            console.MarkupLine(Terminal.Text($"  {p.Field}: {Tables.ReasonWithValue(p)}"));
        }
    }

    /// <summary>One row per criterion, indented under its group: value, threshold, outcome, what is missing, source.</summary>
    private static Table CriteriaTable(ScoredRow row, Verdict verdict, RuleSet ruleSet)
    {
        var table = new Table();
        table.AddColumns(Words.Get("criterion"), Words.Get("value"), Words.Get("threshold"), Words.Get("outcome"), Words.Get("missing to pass"), Words.Get("source"));
        var depth = Depths(ruleSet.Criteria);
        foreach (var c in verdict.Explained)
        {
            var indent = new string(' ', 2 * Math.Max(0, depth[c.Id] - 1));
            var (value, threshold) = ValueAndThreshold(c, row);
            table.AddRow(Terminal.Text(indent + (c.Criterion.TitleIn(CultureInfo.CurrentUICulture) ?? c.Id)), Terminal.Text(value), Terminal.Text(threshold), Tables.OutcomeMark(c.Outcome),
                Terminal.Text(Missing(c)), Terminal.Text(c.Criterion.Citation?.QuoteIn(CultureInfo.CurrentUICulture) ?? c.Criterion.Citation?.SourceIn(CultureInfo.CurrentUICulture) ?? string.Empty));
        }

        return table;
    }

    private static (string Value, string Threshold) ValueAndThreshold(CriterionResult c, ScoredRow row) => c.Criterion switch
    {
        Condition { Comparison: Comparison.OneOf } k => ((c.Category ?? Words.Get("missing")) + (c.ValueFromName ? Words.Format(" (read from the name {0})", row.Record?.Name ?? string.Empty) : string.Empty), Words.Get("one of ") + string.Join(", ", k.Values)),
        Condition k => (Value(c, k), $"{UnitNames.Symbol(k.Comparison)} {Amount(k.Threshold ?? 0, k.Unit)}"),
        CriterionGroup g => (string.Empty, Words.Get(g.Kind == GroupKind.AllOf ? "all of" : "any of")),
        _ => (string.Empty, string.Empty),
    };

    /// <summary>What a criterion misses: its shortfall, or the data it needs when unknown.</summary>
    private static string Missing(CriterionResult c) =>
        (c.Shortfall is { } shortfall ? Words.Shortfall(shortfall) : null)
        ?? (c.Outcome == Outcome.Unknown && c.Criterion is Condition u ? Words.Format("data for {0}", string.Join(", ", u.Metric.InputColumns)) : string.Empty);

    private static void RenderAdvice(IAnsiConsole console, Verdict verdict)
    {
        if (verdict.IsEligible)
        {
            return;
        }

        var paths = verdict.PathsToPass(3);
        console.MarkupLine(paths.Count == 0
            ? Words.Get("No change of figures can make it pass: a criterion that is not an amount fails (such as a residents' committee).")
            : Terminal.Text(Words.Format("To qualify it needs {0}.", string.Join(Words.Get(", or "), paths.Select(Words.Path)))));
    }

    private static Command NearMisses(PlannerIO io)
    {
        var input = Input();
        var rules = CommonOptions.Rules("auto");
        var encoding = CommonOptions.Encoding();
        var top = CommonOptions.AtLeastOne(new Option<int>("--top") { Description = "How many to list (1 or more).", DefaultValueFactory = _ => 20 });
        var year = new Option<int?>("--year") { Description = "Only this year, when the file holds several." };
        var format = Format();
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output." };
        var command = new Command("near-misses", "Villages that are not (yet) eligible, ranked by readiness (0–100: progress towards each threshold; documented in the README), with the cheapest way to qualify — where support does the most good.\n\nExamples:\n  near-misses --input villages.csv --top 10\n  near-misses --input villages.csv --year 2016 --format csv --output near-misses.csv")
        {
            input, rules, encoding, top, year, format, output,
        };
        command.SetAction(parse =>
        {
            var scorer = Inputs.VillageScorer(parse.GetValue(rules)!, new BatchOptions { DegreeOfParallelism = Environment.ProcessorCount });
            var path = parse.GetValue(input) ?? Inputs.SamplePath;
            var records = Inputs.Records(path, parse.GetValue(encoding), io);
            using var target = PlannerOutput.Open(io, parse.GetValue(output), path, parse.GetValue(rules));
            var only = parse.GetValue(year);
            var misses = Misses(scorer.Score(records).Where(r => only is null || r.Year == only), parse.GetValue(top));
            target.WriteRows(parse.GetValue(format), CommonOptions.CsvOutput(parse), misses.Select((miss, i) => OutputRow.Of(miss, i + 1, Tables.Needs(miss.Row.Verdict!))), () => target.Console.Write(NearMissTable(misses, scorer.RuleSets)), OutputRow.NearMissColumns);
            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }

    /// <summary>The near misses of a file: villages not eligible, by readiness, best first.</summary>
    /// <param name="rows">The input rows.</param>
    /// <param name="top">How many.</param>
    /// <returns>The rows and their scores.</returns>
    public static IReadOnlyList<NearMiss> Misses(IEnumerable<ScoredRow> rows, int top)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ranking = new NearMissRanking(top);
        foreach (var row in rows)
        {
            ranking.Add(row);
        }

        return ranking.Take();
    }

    /// <summary>A table of near misses.</summary>
    /// <param name="misses">The near misses.</param>
    /// <param name="ruleSets">The rule sets the rows may have been judged by (their criteria are the columns).</param>
    /// <returns>The table.</returns>
    public static Table NearMissTable(IEnumerable<NearMiss> misses, IReadOnlyList<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(misses);
        ArgumentNullException.ThrowIfNull(ruleSets);
        var used = misses.Select(m => m.Row.Verdict?.RuleSet).OfType<RuleSet>().Distinct().ToList();
        var table = new Table().Title(Words.Format("Near misses under {0}", Terminal.Text(string.Join(", ", used.Count > 0 ? used : ruleSets))));
        table.AddColumns(Words.Get("rank"), Words.Get("village"), Words.Get("year"), Words.Get("county / township"), Words.Get("verdict"), Words.Get("readiness"), Words.Get("cheapest way to qualify"));
        var rank = 0;
        foreach (var (row, score) in misses)
        {
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Terminal.Text($"{row.Key} {row.Record?.Name}"), row.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Terminal.Text($"{row.Record?.County} {row.Record?.Township}"), Tables.Verdict(row.Status), score.ToString(CultureInfo.InvariantCulture),
                Terminal.Text(row.Verdict!.PathsToPass(1) is [var first, ..] ? Words.Path(first) : string.Empty));
        }

        return table;
    }

    private static Command Rules(PlannerIO io)
    {
        var list = new Command("list", "The built-in rule sets with their years and citations.");
        list.SetAction(_ => ListRules(io));
        var file = new Argument<string>("file") { Description = "A rule file (.json)." };
        var validate = new Command("validate", "Check a rule file and report every problem with its JSON path and line.\n\nExample:\n  rules validate my-province.json") { file };
        validate.SetAction(parse => ValidateRules(io, parse.GetValue(file)!));
        var id = new Argument<string>("rule-set") { Description = "A built-in id or a rule file." };
        var showOutput = Output();
        var show = new Command("show", "Print a rule set as JSON (a starting point for a custom one).\n\nExample:\n  rules show aliresearch --output my-province.json") { id, showOutput };
        show.SetAction(parse => ShowRules(io, parse.GetValue(id)!, parse.GetValue(showOutput)));
        var command = new Command("rules", "List, show and validate rule sets.") { list, validate, show };
        command.SetAction(_ => ListRules(io));
        return command;
    }

    private static int ListRules(PlannerIO io)
    {
        var table = new Table();
        table.AddColumns(Words.Get("id"), Words.Get("version"), Words.Get("target"), Words.Get("years"), Words.Get("title"), Words.Get("source"));
        foreach (var r in BuiltInRuleSets.All)
        {
            table.AddRow(Terminal.Text(r.Id.Value), Terminal.Text(r.Version), Words.Get(r.Target == RuleTarget.Village ? "target village" : "target township"), Terminal.Text(Words.Years(r.EffectiveYears)),
                Terminal.Text(Words.Title(r)), Terminal.Text(r.Citation?.SourceIn(CultureInfo.CurrentUICulture) ?? string.Empty));
        }

        io.Console.Write(table);
        return PlannerApp.Ok;
    }

    private static int ValidateRules(PlannerIO io, string path)
    {
        Inputs.RequireFile(path, "rule file");
        var result = RuleSetJson.LoadFile(path);
        if (result.RuleSet is { } ok)
        {
            io.Out.WriteLine(Terminal.Clean(Words.Format("{0}: valid: {1} ({2}), {3}", path, ok, Words.Title(ok), ok.ContentHash)));
            return PlannerApp.Ok;
        }

        foreach (var p in result.Problems)
        {
            io.Out.WriteLine(Terminal.Clean($"{path}:{p.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {p.Path}: {Words.Message(p)} [{p.Code}]"));
        }

        io.Error.WriteLine(Words.Get("error: ") + Words.Format("{0}: {1} problem(s).", path, result.Problems.Count));
        return PlannerApp.Failed;
    }

    private static int ShowRules(PlannerIO io, string id, string? output)
    {
        var ruleSet = Inputs.RuleSet(id);
        using var target = PlannerOutput.Open(io, output, id);
        target.Writer.WriteLine(RuleSetJson.Save(ruleSet));
        target.Commit();
        return PlannerApp.Ok;
    }

    private static Option<string?> Input() => new("--input", "-i") { Description = "Village records (.csv, .xlsx, .jsonl, .json, .parquet). Default: the bundled sample." };

    private static Option<string> Format() => CommonOptions.Format("table", "csv");

    private static Option<string?> Output() => new("--output", "-o") { Description = "Write here instead of standard output." };

    private static Dictionary<string, int> Depths(Criterion root)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        void Walk(Criterion c, int depth)
        {
            depths[c.Id] = depth;
            if (c is CriterionGroup g)
            {
                foreach (var child in g.Children)
                {
                    Walk(child, depth + 1);
                }
            }
        }

        Walk(root, 0);
        return depths;
    }

    private static string Value(CriterionResult c, Condition k) => c.Observed is not { } o
        ? Words.Get("missing")
        : c.Denominator is { } d
            ? Words.Format("{0} of {1} = {2}", DecimalText.Format(o), DecimalText.Format(d), (d == 0 ? 0 : o / d).ToString("P2", CultureInfo.InvariantCulture))
            : Amount(o, k.Unit);

    private static string Amount(decimal value, Unit unit) => unit switch
    {
        Unit.Cny => Domain.Cny.FromYuan(value).ToString(),
        Unit.Share => Domain.Share.FromFraction(value).ToString(),
        // "300 shops", "300 家网店": the count word of the unit, in the run's language.
        _ => Words.Format("{0} " + UnitNames.Name(unit), DecimalText.Format(value)),
    };
}
