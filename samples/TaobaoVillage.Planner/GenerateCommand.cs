using System.CommandLine;
using System.Diagnostics;

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
            var codesPath = parse.GetValue(codes) ?? NationalGenerator.FindCodes(Environment.CurrentDirectory) ?? NationalGenerator.FindCodes(AppContext.BaseDirectory);
            if (codesPath is not null)
            {
                Inputs.RequireFile(codesPath, "codes file");
            }

            // The inputs are checked before the output is touched; the output itself is written all or nothing.
            NationalGenerator.CheckCodes(codesPath);
            var path = parse.GetValue(output)!;
            RequireCsvName(path);
            var clock = Stopwatch.StartNew();
            using var target = PlannerOutput.Open(io, path, codesPath);
            var written = NationalGenerator.Write(target.Writer, parse.GetValue(seed), codesPath, parse.GetValue(rows), (double)(parse.GetValue(broken) ?? 0), parse.GetValue(year));
            target.Commit();
            io.Out.WriteLine($"{path}: {written.Rows:N0} rows ({written.Broken:N0} broken on purpose) from {(codesPath is null ? "synthetic codes" : codesPath)} in {clock.Elapsed.TotalSeconds:F1} s");
            return PlannerApp.Ok;
        });
        return command;
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
