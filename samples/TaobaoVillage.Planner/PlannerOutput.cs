using System.Collections.Concurrent;
using System.Text;
using Spectre.Console;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;

namespace TaobaoVillage.Planner;

/// <summary>
/// Where a command writes its result: standard output, or a file written all or nothing (<see cref="AtomicFile"/>).
/// Tables and charts go to <see cref="Console"/>, data to <see cref="Writer"/>; both reach the same place.
/// </summary>
public sealed class PlannerOutput : IDisposable
{
    // Every file not yet committed, so a signal can give them all up before the process ends.
    private static readonly ConcurrentDictionary<AtomicFile, byte> Pending = new();
    private readonly AtomicFile? file;
    private readonly Stream? compressed;
    private bool binary;

    // The file's bytes: through the compressor for .gz, else the file itself.
    private Stream? Bytes => compressed ?? file?.Stream;

    private PlannerOutput(TextWriter writer, IAnsiConsole console, AtomicFile? file, Stream? compressed = null)
    {
        Writer = writer;
        Console = console;
        this.file = file;
        this.compressed = compressed;
    }

    /// <summary>Data formats write here.</summary>
    public TextWriter Writer { get; }

    /// <summary>Tables and charts write here: the terminal, or plain text at 140 columns into the file.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>
    /// The file's bytes, for binary formats (.xlsx, .parquet); null for standard output. Write here or to
    /// <see cref="Writer"/>, not both: once asked for, the text writer is never flushed into the file (its byte-order
    /// mark, with --bom, would land after the binary format's last byte).
    /// </summary>
    /// <returns>The file's stream, or null.</returns>
    public Stream? BinaryStream()
    {
        binary = true;
        return Bytes;
    }

    /// <summary>
    /// The file's byte stream when its text is UTF-8, with what the writer holds (and the BOM, if asked for) flushed
    /// first: lines can then go in as UTF-8 bytes, without strings. Null for standard output or another encoding.
    /// </summary>
    /// <returns>The stream, or null.</returns>
    public Stream? Utf8Stream()
    {
        if (Bytes is not { } stream || Writer is not StreamWriter { Encoding: UTF8Encoding })
        {
            return null;
        }

        Writer.Flush();
        return stream;
    }

    /// <summary>Whether the output is a file rather than standard output.</summary>
    public bool IsFile => file is not null;

    /// <summary>Opens the output a command names.</summary>
    /// <param name="io">The planner's streams.</param>
    /// <param name="path">The file, or null or <c>-</c> for standard output.</param>
    /// <param name="inputs">The files the command reads; the output may be none of them, nor one the whole run reads (<see cref="RunSettings.Inputs"/>).</param>
    /// <returns>The output; commit it when the run completed.</returns>
    /// <exception cref="PlannerException">The output is an input, a folder, or in a folder that does not exist.</exception>
    public static PlannerOutput Open(PlannerIO io, string? path, params string?[] inputs)
    {
        ArgumentNullException.ThrowIfNull(io);
        if (path is null or "-")
        {
            return new PlannerOutput(io.Out, io.Console, null);
        }

        var file = CreateFile(io, path, inputs);
        Pending.TryAdd(file, 0);

        // verdicts.jsonl.gz, verdicts.csv.gz: what analysts load straight into pandas, DuckDB or Spark.
        var compressed = IsGzip(path) ? new System.IO.Compression.GZipStream(file.Stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true) : null;
        var writer = new StreamWriter(compressed ?? file.Stream, io.Settings.OutputEncoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        return new PlannerOutput(writer, FileConsole(writer), file, compressed);
    }

    /// <summary>The file a command writes, all or nothing; refused when it is one of the inputs.</summary>
    private static AtomicFile CreateFile(PlannerIO io, string path, string?[] inputs)
    {
        try
        {
            return AtomicFile.Create(path, inputs.Concat(io.Settings.Inputs).Where(i => i is not null and not "-"));
        }
        catch (OutputConflictException ex)
        {
            throw new PlannerException(ex.Message, PlannerApp.Usage);
        }
        catch (ArgumentException)
        {
            // AtomicFile refuses an empty path or a folder; say so in the planner's words, not the exception's (whose
            // parameter suffix .NET words in the system's language).
            var what = path.Length == 0 ? "the {0} '{1}' is not a file name." : "the {0} '{1}' is a folder, not a file.";
            throw new PlannerException(Words.Format(what, Words.Get("output"), path), PlannerApp.Usage);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new PlannerException(ex.Message);
        }
    }

    /// <summary>Tables and charts written into a file: plain text at 140 columns.</summary>
    private static IAnsiConsole FileConsole(TextWriter writer)
    {
        var console = Terminal.Guarded(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        }));
        console.Profile.Width = 140;
        return console;
    }

    /// <summary>
    /// Writes output rows as JSON Lines or CSV (their header; <paramref name="emptyHeader"/>, when given, for a CSV with
    /// no row), or draws the command's table for any other format: the one place an output row meets its format.
    /// </summary>
    /// <param name="format">The format asked for.</param>
    /// <param name="options">How CSV cells are written.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="table">Draws the table.</param>
    /// <param name="emptyHeader">The header of a CSV with no row, or null to write nothing.</param>
    public void WriteRows(string? format, CsvOutputOptions options, IEnumerable<IReadOnlyList<OutputField>> rows, Action table, IReadOnlyList<string>? emptyHeader = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(table);
        switch (format)
        {
            case "jsonl":
                foreach (var row in rows)
                {
                    Writer.WriteLine(OutputRowJsonWriter.FormatLine(row));
                }

                break;
            case "csv":
                WriteCsv(options, rows, emptyHeader);
                break;
            default:
                table();
                break;
        }
    }

    private void WriteCsv(CsvOutputOptions options, IEnumerable<IReadOnlyList<OutputField>> rows, IReadOnlyList<string>? emptyHeader)
    {
        using var csv = new CsvTableWriter(Writer, options, leaveOpen: true);
        var any = false;
        csv.WriteRows(rows.Select(row => { any = true; return row; }));
        if (!any && emptyHeader is not null)
        {
            csv.WriteRow([.. emptyHeader]);
        }
    }

    /// <summary>Whether an output path asks for gzip (<c>.gz</c>); its format is then that of the name without it.</summary>
    /// <param name="path">The path.</param>
    /// <returns>True for <c>….gz</c>.</returns>
    public static bool IsGzip(string? path) => path?.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The first output a signal gave up (see <see cref="AbortAll"/>), or null while none was.</summary>
    public static string? Interrupted { get; private set; }

    /// <summary>Gives up every output file not yet committed: called when the process is interrupted.</summary>
    public static void AbortAll()
    {
        foreach (var file in Pending.Keys)
        {
            Interrupted ??= file.Path;
            file.Abort();
        }
    }

    /// <summary>The run completed: the file replaces its target (standard output is flushed).</summary>
    /// <exception cref="IOException">The output could not be written.</exception>
    public void Commit()
    {
        if (!binary)
        {
            Writer.Flush();
        }

        compressed?.Dispose();
        if (file is not null)
        {
            try
            {
                file.Commit();
            }
            catch (InvalidOperationException)
            {
                throw new PlannerException(Words.Format("interrupted; '{0}' was left as it was.", file.Path), PlannerApp.Interrupted);
            }

            Pending.TryRemove(file, out _);
        }
    }

    /// <summary>Gives the file up unless it was committed: the earlier file stays as it was.</summary>
    public void Dispose()
    {
        if (file is null)
        {
            return;
        }

        try
        {
            compressed?.Dispose();
        }
        catch (IOException)
        {
            // The file is given up below; a failed trailer changes nothing.
        }

        if (!file.IsCommitted)
        {
            file.Abort();
        }

        Pending.TryRemove(file, out _);
    }
}
