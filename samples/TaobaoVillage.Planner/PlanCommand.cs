using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;
using TaobaoVillage.Planning;

namespace TaobaoVillage.Planner;

/// <summary><c>plan</c>: which villages to help so that the most villages — and towns — qualify.</summary>
public static class PlanCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(PlannerIO io)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Village records (.csv, .xlsx, .jsonl, .json, .parquet, or - for CSV on standard input). Default: the bundled sample." };
        var rules = CommonOptions.Rules("auto");
        var villages = CommonOptions.Whole("--villages", "Help at most this many villages.");
        var effort = CommonOptions.Number("--effort", "Or: spend at most this effort in total (a village's effort is the fraction of each threshold it still misses on its cheapest way to pass, summed: 0.25 is a quarter of a threshold).");
        var year = new Option<int?>("--year") { Description = "Only this year." };
        var format = CommonOptions.Format("table", "csv", "jsonl");
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output." };
        var encoding = CommonOptions.Encoding();
        var command = new Command("plan", "A support plan: the villages to help (raise to their cheapest way to pass) so that new Taobao Villages plus new Taobao Towns are the most, ties broken by less effort. A township with two Taobao Villages needs one more to become a Taobao Town, so its third-best village can be worth more than the county's nearest miss.\n\nExamples:\n  plan --input villages.csv --villages 10\n  plan --input villages.csv --effort 2.5 --format jsonl --output plan.jsonl")
        {
            input, rules, villages, effort, year, format, output, encoding,
        };
        command.SetAction(parse =>
        {
            var budget = (parse.GetValue(villages), parse.GetValue(effort)) switch
            {
                ({ } k, null) when k is >= 0 and <= 100_000 => PlanBudget.Villages((int)k),
                (null, { } e) when e is >= 0 and <= 10_000 => PlanBudget.Effort(e),
                (null, null) => throw new PlannerException(Words.Get("say how much support there is: --villages K or --effort E."), PlannerApp.Usage),
                (not null, not null) => throw new PlannerException(Words.Get("give --villages or --effort, not both."), PlannerApp.Usage),
                _ => throw new PlannerException(Words.Get("--villages is 0 to 100,000 and --effort 0 to 10,000."), PlannerApp.Usage),
            };
            var path = parse.GetValue(input) ?? Inputs.SamplePath;
            var scorer = Inputs.VillageScorer(parse.GetValue(rules)!, new BatchOptions { DegreeOfParallelism = Environment.ProcessorCount });
            var records = Inputs.Records(path, parse.GetValue(encoding), io);
            using var target = PlannerOutput.Open(io, parse.GetValue(output), path, parse.GetValue(rules));
            var plan = SupportPlanner.ScoreAndPlan(scorer, records, Inputs.TownRulesForYear, budget, parse.GetValue(year));
            Write(target, plan, parse.GetValue(format)!, CommonOptions.CsvOutput(parse), Path.GetFileName(path));
            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }

    /// <summary>Writes a plan in a format.</summary>
    /// <param name="target">Where.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="format">table, csv or jsonl.</param>
    /// <param name="csvOutput">How CSV cells are written.</param>
    /// <param name="label">The input's name, for the table's title.</param>
    public static void Write(PlannerOutput target, SupportPlan plan, string format, CsvOutputOptions csvOutput, string label)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(plan);
        switch (format)
        {
            case "jsonl":
                foreach (var v in plan.Villages)
                {
                    target.Writer.WriteLine(SupportPlanJson.FormatLine(v));
                }

                break;
            case "csv":
                using (var csv = new CsvTableWriter(target.Writer, csvOutput, leaveOpen: true))
                {
                    csv.WriteRow("rank", "village_code", "village_name", "township_code", "year", "effort", "needs", "completes_town");
                    var rank = 0;
                    foreach (var v in plan.Villages)
                    {
                        csv.WriteRow((++rank).ToString(CultureInfo.InvariantCulture), v.VillageCode, v.VillageName, v.TownshipCode, v.Year.ToString(CultureInfo.InvariantCulture),
                            Effort(v.Effort), string.Join(" and ", v.Steps), v.CompletesTown);
                    }
                }

                break;
            default:
                Render(target.Console, plan, label);
                break;
        }
    }

    private static string BudgetText(PlanBudget budget) => budget.MaxVillages is { } k
        ? Words.Format("{0} village(s)", k.ToString("N0", CultureInfo.InvariantCulture))
        : Words.Format("effort {0}", Effort(budget.MaxEffort!.Value));

    /// <summary>The plan for people: before and after, then the villages.</summary>
    /// <param name="console">The console.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="label">The input's name.</param>
    public static void Render(IAnsiConsole console, SupportPlan plan, string label)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(plan);
        console.Write(new Rule(Words.Format("Support plan for {0}: {1} village(s), effort {2}", Terminal.Text(label), plan.Villages.Count, Effort(plan.Effort))).LeftJustified());
        console.MarkupLine(Words.Format("Taobao Villages {0} → [green]{1}[/], Taobao Towns {2} → [green]{3}[/]: {4} new designation(s).", plan.VillagesBefore, plan.VillagesAfter, plan.TownsBefore, plan.TownsAfter, plan.Gain));
        console.MarkupLine("[grey]" + (plan.IsOptimal
            ? Words.Get("Optimal: every choice within each township was tried.")
            : Words.Format("Heuristic (the cheapest villages of each township first); no plan within the budget gives more than {0} new designation(s).", plan.GainBound)) + "[/]");
        if (plan.UsableBudget is { } usable && plan.Budget is { } asked)
        {
            console.MarkupLine("[grey]" + (usable == asked
                ? Words.Format("Budget: {0}.", BudgetText(asked))
                : Words.Format("Budget: {0} asked; {1} used, what helping every candidate costs.", BudgetText(asked), BudgetText(usable))) + "[/]");
        }

        console.MarkupLine("[grey]" + Words.Format("{0} village(s) can pass by raising figures; {1} need figures that are missing (undecided); {2} cannot pass by raising figures.", plan.Candidates, plan.Undecided, plan.CannotPass) + "[/]");
        var table = new Table();
        table.AddColumns(Words.Get("rank"), Words.Get("village"), Words.Get("township"), Words.Get("year"), Words.Get("effort"), Words.Get("needs"), Words.Get("completes a town"));
        var rank = 0;
        foreach (var v in plan.Villages.Take(Tables.MaxRows))
        {
            table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Terminal.Text($"{v.VillageCode} {v.VillageName}".Trim()), Terminal.Text(v.TownshipCode ?? string.Empty),
                v.Year.ToString(CultureInfo.InvariantCulture), Effort(v.Effort), Terminal.Text(Words.Path(new PathToPass(v.Steps, []))), Terminal.Text(v.CompletesTown ?? string.Empty));
        }

        console.Write(table);
    }

    private static string Effort(decimal effort) => Math.Round(effort, 3, MidpointRounding.ToPositiveInfinity).ToString("0.###", CultureInfo.InvariantCulture);
}
