using System.CommandLine;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planner;

/// <summary><c>score</c>: every row of a records file scored under one rule set, as a table, CSV or JSON Lines.</summary>
public static class ScoreCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(PlannerIO io)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Village records: .csv (UTF-8 or GB18030), .jsonl or .json. Default: the bundled sample." };
        var rules = CommonOptions.Rules("auto");
        var format = CommonOptions.Format("table", "csv", "jsonl", "xlsx");
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output; .csv, .jsonl and .xlsx choose the format when --format is not given; a further .gz compresses (verdicts.jsonl.gz)." };
        var encoding = CommonOptions.Encoding();
        var parallel = new Option<int>("--parallel") { Description = "Threads that evaluate at once; output is identical for any number.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("score", "Score every village in a records file and write one verdict per input row, in order.\n\nExamples:\n  score --input villages.csv --rules aliresearch\n  score --input villages.csv --rules classic --format jsonl --output verdicts.jsonl\n  score --input my-rules.json ... (a rule file works wherever an id does)")
        {
            input, rules, format, output, encoding, parallel,
        };
        command.SetAction(parse => Run(io, new ScoreRequest(
            parse.GetValue(input) ?? Inputs.SamplePath,
            parse.GetValue(rules)!,
            parse.GetResult(format) is { Implicit: false } ? parse.GetValue(format)! : FormatFor(parse.GetValue(output)) ?? parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(encoding),
            Math.Max(1, parse.GetValue(parallel)),
            CommonOptions.CsvOutput(parse))));
        return command;
    }

    /// <summary>The run with no arguments: the bundled sample, each row by the rules of its year, summarised.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The exit code.</returns>
    public static int RunDefault(PlannerIO io)
    {
        io.Console.MarkupLine(Words.Format("Scoring the bundled sample [bold]{0}[/] (real village names and codes, synthetic figures), each row by the rules of its year.", Terminal.Text(Path.GetFileName(Inputs.SamplePath))));
        io.Console.MarkupLine(Words.Get("Run [bold]--help[/] for the commands."));
        io.Console.WriteLine();
        return Run(io, new ScoreRequest(Inputs.SamplePath, "auto", "summary", null, null, Environment.ProcessorCount));
    }

    /// <summary>Runs a scoring request.</summary>
    /// <param name="io">Where to write.</param>
    /// <param name="request">What to score and how to write it.</param>
    /// <returns>The exit code.</returns>
    public static int Run(PlannerIO io, ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(request);
        // The rule sets, checked before anything is read or written; the run's own scorer reports progress.
        var rules = Inputs.VillageScorer(request.Rules);

        var counts = new BatchCounts();
        var records = Inputs.Records(request.Input, request.Encoding, io);
        var inputReport = new InputReport();
        if (request.Input != "-" && Path.GetExtension(request.Input).ToLowerInvariant() is not (".jsonl" or ".ndjson" or ".json" or ".xlsx"))
        {
            var readOptions = Inputs.CsvOptions(request.Encoding) with { InferCommitteeFromName = io.Settings.InferCommitteeFromName, Columns = io.Settings.Columns };
            InputReport.DescribeColumns(io.Error, request.Input, readOptions, rules);
        }

        using var output = PlannerOutput.Open(io, request.Output, request.Input, request.Rules);
        Action? rendering = null;
        ProgressDisplay.Run(io.Console, request.Input, report =>
        {
            var options = new BatchOptions
            {
                DegreeOfParallelism = request.Parallel,
                Progress = new Progress(c => report(c.Read)),
                ProgressInterval = 50_000,
            };
            var scorer = Inputs.VillageScorer(request.Rules, options);
            rendering = Write(output, request, scorer, records, counts, inputReport);
        });
        rendering?.Invoke();
        output.Commit();
        inputReport.Hint(io.Error, request.Input, counts);
        if (request.Rules != "auto")
        {
            inputReport.WarnYears(io.Error, request.Input, rules.RuleSets);
        }

        if (request.Format is "jsonl" or "csv" || output.IsFile)
        {
            // Data went to stdout: keep it clean for pipes and say the counts on stderr.
            var note = output.IsFile ? io.Out : io.Error;
            note.WriteLine($"{request.Input}: {Words.Counts(counts)}" + (output.IsFile ? $" -> {request.Output}" : string.Empty));
        }

        return PlannerApp.Ok;
    }

    /// <summary>Scores and writes data formats; for tables and summaries returns the drawing to do once the progress bar is gone.</summary>
    private static Action? Write(PlannerOutput output, ScoreRequest request, BatchScorer scorer, IEnumerable<InputRow> rows, BatchCounts counts, InputReport report)
    {
        switch (request.Format)
        {
            case "jsonl":
                foreach (var line in scorer.ScoreSelect(rows, row => { report.Add(row); return VerdictJsonWriter.FormatLine(row, scorer.RuleSetFor(row.Year)); }, counts))
                {
                    output.Writer.Write(line);
                    output.Writer.Write('\n');
                }

                break;
            case "xlsx":
                var stream = output.FileStream ?? throw new PlannerException(Words.Get("an .xlsx workbook needs a file: give --output FILE.xlsx."), PlannerApp.Usage);
                TaobaoVillage.Excel.ExcelVerdictWriter.Write(stream, scorer.Score(rows, counts).Select(r => { report.Add(r); return r; }), scorer.RuleSets);
                break;
            case "csv":
                using (var csv = CsvVerdictWriter.ForRuleSets(output.Writer, scorer.RuleSets, leaveOpen: true, request.CsvOutput))
                {
                    foreach (var row in scorer.Score(rows, counts))
                    {
                        report.Add(row);
                        csv.Write(row);
                    }
                }

                break;
            default:
                var summary = new Summary(scorer.RuleSets);
                var shown = new List<ScoredRow>();
                foreach (var row in scorer.Score(rows, counts))
                {
                    report.Add(row);
                    summary.Add(row);
                    if (request.Format == "table" && shown.Count < Tables.MaxRows)
                    {
                        shown.Add(row);
                    }
                }

                // The columns of the rule sets the shown rows were judged by, not of every set by year.
                var used = shown.Where(r => r.Verdict is not null).Select(r => r.Verdict!.RuleSet).Distinct().OrderBy(r => r.EffectiveYears.From).ToList();
                var table = request.Format == "table" ? Tables.Verdicts(used.Count > 0 ? used : scorer.RuleSets) : null;
                var columns = Tables.CriterionIds(used.Count > 0 ? used : scorer.RuleSets);
                foreach (var row in shown)
                {
                    Tables.AddVerdict(table!, row, columns);
                }

                // Drawn after the progress bar has gone, so the two never share the screen.
                return () =>
                {
                    if (table is not null)
                    {
                        output.Console.Write(table);
                        if (counts.Read > Tables.MaxRows)
                        {
                            output.Console.MarkupLine("[grey]" + Words.Format("… {0:N0} more rows; use --format csv or jsonl for all of them.", counts.Read - Tables.MaxRows) + "[/]");
                        }
                    }

                    summary.Render(output.Console, request.Input, counts);
                };
        }

        return null;
    }

    /// <summary>The format an output file's extension names, or null.</summary>
    private static string? FormatFor(string? output) => Path.GetExtension(PlannerOutput.IsGzip(output) ? output![..^3] : output ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".jsonl" or ".ndjson" => "jsonl",
        ".xlsx" when !PlannerOutput.IsGzip(output) => "xlsx",
        _ => null,
    };

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Progress(Action<BatchCounts> report) : IProgress<BatchCounts>
    {
        public void Report(BatchCounts value) => report(value);
    }
}

/// <summary>What <c>score</c> does.</summary>
/// <param name="Input">The records file.</param>
/// <param name="Rules">A built-in rule set id or a rule file.</param>
/// <param name="Format">table, csv, jsonl, or summary.</param>
/// <param name="Output">The output file, or standard output.</param>
/// <param name="Encoding">The CSV encoding.</param>
/// <param name="Parallel">Threads that evaluate at once.</param>
/// <param name="CsvOutput">How CSV cells are written (formulas neutralised by default).</param>
public sealed record ScoreRequest(string Input, string Rules, string Format, string? Output, string? Encoding, int Parallel, CsvOutputOptions? CsvOutput = null);

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    /// <summary><c>--rules</c>: a built-in id or a rule file.</summary>
    /// <param name="defaultId">The default rule set.</param>
    /// <returns>The option.</returns>
    public static Option<string> Rules(string defaultId = "aliresearch") => new("--rules", "-r")
    {
        Description = "auto (each row by the built-in set of its year: classic to 2013, aliresearch-2014 2014–2019, aliresearch from 2020), a built-in rule set (classic, aliresearch-2014, aliresearch, …; see 'rules list') or a rule file (.json).",
        DefaultValueFactory = _ => defaultId,
    };

    /// <summary><c>--format</c>: one of the given formats, the first by default.</summary>
    /// <param name="formats">The formats allowed.</param>
    /// <returns>The option.</returns>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f") { Description = string.Join(", ", formats) + ".", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>
    /// A number option read the same on every machine: a dot for decimals, commas allowed between thousands
    /// (<c>9999999.99</c>, <c>8,000,000</c>), whatever the system culture — a German system would read <c>9999999.99</c> as 999,999,999.
    /// </summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option.</returns>
    public static Option<decimal?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TryParseNumber(token, out var value))
            {
                return value;
            }

            result.AddError(NotANumber(name, token));
            return null;
        },
    };

    /// <summary>
    /// A share option: a fraction (<c>0.08</c>) or a percentage (<c>8%</c>), at most 1 — <c>8</c> would be 800% and is
    /// refused, never taken as 8%.
    /// </summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option.</returns>
    public static Option<decimal?> Fraction(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (TryParseShare(token, out var share) && share is >= 0m and <= 1m)
            {
                return share;
            }

            result.AddError($"{name} is a share of households: 0.08 or 8%; '{token}' is not one.");
            return null;
        },
    };

    /// <summary>A share as people write it: a fraction, or a percentage with %.</summary>
    /// <param name="token">The text.</param>
    /// <param name="share">The fraction.</param>
    /// <returns>Whether it reads.</returns>
    public static bool TryParseShare(string token, out decimal share)
    {
        var text = token.Trim();
        var percent = text.EndsWith('%') || text.EndsWith('％');
        if (TryParseNumber(percent ? text[..^1] : text, out share))
        {
            share = percent ? share / 100m : share;
            return true;
        }

        return false;
    }

    /// <summary>Reads a number the way <see cref="Number"/> does, for values inside other arguments (--set METRIC=VALUE).</summary>
    /// <param name="token">The text.</param>
    /// <param name="name">What it is, for the message.</param>
    /// <returns>The number.</returns>
    /// <exception cref="PlannerException">It is not a number.</exception>
    public static decimal ParseNumber(string token, string name) =>
        TryParseNumber(token, out var value) ? value : throw new PlannerException(NotANumber(name, token), PlannerApp.Usage);

    private static bool TryParseNumber(string token, out decimal value) =>
        decimal.TryParse(token.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value);

    private static string NotANumber(string name, string token) => $"{name}: '{token}' is not a number; write it with a dot for decimals, as 9999999.99.";

    /// <summary>A whole-number option read the same on every machine (commas allowed between thousands).</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What it sets.</param>
    /// <returns>The option.</returns>
    public static Option<long?> Whole(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (long.TryParse(token, System.Globalization.NumberStyles.Integer | System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name}: '{token}' is not a whole number.");
            return null;
        },
    };

    /// <summary>
    /// <c>--raw-cells</c>, on every command: CSV cells exactly as they are. By default a text cell that a spreadsheet
    /// would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading ' (CSV injection).
    /// </summary>
    public static Option<bool> RawCells { get; } = new("--raw-cells")
    {
        Description = "Write CSV cells exactly as they are, for programs. By default a text cell starting with = + - @ (a spreadsheet formula) gets a leading ' so that Excel and WPS never run it.",
        Recursive = true,
    };

    /// <summary>
    /// <c>--no-name-inference</c>, on every command: a village without a committee column stays unknown, instead of
    /// taking its kind from an official name ending 村委会 or 居委会.
    /// </summary>
    public static Option<bool> NoNameInference { get; } = new("--no-name-inference")
    {
        Description = "Do not read a village's committee kind from its official name (…村委会 villagers', …居委会 residents') when no committee column gives it.",
        Recursive = true,
    };

    /// <summary><c>--columns</c>, on every command: a JSON file naming the planner's own headers (<see cref="ColumnMap"/>).</summary>
    public static Option<string?> Columns { get; } = new("--columns")
    {
        Description = "A JSON file mapping your own column names to fields, beyond the built-in Chinese and English names: {\"户籍人口户数\": \"households\", \"销售（万）\": \"年销售额(万元)\"}.",
        Recursive = true,
    };

    /// <summary><c>--lang</c>, on every command: the language for people (en, zh-CN); machine formats stay English.</summary>
    public static Option<string?> Lang { get; } = new("--lang")
    {
        Description = "The language of tables, summaries and verdict words: en or zh-CN (default: Chinese on a Chinese system, else English). JSON Lines and CSV stay in English.",
        Recursive = true,
    };

    /// <summary><c>--sheet</c>, on every command: the sheet of an .xlsx input to read; the first by default.</summary>
    public static Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "The sheet of an .xlsx input to read (by name); the first by default.",
        Recursive = true,
    };

    /// <summary><c>--bom</c>, on every command: output files in UTF-8 start with a byte-order mark, as Excel expects.</summary>
    public static Option<bool> Bom { get; } = new("--bom")
    {
        Description = "Start output files with a UTF-8 byte-order mark, so that Excel recognises UTF-8.",
        Recursive = true,
    };

    /// <summary><c>--output-encoding</c>, on every command: utf-8 (default) or gb18030 for output files.</summary>
    public static Option<string> OutputEncoding { get; } = CreateOutputEncoding();

    private static Option<string> CreateOutputEncoding()
    {
        var option = new Option<string>("--output-encoding")
        {
            Description = "Encoding of output files: utf-8 (default) or gb18030 (Excel and WPS on a Chinese Windows).",
            DefaultValueFactory = _ => "utf-8",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("utf-8", "gb18030");
        return option;
    }

    /// <summary>The CSV output options the command line asks for.</summary>
    /// <param name="parse">The parsed command line.</param>
    /// <returns>The options.</returns>
    public static CsvOutputOptions CsvOutput(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(RawCells) ? CsvOutputOptions.Default with { NeutraliseFormulas = false } : CsvOutputOptions.Default;
    }

    /// <summary><c>--encoding</c>: utf-8 or gb18030.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Encoding() => new("--encoding") { Description = "CSV encoding: utf-8 (default, with or without BOM) or gb18030." };
}
