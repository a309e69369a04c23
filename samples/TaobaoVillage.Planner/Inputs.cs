using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Files;
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
            throw new PlannerException($"{idOrPath}: {Words.Problem(first)}{more}");
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
    /// Reads records from a file: <c>.csv</c>, <c>.jsonl</c>/<c>.ndjson</c> (JSON Lines), <c>.json</c> (array) or
    /// <c>.xlsx</c>; <c>-</c> reads CSV from standard input. What was found in the file is said on standard error.
    /// </summary>
    /// <param name="path">The file, or <c>-</c>.</param>
    /// <param name="encoding">utf-8 (default) or gb18030, for CSV.</param>
    /// <param name="io">The run's streams and settings: standard input when <paramref name="path"/> is <c>-</c> (else the
    /// process's), the sheet and header row, and whether a committee is read from an official name.</param>
    /// <returns>The rows, lazily.</returns>
    /// <exception cref="PlannerException">The file does not exist, is a folder, cannot be read as a table, or the encoding is unknown.</exception>
    public static IEnumerable<InputRow> Records(string path, string? encoding = null, PlannerIO? io = null)
    {
        if (path == "-")
        {
            var options = CsvOptions(encoding) with { InferCommitteeFromName = io?.Settings.InferCommitteeFromName ?? true, Columns = io?.Settings.Columns ?? ColumnMap.Empty };
            return CsvRecordReader.ReadStream(io?.In ?? Console.OpenStandardInput(), "stdin", options);
        }

        return Open(path, encoding, io).Rows;
    }

    /// <summary>Opens a records file (<see cref="RecordFiles.Open"/>) and says on standard error what was found: the sheet, the header, the columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="encoding">utf-8 (default) or gb18030, for CSV.</param>
    /// <param name="io">The run's streams and settings.</param>
    /// <returns>The file's report and rows.</returns>
    /// <exception cref="PlannerException">The file does not exist, is a folder, cannot be read as a table (exit 1, one line naming the sheets), or the encoding is unknown.</exception>
    public static RecordFile Open(string path, string? encoding = null, PlannerIO? io = null)
    {
        RequireFile(path, "input file");
        var options = new RecordFileOptions
        {
            Encoding = CsvOptions(encoding).Encoding,
            Sheet = io?.Settings.Sheet,
            HeaderRow = io?.Settings.HeaderRow,
            InferCommitteeFromName = io?.Settings.InferCommitteeFromName ?? true,
            Columns = io?.Settings.Columns ?? ColumnMap.Empty,
        };
        if (options.HeaderRow is not null && RecordFiles.FormatOf(path) != RecordFileFormat.Xlsx)
        {
            throw new PlannerException(Words.Format("--header-row is for .xlsx inputs; the header of '{0}' is its first line.", path), PlannerApp.Usage);
        }

        WarnGuessedEncoding(path, encoding, io);
        RecordFile file;
        try
        {
            file = RecordFiles.Open(path, options);
        }
        catch (InvalidDataException ex)
        {
            throw new PlannerException($"{path}: {ex.Message}");
        }

        // Advice speaks in the file's own unit of money (a 年销售额（万元） column: 万元).
        Words.Money = TaobaoVillage.Domain.MoneyUnit.FromScale(RecordSchema.FromColumns(file.Report.Header, options.InferCommitteeFromName, options.Columns).ScaleOf(Metric.AnnualSales));
        if (io is not null)
        {
            InputReport.Describe(io.Error, file.Report);
        }

        return file;
    }

    /// <summary>A CSV not in UTF-8, read as GB18030 without being told: said, so a planner who meant otherwise knows the option to use.</summary>
    private static void WarnGuessedEncoding(string path, string? encoding, PlannerIO? io)
    {
        if (encoding is null && io is not null && RecordFiles.FormatOf(path) == RecordFileFormat.Csv)
        {
            using var head = File.OpenRead(path);
            if (CsvRecordReader.DetectEncoding(head).WebName != "utf-8")
            {
                io.Error.WriteLine(Words.Format("{0}: not UTF-8; read as GB18030 (say --encoding utf-8 to refuse the guess).", path));
            }
        }
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
}
