using System.CommandLine;
using System.Diagnostics;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Planner;

/// <summary><c>generate</c>: a deterministic national-scale records file for benchmarks and demos.</summary>
public static class GenerateCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="io">Where to write.</param>
    /// <returns>The command.</returns>
    public static Command Create(PlannerIO io)
    {
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--output", "-o") { Description = "The CSV file to write (.csv, or .csv.gz to compress); a name for another format (.xlsx, .json, …) is refused.", Required = true };
        var codes = new Option<string?>("--codes") { Description = "The NBS codes (nbs-2016-village-codes.csv.gz). Default: shared/data found above the current folder; else synthetic codes." };
        var rows = CommonOptions.Whole("--rows", "How many rows; more than the codes repeat them with later years. Default: one per code (666,655).");
        var broken = CommonOptions.Number("--broken-rate", "The share of rows made deliberately broken, to exercise rejection (0.001 is one in a thousand).");
        var year = new Option<int>("--year") { Description = "The data year (of the first pass).", DefaultValueFactory = _ => 2020 };
        var command = new Command("generate", "Write a deterministic national records file: real NBS village codes and names with synthetic, plausible e-commerce figures (about 1% of villages qualify).\n\nExamples:\n  generate --seed 1 --output national.csv\n  generate --seed 7 --rows 100000 --broken-rate 0.001 --output test.csv")
        {
            seed, output, codes, rows, broken, year,
        };
        command.SetAction(parse =>
        {
            var options = new NationalRecordsOptions
            {
                Seed = parse.GetValue(seed),
                CodesPath = parse.GetValue(codes) ?? FindCodes(Environment.CurrentDirectory) ?? FindCodes(AppContext.BaseDirectory),
                Rows = parse.GetValue(rows),
                BrokenRate = (double)(parse.GetValue(broken) ?? 0),
                Year = parse.GetValue(year),
            };
            return Generate(io, parse.GetValue(output)!, options);
        });
        return command;
    }

    private static int Generate(PlannerIO io, string path, NationalRecordsOptions options)
    {
        // The inputs are checked before the output is touched; the output itself is written all or nothing.
        CheckCodes(options.CodesPath);
        RequireCsvName(path);
        var clock = Stopwatch.StartNew();
        using var target = PlannerOutput.Open(io, path, options.CodesPath);
        var written = NationalRecords.Write(target.Writer, options);
        target.Commit();
        io.Out.WriteLine(Words.Format("{0}: {1:N0} rows ({2:N0} broken on purpose) from {3} in {4:F1} s", path, written.Rows, written.Broken, options.CodesPath ?? Words.Get("synthetic codes"), clock.Elapsed.TotalSeconds));
        return PlannerApp.Ok;
    }

    private static void CheckCodes(string? codesPath)
    {
        if (codesPath is null)
        {
            return;
        }

        Inputs.RequireFile(codesPath, "codes file");
        try
        {
            NationalRecords.CheckCodes(codesPath);
        }
        catch (InvalidDataException ex)
        {
            throw new PlannerException(ex.Message);
        }
    }

    /// <summary>Finds the NBS codes file in a <c>shared/data</c> folder beside or above a folder, where a workspace keeps it.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public static string? FindCodes(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "nbs-2016-village-codes.csv.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Refuses an output named for another format: generate writes CSV text, which a .xlsx or .json name would misname.</summary>
    /// <param name="path">The output path.</param>
    /// <exception cref="PlannerException">The name ends in .xlsx, .xls, .parquet, .json, .jsonl or .ndjson (also before .gz).</exception>
    public static void RequireCsvName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = PlannerOutput.IsGzip(path) ? path[..^3] : path;
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".xlsx" or ".xls" or ".parquet" or ".json" or ".jsonl" or ".ndjson")
        {
            throw new PlannerException(Words.Format("generate writes CSV only; name the output .csv (or .csv.gz), not '{0}'.", extension), PlannerApp.Usage);
        }
    }
}
