using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;
using TaobaoVillage.Json;
using TaobaoVillage.RuleSets;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Planner;

/// <summary>Opens the inputs a command names: rule sets by id or path, record files by extension.</summary>
public static class Inputs
{
    /// <summary>The bundled sample data set.</summary>
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "data", "sample-villages.csv");

    /// <summary>A built-in rule set by id, or a rule file by path.</summary>
    /// <param name="idOrPath">The id or path.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="PlannerException">Neither a built-in id nor a readable, valid rule file.</exception>
    public static RuleSet RuleSet(string idOrPath)
    {
        if (BuiltInRuleSets.TryGet(idOrPath, out var builtIn))
        {
            return builtIn;
        }

        if (Directory.Exists(idOrPath))
        {
            throw new PlannerException(Words.Format("the {0} '{1}' is a folder, not a file.", Words.Get("rule file"), idOrPath));
        }

        if (!File.Exists(idOrPath))
        {
            throw new PlannerException(Words.Format("'{0}' is neither a built-in rule set ({1}) nor a rule file.", idOrPath, string.Join(", ", BuiltInRuleSets.All.Select(r => r.Id))));
        }

        var result = RuleSetJson.LoadFile(idOrPath);
        if (result.RuleSet is null)
        {
            var first = result.Problems[0];
            var more = result.Problems.Count > 1 ? Words.Format(" (and {0} more; see 'rules validate')", result.Problems.Count - 1) : string.Empty;
            throw new PlannerException($"{idOrPath}: {first}{more}");
        }

        return result.RuleSet;
    }

    /// <summary>A village rule set by id or path: the one check every village command makes.</summary>
    /// <param name="idOrPath">The id or path.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="PlannerException">Not found, invalid, or a township rule set.</exception>
    public static RuleSet VillageRuleSet(string idOrPath)
    {
        var ruleSet = RuleSet(idOrPath);
        return ruleSet.Target == RuleTarget.Village
            ? ruleSet
            : throw new PlannerException(Words.Format("the rule set {0} is for townships; use the 'towns' command.", ruleSet), PlannerApp.Usage);
    }

    /// <summary>
    /// The built-in town rules for a year (<see cref="BuiltInRuleSets.ForTownshipYear"/>, the one year policy): a year
    /// before Taobao Towns were counted stops the run with one line, for <c>towns</c>, <c>plan</c> and <c>report</c> alike.
    /// </summary>
    /// <param name="year">The data year.</param>
    /// <returns>The township rule set.</returns>
    /// <exception cref="PlannerException">The year is before <see cref="BuiltInRuleSets.FirstTownshipYear"/>.</exception>
    public static RuleSet TownRulesForYear(int year) => year < BuiltInRuleSets.FirstTownshipYear
        ? throw new PlannerException(Words.Format("Taobao Towns were first counted in 2014; the data has {0}. Name a rule set with --rules.", year), PlannerApp.Usage)
        : BuiltInRuleSets.ForTownshipYear(year);

    /// <summary>A scorer for <c>--rules</c>: <c>auto</c> judges each record by the built-in set of its year, else the one set named.</summary>
    /// <param name="rules">auto, a built-in id or a rule file.</param>
    /// <param name="options">Batch options, or the defaults.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="PlannerException">Not found, invalid, or a township rule set.</exception>
    public static BatchScorer VillageScorer(string rules, BatchOptions? options = null) =>
        rules == "auto" ? BatchScorer.ForYears(options) : new BatchScorer(VillageRuleSet(rules), options);

    /// <summary>A scorer as a one-line note names it: its one rule set, or <c>auto</c> for each row by the set of its year.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <returns>The name.</returns>
    public static string Named(BatchScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return scorer.RuleSets.Count == 1 ? scorer.RuleSet.ToString() : "auto";
    }

    /// <summary>
    /// Reads records from a file: <c>.csv</c>, <c>.jsonl</c>/<c>.ndjson</c> (JSON Lines) or <c>.json</c> (array); <c>-</c>
    /// reads CSV from standard input.
    /// </summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="encoding">utf-8 (default) or gb18030, for CSV.</param>
    /// <param name="io">The run's streams and settings: standard input when <paramref name="path"/> is <c>-</c> (else the
    /// process's), and whether a committee is read from an official name.</param>
    /// <returns>The rows, lazily.</returns>
    /// <exception cref="PlannerException">The file does not exist or is a folder, or the encoding is unknown.</exception>
    public static IEnumerable<InputRow> Records(string path, string? encoding = null, PlannerIO? io = null)
    {
        var infer = io?.Settings.InferCommitteeFromName ?? true;
        var options = CsvOptions(encoding) with { InferCommitteeFromName = infer, Columns = io?.Settings.Columns ?? ColumnMap.Empty };
        if (path == "-")
        {
            return CsvRecordReader.ReadStream(io?.In ?? Console.OpenStandardInput(), "stdin", options);
        }

        RequireFile(path, "input file");
        if (encoding is null && io is not null && Path.GetExtension(path).ToLowerInvariant() is not (".jsonl" or ".ndjson" or ".json" or ".xlsx"))
        {
            using var head = File.OpenRead(path);
            if (CsvRecordReader.DetectEncoding(head).WebName != "utf-8")
            {
                // Say what was guessed, so a planner who meant otherwise knows the option to use.
                io.Error.WriteLine(Words.Format("{0}: not UTF-8; read as GB18030 (say --encoding utf-8 to refuse the guess).", path));
            }
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var excelOptions = new TaobaoVillage.Excel.ExcelRecordReaderOptions { Sheet = io?.Settings.Sheet, InferCommitteeFromName = infer, Columns = options.Columns };

        // Advice speaks in the file's own unit of money (a 年销售额（万元） column: 万元).
        var header = extension switch
        {
            ".xlsx" => DescribeWorkbook(path, excelOptions, io).Header,
            ".jsonl" or ".ndjson" or ".json" => [],
            _ => CsvRecordReader.ReadHeader(path, options),
        };
        Words.Money = TaobaoVillage.Domain.MoneyUnit.FromScale(RecordSchema.FromColumns(header, infer, options.Columns).ScaleOf(Metric.AnnualSales));
        return extension switch
        {
            ".xlsx" => TaobaoVillage.Excel.ExcelRecordReader.ReadFile(path, excelOptions),
            ".jsonl" or ".ndjson" => ReadJson(path, options, lines: true),
            ".json" => ReadJson(path, options, lines: false),
            _ => CsvRecordReader.ReadFile(path, options),
        };
    }

    /// <summary>Which sheet of a workbook is read and where its header is, said on standard error; a file that is not a workbook, or a sheet that is not there, stops the run.</summary>
    /// <exception cref="PlannerException">The workbook cannot be read (exit 1, one line naming the sheets).</exception>
    private static TaobaoVillage.Excel.ExcelWorkbookInfo DescribeWorkbook(string path, TaobaoVillage.Excel.ExcelRecordReaderOptions options, PlannerIO? io)
    {
        TaobaoVillage.Excel.ExcelWorkbookInfo info;
        try
        {
            info = TaobaoVillage.Excel.ExcelRecordReader.Describe(path, options);
        }
        catch (InvalidDataException ex)
        {
            throw new PlannerException($"{path}: {ex.Message}");
        }

        io?.Error.WriteLine(Words.Format("{0}: read sheet '{1}', header in row {2}.", path, info.Sheet, info.HeaderRow)
            + (info.TitleRows > 0 ? " " + Words.Format("Rows 1–{0} above it are a title and are skipped.", info.TitleRows) : string.Empty)
            + (info.Sheets.Count > 1 ? " " + Words.Format("Other sheets, not read: {0}.", string.Join(", ", info.Sheets.Where(s => s != info.Sheet))) : string.Empty));
        return info;
    }

    /// <summary>Checks that a path names a file that exists, saying what else it is if not.</summary>
    /// <param name="path">The path.</param>
    /// <param name="what">What the file is for, such as "input file".</param>
    /// <exception cref="PlannerException">It does not exist, or is a folder.</exception>
    public static void RequireFile(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new PlannerException(Words.Format("the {0} '{1}' is a folder, not a file.", Words.Get(what), path));
        }

        if (!File.Exists(path))
        {
            throw new PlannerException(Words.Format("the {0} '{1}' does not exist.", Words.Get(what), path));
        }
    }

    /// <summary>The CSV reader options for an <c>--encoding</c> value: the one place that names the encodings.</summary>
    /// <param name="encoding">utf-8 (default), or gb18030 (gbk and gb2312 are its subsets).</param>
    /// <returns>The options.</returns>
    /// <exception cref="PlannerException">The encoding is unknown.</exception>
    public static CsvRecordReaderOptions CsvOptions(string? encoding) => encoding?.ToLowerInvariant() switch
    {
        null or "utf-8" or "utf8" => CsvRecordReaderOptions.Default,
        "gb18030" or "gbk" or "gb2312" => CsvRecordReaderOptions.Default with { Encoding = CsvRecordReaderOptions.Gb18030 },
        _ => throw new PlannerException(Words.Format("unknown encoding '{0}'; use utf-8 or gb18030.", encoding), PlannerApp.Usage),
    };

    private static IEnumerable<InputRow> ReadJson(string path, CsvRecordReaderOptions options, bool lines)
    {
        using var reader = new StreamReader(path, options.Encoding ?? System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var json = JsonRecordReaderOptions.Default with { InferCommitteeFromName = options.InferCommitteeFromName, Columns = options.Columns };
        var rows = lines ? JsonRecordReader.ReadJsonLines(reader, path, json) : JsonRecordReader.ReadJsonArray(reader, path, json);
        foreach (var row in rows)
        {
            yield return row;
        }
    }
}
