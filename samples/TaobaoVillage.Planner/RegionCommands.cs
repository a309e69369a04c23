using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Planner;

/// <summary><c>towns</c>, <c>counties</c> and <c>compare-years</c>: Taobao Towns, county rankings and clusters, and change over time.</summary>
public static partial class RegionCommands
{
    /// <summary>Builds the three commands.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The commands.</returns>
    public static IEnumerable<Command> Create(PlannerIO io)
    {
        yield return Towns(io);
        yield return Counties(io);
        yield return CompareYears(io);
    }

    private static Command Towns(PlannerIO io)
    {
        var source = new SourceOptions();
        var rules = new Option<string>("--rules", "-r") { Description = "Township rule set: by-year (aliresearch-town-2014 up to 2018, aliresearch-town from 2019), an id, or a rule file.", DefaultValueFactory = _ => "by-year" };
        var format = Format();
        var output = Output();
        var all = new Option<bool>("--all") { Description = "List every township seen, not only Taobao Towns and open cases." };
        var townships = new Option<string?>("--townships") { Description = "Township records given directly (CSV: township_code or township, year, taobao_villages, annual_sales_cny, active_shops, …) instead of villages." };
        var command = new Command("towns", "Taobao Towns (淘宝镇) from village records or from an official list of designated villages, each with the villages that qualified it.\n\nExamples:\n  towns --list taobao-villages-2014-2016.csv --year 2016\n  towns --input villages.csv --rules aliresearch-town --format jsonl")
        {
            source.Input, source.List, source.Year, source.VillageRules, source.Encoding, rules, format, output, all, townships,
        };
        command.SetAction(parse =>
        {
            var townRules = TownRules(parse.GetValue(rules)!);
            IReadOnlyList<TownVerdict> towns;
            string label;
            if (parse.GetValue(townships) is { } townshipFile)
            {
                (towns, label) = (DecideGiven(io, townshipFile, townRules, parse.GetValue(source.Year), Inputs.CsvOptions(parse.GetValue(source.Encoding))), Path.GetFileName(townshipFile));
            }
            else
            {
                var (aggregator, name) = source.Load(parse, io);
                (towns, label) = (aggregator.Towns(townRules), name);
            }

            var shown = parse.GetValue(all) ? towns : towns.Where(t => t.Verdict.Eligibility != Eligibility.NotEligible).ToList();
            using var target = PlannerOutput.Open(io, parse.GetValue(output), [.. source.Files(parse), parse.GetValue(townships), parse.GetValue(rules)]);
            switch (parse.GetValue(format))
            {
                case "jsonl":
                    WriteJsonLines(target, shown.Select(OutputRow.Of));
                    break;
                case "csv":
                    WriteCsv(target, parse, shown.Select(OutputRow.Of));
                    break;
                default:
                    var table = new Table().Title($"Taobao Towns from {Terminal.Text(label)}");
                    table.AddColumns(Words.Get("year"), Words.Get("province"), Words.Get("city"), Words.Get("county"), Words.Get("township"), Words.Get("Taobao Villages"), Words.Get("verdict"), Words.Get("villages that qualified it"));
                    foreach (var t in shown.Take(Tables.MaxRows))
                    {
                        table.AddRow(Int(t.Year), Terminal.Text(t.Region.Province), Terminal.Text(t.Region.City), Terminal.Text(t.Region.County), Terminal.Text(t.Region.Township),
                            t.TaobaoVillages.ToString(CultureInfo.InvariantCulture) + (t.UndecidedVillages.Count > 0 ? $" (+{t.UndecidedVillages.Count} open)" : string.Empty),
                            Tables.Verdict(t.Verdict.Eligibility), Terminal.Text(string.Join(" ", t.QualifyingVillages.Take(8).Select(v => v.Village)) + (t.QualifyingVillages.Count > 8 ? " …" : string.Empty)));
                    }

                    target.Console.Write(table);
                    break;
            }

            target.Commit();

            // One line per year, on stderr when data went to stdout so pipes stay clean.
            var note = !target.IsFile && parse.GetValue(format) != "table" ? io.Error : io.Out;
            foreach (var year in towns.GroupBy(t => t.Year))
            {
                note.WriteLine($"{year.Key}: {year.Count(t => t.IsTaobaoTown)} Taobao Towns, {year.Count(t => t.Verdict.Eligibility == Eligibility.Indeterminate)} open, "
                    + $"from {year.Sum(t => t.TaobaoVillages)} Taobao Villages in {year.Count()} townships, under {string.Join(", ", year.Select(t => t.Verdict.RuleSet.ToString()).Distinct())}");
                foreach (var invalid in year.Where(t => t.Verdict.Eligibility == Eligibility.Invalid))
                {
                    note.WriteLine($"{year.Key}: {invalid.Region.Township} not decided: {string.Join("; ", invalid.Verdict.Problems.Select(p => p.Message.TrimEnd('.')))}.");
                }
            }

            return PlannerApp.Ok;
        });
        return command;
    }

    private static Command Counties(PlannerIO io)
    {
        var source = new SourceOptions();
        var rules = new Option<string>("--rules", "-r") { Description = "Township rule set for the town counts (see 'towns').", DefaultValueFactory = _ => "by-year" };
        var by = new Option<string>("--by") { Description = "county or province.", DefaultValueFactory = _ => "county" };
        by.AcceptOnlyFromAmong("county", "province");
        var top = new Option<int>("--top") { Description = "Rank and keep the top N per year (AliResearch ranks the top 100 counties).", DefaultValueFactory = _ => 100 };
        var format = Format();
        var output = Output();
        var command = new Command("counties", "Taobao Villages and Towns per county (or province), ranked, with cluster candidates: 10 or more Taobao Villages in a county (a cluster needs them adjacent, which counts cannot show), more than 100 for the very large kind.\n\nExamples:\n  counties --list taobao-villages-2014-2016.csv --year 2016 --top 10\n  counties --input villages.csv --by province --format csv")
        {
            source.Input, source.List, source.Year, source.VillageRules, source.Encoding, rules, by, top, format, output,
        };
        command.SetAction(parse =>
        {
            var (aggregator, label) = source.Load(parse, io);
            var towns = aggregator.Towns(TownRules(parse.GetValue(rules)!));
            var province = parse.GetValue(by) == "province";
            var level = province ? RegionLevel.Province : RegionLevel.County;
            var summaries = (province ? RegionAggregator.Provinces(towns) : RegionAggregator.Counties(towns))
                .GroupBy(s => s.Year)
                .SelectMany(g => g.Take(Math.Max(1, parse.GetValue(top))).Select((s, i) => (Rank: i + 1, Summary: s)))
                .ToList();
            using var target = PlannerOutput.Open(io, parse.GetValue(output), [.. source.Files(parse), parse.GetValue(rules)]);
            switch (parse.GetValue(format))
            {
                case "jsonl":
                    WriteJsonLines(target, summaries.Select(x => OutputRow.Of(x.Summary, x.Rank, level)));
                    break;
                case "csv":
                    WriteCsv(target, parse, summaries.Select(x => OutputRow.Of(x.Summary, x.Rank, level)));
                    break;
                default:
                    var table = new Table().Title($"Taobao Villages and Towns by {(province ? "province" : "county")}, from {Terminal.Text(label)}");
                    table.AddColumns(Words.Get("year"), Words.Get("rank"), province ? Words.Get("province") : Words.Get("county"), Words.Get("Taobao Villages"), Words.Get("Taobao Towns"));
                    if (!province)
                    {
                        table.AddColumn(Words.Get("cluster candidate"));
                    }

                    foreach (var (rank, s) in summaries)
                    {
                        var name = OutputRow.DisplayName(s.Region, level);
                        var cells = new List<string> { Int(s.Year), Int(rank), Terminal.Text(name), Int(s.TaobaoVillages) + (s.UndecidedVillages > 0 ? $" (+{s.UndecidedVillages} open)" : string.Empty), Int(s.TaobaoTowns) };
                        if (!province)
                        {
                            cells.Add(OutputRow.ClusterName(s.Cluster));
                        }

                        table.AddRow(cells.ToArray());
                    }

                    target.Console.Write(table);
                    if (!province)
                    {
                        target.Console.MarkupLine("[grey]cluster: 10 or more Taobao Villages in the county; very-large: more than 100. Adjacency is not checked: the data has no geography.[/]");
                    }

                    break;
            }

            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }

    private static Command CompareYears(PlannerIO io)
    {
        var source = new SourceOptions();
        var from = new Option<int>("--from") { Description = "The earlier year.", Required = true };
        var to = new Option<int>("--to") { Description = "The later year.", Required = true };
        var level = new Option<string>("--level") { Description = "village, township, county or province.", DefaultValueFactory = _ => "county" };
        level.AcceptOnlyFromAmong("village", "township", "county", "province");
        var rules = new Option<string>("--rules", "-r") { Description = "Township rule set (see 'towns').", DefaultValueFactory = _ => "by-year" };
        var format = Format();
        var output = Output();
        var command = new Command("compare-years", "What changed between two years: villages and towns newly designated, kept and lost; per county or province the counts in each year.\n\nExamples:\n  compare-years --list taobao-villages-2014-2016.csv --from 2015 --to 2016 --level province\n  compare-years --list taobao-villages-2014-2016.csv --from 2014 --to 2015 --level village --format csv")
        {
            source.Input, source.List, source.VillageRules, source.Encoding, from, to, level, rules, format, output,
        };
        command.SetAction(parse =>
        {
            var (y1, y2) = (parse.GetValue(from), parse.GetValue(to));
            if (y1 >= y2)
            {
                throw new PlannerException(Words.Get("--from must be an earlier year than --to."), PlannerApp.Usage);
            }

            var (aggregator, label) = source.Load(parse, io, [y1, y2]);
            var towns = aggregator.Towns(TownRules(parse.GetValue(rules)!));
            var which = parse.GetValue(level)!;
            using var target = PlannerOutput.Open(io, parse.GetValue(output), [.. source.Files(parse), parse.GetValue(rules)]);
            var fmt = parse.GetValue(format);
            if (which is "village" or "township")
            {
                var changes = which == "village"
                    ? YearComparison.Villages(towns.SelectMany(t => t.QualifyingVillages), y1, y2)
                    : YearComparison.Towns(towns, y1, y2);
                WriteChanges(target, CommonOptions.CsvOutput(parse), fmt!, changes, $"Taobao {(which == "village" ? "Villages" : "Towns")} {y1} → {y2}, from {label}");
            }
            else
            {
                var changes = which == "county" ? YearComparison.Counties(towns, y1, y2) : YearComparison.Provinces(towns, y1, y2);
                WriteRegionChanges(target, CommonOptions.CsvOutput(parse), fmt!, changes, which, $"{y1} → {y2} by {which}, from {label}");
            }

            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }

    private static void WriteChanges(PlannerOutput target, CsvOutputOptions csvOutput, string format, IReadOnlyList<DesignationChange> changes, string title)
    {
        switch (format)
        {
            case "jsonl":
                WriteJsonLines(target, changes.Select(OutputRow.Of));
                break;
            case "csv":
                WriteCsv(target, csvOutput, changes.Select(OutputRow.Of));
                break;
            default:
                target.Console.Write(new BarChart().Label(Terminal.Text(title)).Width(60)
                    .AddItem("new", changes.Count(c => c.Change == Change.New), Color.Green)
                    .AddItem("kept", changes.Count(c => c.Change == Change.Kept), Color.Blue)
                    .AddItem("lost", changes.Count(c => c.Change == Change.Lost), Color.Red));
                var table = new Table();
                table.AddColumns(Words.Get("change"), Words.Get("name"), Words.Get("province"), Words.Get("county"), Words.Get("township"));
                foreach (var c in changes.Where(c => c.Change != Change.Kept).Take(Tables.MaxRows))
                {
                    table.AddRow(OutputRow.ChangeName(c.Change), Terminal.Text(c.Name), Terminal.Text(c.Region.Province), Terminal.Text(c.Region.County), Terminal.Text(c.Region.Township));
                }

                target.Console.Write(table);
                break;
        }
    }

    private static void WriteRegionChanges(PlannerOutput target, CsvOutputOptions csvOutput, string format, IReadOnlyList<RegionChange> changes, string level, string title)
    {
        var county = level == "county";
        var regionLevel = county ? RegionLevel.County : RegionLevel.Province;
        switch (format)
        {
            case "jsonl":
                WriteJsonLines(target, changes.Select(c => OutputRow.Of(c, regionLevel)));
                break;
            case "csv":
                WriteCsv(target, csvOutput, changes.Select(c => OutputRow.Of(c, regionLevel)));
                break;
            default:
                var table = new Table().Title(Terminal.Text(title));
                var (from, to) = changes.Count > 0 ? (changes[0].From, changes[0].To) : (0, 0);
                table.AddColumns(county ? Words.Get("county") : Words.Get("province"), $"{Words.Get("Taobao Villages")} {from}", $"{Words.Get("Taobao Villages")} {to}", Words.Get("new"), Words.Get("kept"), Words.Get("lost"), $"{Words.Get("Taobao Towns")} {from}", $"{Words.Get("Taobao Towns")} {to}");
                foreach (var c in changes.Take(Tables.MaxRows))
                {
                    table.AddRow(Terminal.Text(OutputRow.DisplayName(c.Region, regionLevel)), Int(c.VillagesFrom), Int(c.VillagesTo), Int(c.New), Int(c.Kept), Int(c.Lost), Int(c.TownsFrom), Int(c.TownsTo));
                }

                target.Console.Write(table);
                break;
        }
    }

    private static List<TownVerdict> DecideGiven(PlannerIO io, string path, Func<int, RuleSet> rules, int? year, CsvRecordReaderOptions options)
    {
        Inputs.RequireFile(path, "township file");

        var towns = new List<TownVerdict>();
        foreach (var row in TownshipRecordReader.ReadFile(path, options))
        {
            if (row.Value is not { } figures)
            {
                foreach (var p in row.Problems)
                {
                    io.Error.WriteLine(Terminal.Clean($"{p with { Source = path, Line = row.Line }} (row rejected)"));
                }

                continue;
            }

            if (year is null || figures.Year == year)
            {
                // A row without a year is decided under the rule set in force now; a year no set covers rejects its row, not the run.
                try
                {
                    towns.Add(TownAggregator.Decide(figures, rules(figures.Year ?? int.MaxValue)));
                }
                catch (PlannerException ex)
                {
                    io.Error.WriteLine(Terminal.Clean($"{path}:{row.Line}: {ex.Message} (row rejected)"));
                }
            }
        }

        return towns;
    }

    private static Func<int, RuleSet> TownRules(string rules)
    {
        if (rules is "by-year" or "auto")
        {
            return Inputs.TownRulesForYear;
        }

        var ruleSet = Inputs.RuleSet(rules);
        if (ruleSet.Target != RuleTarget.Township)
        {
            throw new PlannerException(Words.Format("the rule set {0} is for villages; towns need a township rule set such as aliresearch-town.", ruleSet), PlannerApp.Usage);
        }

        return _ => ruleSet;
    }

    private static Option<string> Format() => CommonOptions.Format("table", "csv", "jsonl");

    private static Option<string?> Output() => new("--output", "-o") { Description = "Write here instead of standard output." };

    private static void WriteJsonLines(PlannerOutput target, IEnumerable<IReadOnlyList<OutputField>> rows)
    {
        foreach (var row in rows)
        {
            target.Writer.WriteLine(OutputRowJsonWriter.FormatLine(row));
        }
    }

    private static void WriteCsv(PlannerOutput target, ParseResult parse, IEnumerable<IReadOnlyList<OutputField>> rows) =>
        WriteCsv(target, CommonOptions.CsvOutput(parse), rows);

    private static void WriteCsv(PlannerOutput target, CsvOutputOptions options, IEnumerable<IReadOnlyList<OutputField>> rows)
    {
        using var csv = new CsvTableWriter(target.Writer, options, leaveOpen: true);
        csv.WriteRows(rows);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
