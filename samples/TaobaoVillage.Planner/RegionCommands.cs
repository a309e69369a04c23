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
        var o = new TownsOptions();
        var command = new Command("towns", "Taobao Towns (淘宝镇) from village records or from an official list of designated villages, each with the villages that qualified it.\n\nExamples:\n  towns --list taobao-villages-2014-2016.csv --year 2016\n  towns --input villages.csv --rules aliresearch-town --format jsonl")
        {
            o.Source.Input, o.Source.List, o.Source.Year, o.Source.VillageRules, o.Source.Encoding, o.Rules, o.Format, o.Output, o.All, o.Townships,
        };
        command.SetAction(parse => RunTowns(io, parse, o));
        return command;
    }

    /// <summary>The options of <c>towns</c>.</summary>
    private sealed class TownsOptions
    {
        public SourceOptions Source { get; } = new();

        public Option<string> Rules { get; } = new("--rules", "-r") { Description = "Township rule set: by-year (aliresearch-town-2014 up to 2018, aliresearch-town from 2019), an id, or a rule file.", DefaultValueFactory = _ => "by-year" };

        public Option<string> Format { get; } = RegionCommands.Format();

        public Option<string?> Output { get; } = RegionCommands.Output();

        public Option<bool> All { get; } = new("--all") { Description = "List every township seen, not only Taobao Towns and open cases." };

        public Option<string?> Townships { get; } = new("--townships") { Description = "Township records given directly (CSV: township_code or township, year, taobao_villages, annual_sales_cny, active_shops, …) instead of villages." };
    }

    private static int RunTowns(PlannerIO io, ParseResult parse, TownsOptions o)
    {
        var townRules = TownRules(parse.GetValue(o.Rules)!);
        var (towns, label) = parse.GetValue(o.Townships) is { } file
            ? (DecideGiven(io, file, townRules, parse.GetValue(o.Source.Year), Inputs.CsvOptions(parse.GetValue(o.Source.Encoding))), Path.GetFileName(file))
            : TownsOf(o.Source.Load(parse, io), townRules);
        var shown = parse.GetValue(o.All) ? towns : [.. towns.Where(t => t.Verdict.Eligibility != Eligibility.NotEligible)];
        using var target = PlannerOutput.Open(io, parse.GetValue(o.Output), [.. o.Source.Files(parse), parse.GetValue(o.Townships), parse.GetValue(o.Rules)]);
        target.WriteRows(parse.GetValue(o.Format), CommonOptions.CsvOutput(parse), shown.Select(OutputRow.Of), () => target.Console.Write(TownsTable(shown, label)));
        target.Commit();

        // One line per year, on stderr when data went to stdout so pipes stay clean.
        NoteTowns(!target.IsFile && parse.GetValue(o.Format) != "table" ? io.Error : io.Out, towns);
        return PlannerApp.Ok;
    }

    private static (IReadOnlyList<TownVerdict> Towns, string Label) TownsOf((RegionAggregator Aggregator, string Label) source, Func<int, RuleSet> rules) =>
        (source.Aggregator.Towns(rules), source.Label);

    private static Table TownsTable(IReadOnlyList<TownVerdict> towns, string label)
    {
        var table = new Table().Title(Words.Format("Taobao Towns from {0}", Terminal.Text(label)));
        table.AddColumns(Words.Get("year"), Words.Get("province"), Words.Get("city"), Words.Get("county"), Words.Get("township"), Words.Get("Taobao Villages"), Words.Get("verdict"), Words.Get("villages that qualified it"));
        foreach (var t in towns.Take(Tables.MaxRows))
        {
            table.AddRow(Int(t.Year), Terminal.Text(t.Region.Province), Terminal.Text(t.Region.City), Terminal.Text(t.Region.County), Terminal.Text(t.Region.Township),
                Int(t.TaobaoVillages) + Open(t.UndecidedVillages.Count), Tables.Verdict(t.Verdict.Eligibility),
                Terminal.Text(string.Join(" ", t.QualifyingVillages.Take(8).Select(v => v.Village)) + (t.QualifyingVillages.Count > 8 ? " …" : string.Empty)));
        }

        return table;
    }

    /// <summary>How many undecided villages may yet count: " (+2 open)", or nothing.</summary>
    private static string Open(int undecided) => undecided > 0 ? Words.Format(" (+{0} open)", undecided) : string.Empty;

    private static void NoteTowns(TextWriter note, IReadOnlyList<TownVerdict> towns)
    {
        foreach (var year in towns.GroupBy(t => t.Year))
        {
            note.WriteLine(Words.Format("{0}: {1} Taobao Towns, {2} open, from {3} Taobao Villages in {4} townships, under {5}", year.Key, year.Count(t => t.IsTaobaoTown),
                year.Count(t => t.Verdict.Eligibility == Eligibility.Indeterminate), year.Sum(t => t.TaobaoVillages), year.Count(), string.Join(", ", year.Select(t => t.Verdict.RuleSet.ToString()).Distinct())));
            foreach (var invalid in year.Where(t => t.Verdict.Eligibility == Eligibility.Invalid))
            {
                note.WriteLine(Words.Format("{0}: {1} not decided: {2}.", year.Key, invalid.Region.Township, Words.List(invalid.Verdict.Problems.Select(p => Words.Message(p).TrimEnd('.', '。')))));
            }
        }
    }

    private static Command Counties(PlannerIO io)
    {
        var o = new CountiesOptions();
        o.By.AcceptOnlyFromAmong("county", "province");
        var command = new Command("counties", "Taobao Villages and Towns per county (or province), ranked, with cluster candidates: 10 or more Taobao Villages in a county (a cluster needs them adjacent, which counts cannot show), more than 100 for the very large kind.\n\nExamples:\n  counties --list taobao-villages-2014-2016.csv --year 2016 --top 10\n  counties --input villages.csv --by province --format csv")
        {
            o.Source.Input, o.Source.List, o.Source.Year, o.Source.VillageRules, o.Source.Encoding, o.Rules, o.By, o.Top, o.Format, o.Output,
        };
        command.SetAction(parse => RunCounties(io, parse, o));
        return command;
    }

    /// <summary>The options of <c>counties</c>.</summary>
    private sealed class CountiesOptions
    {
        public SourceOptions Source { get; } = new();

        public Option<string> Rules { get; } = new("--rules", "-r") { Description = "Township rule set for the town counts (see 'towns').", DefaultValueFactory = _ => "by-year" };

        public Option<string> By { get; } = new("--by") { Description = "county or province.", DefaultValueFactory = _ => "county" };

        public Option<int> Top { get; } = new("--top") { Description = "Rank and keep the top N per year (AliResearch ranks the top 100 counties).", DefaultValueFactory = _ => 100 };

        public Option<string> Format { get; } = RegionCommands.Format();

        public Option<string?> Output { get; } = RegionCommands.Output();
    }

    private static int RunCounties(PlannerIO io, ParseResult parse, CountiesOptions o)
    {
        var (aggregator, label) = o.Source.Load(parse, io);
        var towns = aggregator.Towns(TownRules(parse.GetValue(o.Rules)!));
        var level = parse.GetValue(o.By) == "province" ? RegionLevel.Province : RegionLevel.County;
        var summaries = (level == RegionLevel.Province ? RegionAggregator.Provinces(towns) : RegionAggregator.Counties(towns))
            .GroupBy(s => s.Year)
            .SelectMany(g => g.Take(Math.Max(1, parse.GetValue(o.Top))).Select((s, i) => (Rank: i + 1, Summary: s)))
            .ToList();
        using var target = PlannerOutput.Open(io, parse.GetValue(o.Output), [.. o.Source.Files(parse), parse.GetValue(o.Rules)]);
        target.WriteRows(parse.GetValue(o.Format), CommonOptions.CsvOutput(parse), summaries.Select(x => OutputRow.Of(x.Summary, x.Rank, level)), () => DrawCounties(target.Console, summaries, level, label));
        target.Commit();
        return PlannerApp.Ok;
    }

    private static void DrawCounties(IAnsiConsole console, List<(int Rank, RegionSummary Summary)> summaries, RegionLevel level, string label)
    {
        var county = level == RegionLevel.County;
        var table = new Table().Title(Words.Format(county ? "Taobao Villages and Towns by county, from {0}" : "Taobao Villages and Towns by province, from {0}", Terminal.Text(label)));
        table.AddColumns(Words.Get("year"), Words.Get("rank"), Words.Get(county ? "county" : "province"), Words.Get("Taobao Villages"), Words.Get("Taobao Towns"));
        if (county)
        {
            table.AddColumn(Words.Get("cluster candidate"));
        }

        foreach (var (rank, s) in summaries)
        {
            string[] cells = [Int(s.Year), Int(rank), Terminal.Text(OutputRow.DisplayName(s.Region, level)), Int(s.TaobaoVillages) + Open(s.UndecidedVillages), Int(s.TaobaoTowns)];
            table.AddRow(county ? [.. cells, Words.Get(OutputRow.ClusterName(s.Cluster))] : cells);
        }

        console.Write(table);
        if (county)
        {
            console.MarkupLine("[grey]" + Words.Get("cluster: 10 or more Taobao Villages in the county; very-large: more than 100. Adjacency is not checked: the data has no geography.") + "[/]");
        }
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
            using var target = PlannerOutput.Open(io, parse.GetValue(output), [.. source.Files(parse), parse.GetValue(rules)]);
            WriteComparison(target, CommonOptions.CsvOutput(parse), parse.GetValue(format)!, parse.GetValue(level)!, towns, (y1, y2), label);
            target.Commit();
            return PlannerApp.Ok;
        });
        return command;
    }

    /// <summary>The changes between two years at one level: designations (village, township) or counts (county, province).</summary>
    private static void WriteComparison(PlannerOutput target, CsvOutputOptions csvOutput, string format, string which, IReadOnlyList<TownVerdict> towns, (int From, int To) years, string label)
    {
        var (y1, y2) = years;
        switch (which)
        {
            case "village":
                WriteChanges(target, csvOutput, format, YearComparison.Villages(towns.SelectMany(t => t.QualifyingVillages), y1, y2), Words.Format("Taobao Villages {0} → {1}, from {2}", y1, y2, label));
                break;
            case "township":
                WriteChanges(target, csvOutput, format, YearComparison.Towns(towns, y1, y2), Words.Format("Taobao Towns {0} → {1}, from {2}", y1, y2, label));
                break;
            case "county":
                WriteRegionChanges(target, csvOutput, format, YearComparison.Counties(towns, y1, y2), RegionLevel.County, Words.Format("{0} → {1} by county, from {2}", y1, y2, label));
                break;
            default:
                WriteRegionChanges(target, csvOutput, format, YearComparison.Provinces(towns, y1, y2), RegionLevel.Province, Words.Format("{0} → {1} by province, from {2}", y1, y2, label));
                break;
        }
    }

    private static void WriteChanges(PlannerOutput target, CsvOutputOptions csvOutput, string format, IReadOnlyList<DesignationChange> changes, string title) =>
        target.WriteRows(format, csvOutput, changes.Select(OutputRow.Of), () => DrawChanges(target.Console, changes, title));

    private static void DrawChanges(IAnsiConsole console, IReadOnlyList<DesignationChange> changes, string title)
    {
        console.Write(new BarChart().Label(Terminal.Text(title)).Width(60)
            .AddItem(Words.Get("new"), changes.Count(c => c.Change == Change.New), Color.Green)
            .AddItem(Words.Get("kept"), changes.Count(c => c.Change == Change.Kept), Color.Blue)
            .AddItem(Words.Get("lost"), changes.Count(c => c.Change == Change.Lost), Color.Red));
        var table = new Table();
        table.AddColumns(Words.Get("change"), Words.Get("name"), Words.Get("province"), Words.Get("county"), Words.Get("township"));
        foreach (var c in changes.Where(c => c.Change != Change.Kept).Take(Tables.MaxRows))
        {
            table.AddRow(Words.Get(OutputRow.ChangeName(c.Change)), Terminal.Text(c.Name), Terminal.Text(c.Region.Province), Terminal.Text(c.Region.County), Terminal.Text(c.Region.Township));
        }

        console.Write(table);
    }

    private static void WriteRegionChanges(PlannerOutput target, CsvOutputOptions csvOutput, string format, IReadOnlyList<RegionChange> changes, RegionLevel level, string title) =>
        target.WriteRows(format, csvOutput, changes.Select(c => OutputRow.Of(c, level)), () => DrawRegionChanges(target.Console, changes, level, title));

    private static void DrawRegionChanges(IAnsiConsole console, IReadOnlyList<RegionChange> changes, RegionLevel level, string title)
    {
        var table = new Table().Title(Terminal.Text(title));
        var (from, to) = changes.Count > 0 ? (changes[0].From, changes[0].To) : (0, 0);
        var villages = Words.Get("Taobao Villages");
        var towns = Words.Get("Taobao Towns");
        table.AddColumns(Words.Get(level == RegionLevel.County ? "county" : "province"), $"{villages} {from}", $"{villages} {to}", Words.Get("new"), Words.Get("kept"), Words.Get("lost"), $"{towns} {from}", $"{towns} {to}");
        foreach (var c in changes.Take(Tables.MaxRows))
        {
            table.AddRow(Terminal.Text(OutputRow.DisplayName(c.Region, level)), Int(c.VillagesFrom), Int(c.VillagesTo), Int(c.New), Int(c.Kept), Int(c.Lost), Int(c.TownsFrom), Int(c.TownsTo));
        }

        console.Write(table);
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
                    io.Error.WriteLine(Terminal.Clean($"{p with { Source = path, Line = row.Line }}{Words.Get(" (row rejected)")}"));
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
                    io.Error.WriteLine(Terminal.Clean($"{path}:{row.Line}: {ex.Message}{Words.Get(" (row rejected)")}"));
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

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
