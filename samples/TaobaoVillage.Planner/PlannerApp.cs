using System.Globalization;
using System.CommandLine;
using Spectre.Console;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Planner;

/// <summary>
/// The planner's command line: a thin shell over the TaobaoVillage public API. Exit codes: 0 the run completed (even
/// with rejected rows, which are reported); 1 the input could not be scored (missing file, unreadable rule set);
/// 2 the command line is wrong.
/// </summary>
public static class PlannerApp
{
    /// <summary>The run completed.</summary>
    public const int Ok = 0;

    /// <summary>A file or rule set could not be used.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The run was interrupted (SIGINT, SIGTERM or SIGHUP) before its output was complete.</summary>
    public const int Interrupted = 130;

    /// <summary>Runs the planner.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="console">The console for tables and charts; by default one over <paramref name="stdout"/> that drops colour when redirected.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole? console = null)
        => Run(args, stdout, stderr, console, redirected: !ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected);

    /// <summary>Runs the planner.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="console">The console for tables and charts; by default one over <paramref name="stdout"/>.</param>
    /// <param name="redirected">Whether standard output is a file or pipe rather than a terminal: plain text, no colour, no progress bar.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole? console, bool redirected)
        => Run(args, new PlannerIO(stdout, stderr, console!), redirected);

    /// <summary>Runs the planner with the given streams, standard input among them.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="streams">Standard output, error and input; its console may be null for one over standard output.</param>
    /// <param name="redirected">Whether standard output is a file or pipe rather than a terminal.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, PlannerIO streams, bool redirected)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(streams.Out);
        ArgumentNullException.ThrowIfNull(streams.Error);
        var (stdout, stderr) = (streams.Out, streams.Error);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            // For this run only (tests run the planner in process): the words people read, never machine formats.
            // The language is known before the commands are built, so that help and parse errors speak it too.
            CultureInfo.CurrentUICulture = Words.Language(LanguageOption(args));
            return Run(args, streams with { Console = Terminal.Guarded(streams.Console ?? CreateConsole(stdout, redirected)) });
        }
        catch (PlannerException ex)
        {
            stderr.WriteLine(Words.Get("error: ") + OneLine(ex.Message));
            return ex.ExitCode;
        }
        catch (Exception) when (PlannerOutput.Interrupted is { } path)
        {
            // A signal gave the output up while it was being written: the write that found its file closed is the
            // interruption, said in one line, not a failure with a stack trace.
            stderr.WriteLine(Words.Get("error: ") + OneLine(Words.Format("interrupted; '{0}' was left as it was.", path)));
            return Interrupted;
        }
        catch (Exception ex) when (EnvironmentFailure(ex) is { } cause)
        {
            stderr.WriteLine(Words.Get("error: ") + OneLine(cause.Message));
            return Failed;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The planner's commands, their descriptions in the current UI language.</summary>
    /// <param name="io">Where the commands write.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Commands(PlannerIO io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var root = new RootCommand("TaobaoVillage planner: decides which villages qualify as Taobao Villages (淘宝村) under the published criteria, and explains why.\nWith no arguments it scores the bundled sample and prints a summary.");
        root.Subcommands.Add(ScoreCommand.Create(io));
        root.Subcommands.Add(GenerateCommand.Create(io));
        foreach (var command in RegionCommands.Create(io).Concat(WorkbenchCommands.Create(io)))
        {
            root.Subcommands.Add(command);
        }

        root.Options.Add(CommonOptions.RawCells);
        root.Options.Add(CommonOptions.CodesAsText);
        root.Options.Add(CommonOptions.NoNameInference);
        root.Options.Add(CommonOptions.Bom);
        root.Options.Add(CommonOptions.Sheet);
        root.Options.Add(CommonOptions.HeaderRow);
        root.Options.Add(CommonOptions.Columns);
        root.Options.Add(CommonOptions.Lang);
        root.Options.Add(CommonOptions.OutputEncoding);
        root.SetAction(_ => ScoreCommand.RunDefault(io));
        Words.Translate(root);
        return root;
    }

    private static int Run(string[] args, PlannerIO io)
    {
        var root = Commands(io);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            io.Error.WriteLine(Words.Get("error: ") + parse.Errors[0].Message + Words.Get(" (run with --help for usage)"));
            return Usage;
        }

        io.Settings.InferCommitteeFromName = !parse.GetValue<bool>(CommonOptions.NoNameInference.Name);
        io.Settings.Sheet = parse.GetValue<string?>(CommonOptions.Sheet.Name);
        io.Settings.HeaderRow = parse.GetValue<int?>(CommonOptions.HeaderRow.Name);
        io.Settings.OutputEncoding = parse.GetValue<string>(CommonOptions.OutputEncoding.Name) switch
        {
            "gb18030" => new TaobaoVillage.Csv.GbkFirstEncoding(),
            _ => new System.Text.UTF8Encoding(parse.GetValue<bool>(CommonOptions.Bom.Name)),
        };
        if (parse.GetValue<string?>(CommonOptions.Columns.Name) is { } columns)
        {
            Inputs.RequireFile(columns, "column map");
            io.Settings.Columns = LoadColumns(columns);
            io.Settings.Inputs.Add(columns);
        }

        var code = parse.Invoke(new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false });

        // A closed pipe or full disk shows here at the latest: it is a failure, not a completed run.
        io.Out.Flush();
        return code;
    }

    /// <summary>The value of <c>--lang</c> (<c>--lang zh-CN</c> or <c>--lang=zh-CN</c>), read before the command line is parsed; the last one wins.</summary>
    private static string? LanguageOption(string[] args)
    {
        string? lang = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                break;
            }

            if (args[i] == CommonOptions.Lang.Name && i + 1 < args.Length)
            {
                lang = args[++i];
            }
            else if (args[i].StartsWith(CommonOptions.Lang.Name + "=", StringComparison.Ordinal))
            {
                lang = args[i][(CommonOptions.Lang.Name.Length + 1)..];
            }
        }

        return lang;
    }

    /// <summary>The I/O failure behind an exception (a file, a pipe, a disk, unreadable bytes), or null for a bug.</summary>
    private static ColumnMap LoadColumns(string path)
    {
        try
        {
            return TaobaoVillage.Json.ColumnMapJson.LoadFile(path);
        }
        catch (InvalidDataException ex)
        {
            throw new PlannerException(ex.Message, Usage);
        }
    }

    private static Exception? EnvironmentFailure(Exception ex) => ex switch
    {
        IOException or UnauthorizedAccessException or InvalidDataException => ex,

        // .NET reports EFBIG (a file-size limit) as an out-of-range length from its own file code.
        ArgumentOutOfRangeException when ex.TargetSite?.DeclaringType?.Namespace == "System.IO"
            => new IOException("a write failed: the file-size limit was reached (EFBIG).", ex),
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(EnvironmentFailure).FirstOrDefault(e => e is not null),
        _ when ex.InnerException is { } inner => EnvironmentFailure(inner),
        _ => null,
    };

    private static string OneLine(string message)
    {
        // A last guard for messages that quote a huge value: the head and the tail say what and where.
        var line = Terminal.Clean(message.ReplaceLineEndings(" "));
        return line.Length <= 1_000 ? line : line[..700] + " … " + line[^200..];
    }

    private static IAnsiConsole CreateConsole(TextWriter stdout, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            // A file or pipe has no width; 80 columns would fold every table into slivers. COLUMNS, when set, says otherwise.
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : 140;
        }

        return console;
    }
}

/// <summary>Where the planner writes: plain streams for data, a console for tables and charts.</summary>
/// <param name="Out">Standard output, for data.</param>
/// <param name="Error">Standard error, for messages.</param>
/// <param name="Console">Tables and charts.</param>
public sealed record PlannerIO(TextWriter Out, TextWriter Error, IAnsiConsole Console)
{
    /// <summary>Standard input, read when an input is <c>-</c>; null for the process's own.</summary>
    public Stream? In { get; init; }

    /// <summary>What the command line set for the whole run (filled in once it is parsed).</summary>
    public RunSettings Settings { get; init; } = new();
}

/// <summary>Settings of one run that every command honours, from options given on any command.</summary>
public sealed class RunSettings
{
    /// <summary>Whether a village without a committee column takes its kind from its official name (off with <c>--no-name-inference</c>).</summary>
    public bool InferCommitteeFromName { get; set; } = true;

    /// <summary>
    /// The encoding of output files: UTF-8 without a BOM by default; with a BOM (<c>--bom</c>) or GB18030
    /// (<c>--output-encoding gb18030</c>) so that Excel on a Chinese Windows opens a CSV right.
    /// </summary>
    public System.Text.Encoding OutputEncoding { get; set; } = new System.Text.UTF8Encoding(false);

    /// <summary>The sheet of an <c>.xlsx</c> input to read (<c>--sheet</c>); null for the first.</summary>
    public string? Sheet { get; set; }

    /// <summary>The row of an <c>.xlsx</c> input that names the columns (<c>--header-row</c>); null to find it.</summary>
    public int? HeaderRow { get; set; }

    /// <summary>The planner's own column names (<c>--columns map.json</c>).</summary>
    public ColumnMap Columns { get; set; } = ColumnMap.Empty;

    /// <summary>Files every command of the run reads (the column map), which no output may replace.</summary>
    public IList<string> Inputs { get; } = [];
}

/// <summary>A failure the planner reports as one line and an exit code, never a stack trace.</summary>
public sealed class PlannerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PlannerException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The one-line message.</param>
    public PlannerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="innerException">The cause.</param>
    public PlannerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with an exit code.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="exitCode">The exit code.</param>
    public PlannerException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    /// <summary>The exit code.</summary>
    public int ExitCode { get; } = PlannerApp.Failed;
}
