using System.CommandLine;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Files;
using TaobaoVillage.IO;

namespace TaobaoVillage.Planner;

/// <summary><c>score</c>: every row of a records file scored under one rule set, as a table, CSV or JSON Lines.</summary>
public static class ScoreCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(PlannerIO io)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Village records: .csv (UTF-8 or GB18030), .xlsx, .jsonl, .json or .parquet. Default: the bundled sample." };
        var rules = CommonOptions.Rules("auto");
        var format = CommonOptions.Format("table", "csv", "jsonl", "xlsx", "parquet");
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of standard output; .csv, .jsonl, .xlsx and .parquet choose the format when --format is not given; a further .gz compresses (verdicts.jsonl.gz)." };
        var encoding = CommonOptions.Encoding();
        var parallel = CommonOptions.AtLeastOne(new Option<int>("--parallel") { Description = "Threads that evaluate at once (1 or more); output is identical for any number.", DefaultValueFactory = _ => Environment.ProcessorCount });
        var detail = new Option<string>("--detail")
        {
            Description = "How much each JSON line explains: all (every criterion, the default), failing (only criteria not passing) or verdict (none).",
            DefaultValueFactory = _ => "all",
        };
        detail.AcceptOnlyFromAmong([.. Enum.GetNames<VerdictDetail>().Select(n => n.ToLowerInvariant())]);
        var command = new Command("score", "Score every village in a records file and write one verdict per input row, in order.\n\nExamples:\n  score --input villages.csv --rules aliresearch\n  score --input villages.csv --rules classic --format jsonl --output verdicts.jsonl\n  score --input my-rules.json ... (a rule file works wherever an id does)")
        {
            input, rules, format, output, encoding, parallel, detail,
        };
        command.SetAction(parse => Run(io, new ScoreRequest(
            parse.GetValue(input) ?? Inputs.SamplePath,
            parse.GetValue(rules)!,
            parse.GetResult(format) is { Implicit: false } ? parse.GetValue(format)! : FormatFor(parse.GetValue(output)) ?? parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(encoding),
            Math.Max(1, parse.GetValue(parallel)),
            CommonOptions.CsvOutput(parse))
        {
            Detail = Enum.Parse<VerdictDetail>(parse.GetValue(detail)!, ignoreCase: true),
        }));
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
        var file = request.Input == "-" ? null : Inputs.Open(request.Input, request.Encoding, io);
        var records = file?.Rows ?? Inputs.Records(request.Input, request.Encoding, io);
        var inputReport = new InputReport();

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
        Notes(io, request, output.IsFile, counts, file, rules, inputReport);
        return PlannerApp.Ok;
    }

    /// <summary>What is said after the run: undecided criteria, hints, years, the counts and the CSV codes note.</summary>
    private static void Notes(PlannerIO io, ScoreRequest request, bool toFile, BatchCounts counts, RecordFile? file, BatchScorer rules, InputReport inputReport)
    {
        inputReport.WarnUndecided(io.Error, file?.Report, io.Settings.Columns);
        inputReport.Hint(io.Error, request.Input, counts);
        if (request.Rules != "auto")
        {
            inputReport.WarnYears(io.Error, request.Input, rules.RuleSets);
        }

        if (request.Format is "jsonl" or "csv" || toFile)
        {
            // Data went to stdout: keep it clean for pipes and say the counts on stderr.
            var note = toFile ? io.Out : io.Error;
            note.WriteLine($"{request.Input}: {Words.Counts(counts)}" + (toFile ? $" -> {request.Output}" : string.Empty));
        }

        if (request.Format == "csv" && toFile && request.CsvOutput?.CodesAsText != true)
        {
            io.Out.WriteLine(Words.Format("{0}: spreadsheets open the codes of a CSV as numbers (3.30782E+11); an .xlsx output keeps them, or add --codes-as-text.", request.Output!));
        }
    }

    /// <summary>Scores and writes data formats; for tables and summaries returns the drawing to do once the progress bar is gone.</summary>
    private static Action? Write(PlannerOutput output, ScoreRequest request, BatchScorer scorer, IEnumerable<InputRow> rows, BatchCounts counts, InputReport report)
    {
        var run = new ScoreRun(output, request, scorer, rows, counts, report);
        switch (request.Format)
        {
            case "jsonl" when output.Utf8Stream() is { } bytes:
                run.WriteJsonLines(bytes);
                break;
            case "jsonl":
                run.WriteJsonLinesText();
                break;
            case "parquet":
                run.WriteParquet();
                break;
            case "xlsx":
                run.WriteWorkbook();
                break;
            case "csv":
                run.WriteCsv();
                break;
            default:
                return run.Summarise();
        }

        return null;
    }

    /// <summary>One scoring run's parts: every row scored goes past the input report on its way to the writer.</summary>
    private sealed record ScoreRun(PlannerOutput Output, ScoreRequest Request, BatchScorer Scorer, IEnumerable<InputRow> Rows, BatchCounts Counts, InputReport Report)
    {
        private IEnumerable<ScoredRow> Scored() => Scorer.Score(Rows, Counts).Select(row =>
        {
            Report.Add(row);
            return row;
        });

        // UTF-8 lines straight into the file (no string per line, issue 12). Flushed, not disposed: the output belongs
        // to PlannerOutput, which commits or abandons it.
        public void WriteJsonLines(Stream bytes)
        {
            var lines = new VerdictJsonLinesWriter(bytes, Scorer.RuleSet, Request.Detail, leaveOpen: true);
            foreach (var row in Scored())
            {
                lines.Write(row, Scorer.RuleSetFor(row.Year));
            }

            lines.Flush();
        }

        // Another encoding (GB18030): each line a string, formatted on the scoring threads and written in order.
        public void WriteJsonLinesText()
        {
            var text = new VerdictJsonLinesWriter(Output.Writer, Scorer.RuleSet, Request.Detail, leaveOpen: true);
            foreach (var line in Scorer.ScoreSelect(Rows, row => { Report.Add(row); return VerdictJsonWriter.FormatLine(row, Scorer.RuleSetFor(row.Year), Request.Detail); }, Counts))
            {
                text.WriteLine(line);
            }

            text.Flush();
        }

        // Parquet compresses its own columns and needs a seekable file: never standard output, never .gz.
        public void WriteParquet()
        {
            var file = Output.BinaryStream() is { CanSeek: true } seekable ? seekable : throw new PlannerException(Words.Get("a .parquet file needs a file: give --output FILE.parquet."), PlannerApp.Usage);
            TaobaoVillage.Parquet.ParquetVerdictWriter.Write(file, Scored(), Scorer.RuleSets);
        }

        public void WriteWorkbook()
        {
            var stream = Output.BinaryStream() ?? throw new PlannerException(Words.Get("an .xlsx workbook needs a file: give --output FILE.xlsx."), PlannerApp.Usage);
            TaobaoVillage.Excel.ExcelVerdictWriter.Write(stream, Scored(), Scorer.RuleSets, Tables.WorkbookLabels());
        }

        public void WriteCsv()
        {
            using var csv = CsvVerdictWriter.ForRuleSets(Output.Writer, Scorer.RuleSets, leaveOpen: true, Request.CsvOutput);
            foreach (var row in Scored())
            {
                csv.Write(row);
            }
        }

        /// <summary>Scores into the summary (and the first rows into a table); returns the drawing, done after the progress bar has gone so the two never share the screen.</summary>
        public Action Summarise()
        {
            var summary = new Summary(Scorer.RuleSets);
            var shown = new List<ScoredRow>();
            foreach (var row in Scored())
            {
                summary.Add(row);
                if (Request.Format == "table" && shown.Count < Tables.MaxRows)
                {
                    shown.Add(row);
                }
            }

            var table = Request.Format == "table" ? Table(shown) : null;
            return () =>
            {
                Draw(table);
                summary.Render(Output.Console, Request.Input, Counts);
            };
        }

        // The columns of the rule sets the shown rows were judged by, not of every set by year.
        private Table Table(List<ScoredRow> shown)
        {
            var used = shown.Where(r => r.Verdict is not null).Select(r => r.Verdict!.RuleSet).Distinct().OrderBy(r => r.EffectiveYears.From).ToList();
            var ruleSets = used.Count > 0 ? used : Scorer.RuleSets;
            var table = Tables.Verdicts(ruleSets);
            var columns = Tables.CriterionIds(ruleSets);
            foreach (var row in shown)
            {
                Tables.AddVerdict(table, row, columns);
            }

            return table;
        }

        private void Draw(Table? table)
        {
            if (table is null)
            {
                return;
            }

            Output.Console.Write(table);
            if (Counts.Read > Tables.MaxRows)
            {
                Output.Console.MarkupLine("[grey]" + Words.Format("… {0:N0} more rows; use --format csv or jsonl for all of them.", Counts.Read - Tables.MaxRows) + "[/]");
            }
        }
    }

    /// <summary>The format an output file's extension names, or null.</summary>
    private static string? FormatFor(string? output) => Path.GetExtension(PlannerOutput.IsGzip(output) ? output![..^3] : output ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".jsonl" or ".ndjson" => "jsonl",
        ".xlsx" when !PlannerOutput.IsGzip(output) => "xlsx",
        ".parquet" when !PlannerOutput.IsGzip(output) => "parquet",
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
public sealed record ScoreRequest(string Input, string Rules, string Format, string? Output, string? Encoding, int Parallel, CsvOutputOptions? CsvOutput = null)
{
    /// <summary>How much each JSON line explains (<c>--detail</c>).</summary>
    public VerdictDetail Detail { get; init; } = VerdictDetail.All;
}
