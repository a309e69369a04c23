using System.Collections.Concurrent;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Planner;

/// <summary>What the planner says about an input on standard error: the columns it understood, and a hint when a whole file goes wrong.</summary>
public sealed class InputReport
{
    private readonly ConcurrentDictionary<(string Code, string Field), int> _rejections = new();
    private readonly ConcurrentDictionary<int, int> _outOfYears = new();

    /// <summary>
    /// Before scoring a CSV: the columns recognised under another name (户数 → households), the ones kept as
    /// attributes, and the criteria no row can decide because no column supplies them. Says nothing for a file that
    /// uses the contract's names throughout.
    /// </summary>
    /// <param name="error">Standard error.</param>
    /// <param name="path">The records file.</param>
    /// <param name="options">How it is read.</param>
    /// <param name="scorer">The scorer that will judge it (one rule set, or the sets by year).</param>
    public static void DescribeColumns(TextWriter error, string path, CsvRecordReaderOptions options, BatchScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        var header = CsvRecordReader.ReadHeader(path, options);
        if (header.Count == 0)
        {
            return;
        }

        var coverage = ColumnCoverage.Of(header, options.InferCommitteeFromName, options.Columns, scorer.RuleSets, scorer.RuleSetFor(null));
        var renamed = coverage.Renamed;
        var ignored = coverage.Ignored;
        var undecidable = coverage.Undecidable.Select(u => Words.Format("{0} (needs {1})", u.CriterionId, string.Join(", ", u.MissingColumns))).ToList();
        if (renamed.Count > 0)
        {
            error.WriteLine(Terminal.Clean(Words.Format("{0}: columns read as {1}.", path, string.Join(", ", renamed))));
        }

        if (ignored.Count > 0)
        {
            error.WriteLine(Terminal.Clean(Words.Format("{0}: columns not recognised, kept as attributes: {1}.", path, string.Join(", ", ignored))));
        }

        if (undecidable.Count > 0)
        {
            error.WriteLine(Terminal.Clean(Words.Format("{0}: no row can decide {1}: no column gives it (rename a column, or see the aliases in the README).", path, string.Join("; ", undecidable))));
        }
    }

    /// <summary>Counts one scored row's rejection, if any. Thread-safe.</summary>
    /// <param name="row">The row.</param>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Status == RowStatus.Invalid && row.Problems.Count > 0)
        {
            _rejections.AddOrUpdate((row.Problems[0].Code, row.Problems[0].Field), 1, static (_, n) => n + 1);
        }
        else if (row.Verdict is { } verdict && row.Year is { } year && !verdict.RuleSet.EffectiveYears.Contains(year))
        {
            _outOfYears.AddOrUpdate(year, 1, static (_, n) => n + 1);
        }
    }

    /// <summary>When rows were judged by a rule set whose years do not contain theirs, one line saying so.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="path">The records file.</param>
    /// <param name="ruleSets">The rule sets used.</param>
    public void WarnYears(TextWriter error, string path, IReadOnlyList<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(ruleSets);
        if (_outOfYears.IsEmpty)
        {
            return;
        }

        var years = string.Join(", ", _outOfYears.OrderBy(p => p.Key).Select(p => Words.Format("{0} ({1:N0} rows)", p.Key, p.Value)));
        error.WriteLine(Terminal.Clean(Words.Format("{0}: warning: {1} does not cover {2} (its years: {3}); --rules auto judges each row by the rules of its year.", path, string.Join(", ", ruleSets), years, string.Join(", ", ruleSets.Select(r => r.EffectiveYears)))));
    }

    /// <summary>When most rows were rejected for one reason, one line on what to do about it.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="path">The records file.</param>
    /// <param name="counts">The run's counts.</param>
    public void Hint(TextWriter error, string path, BatchCounts counts)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Read == 0 || counts.Rejected * 2 <= counts.Read || _rejections.IsEmpty)
        {
            return;
        }

        var (top, n) = _rejections.MaxBy(p => p.Value) is var kv ? (kv.Key, kv.Value) : default;
        if (n * 5 < counts.Rejected * 4)
        {
            return;
        }

        var advice = top.Code switch
        {
            RecordProblemCodes.BadEncoding => Words.Get("the file is not in the encoding read; save it as CSV UTF-8, or give --encoding gb18030 (or utf-8)."),
            RecordProblemCodes.MissingVillageCode => Words.Get("no column gives the village code; name it village_code (or 村代码, 行政区划代码…)."),
            RecordProblemCodes.WrongCellCount => Words.Get("rows have another number of cells than the header: is the separator a comma? Save the sheet as CSV again."),
            RecordProblemCodes.NotANumber or RecordProblemCodes.Inexact => Words.Format("the column for {0} does not hold plain numbers; clear units and words from its cells (a unit belongs in the header: 年销售额（万元）).", top.Field),
            RecordProblemCodes.DuplicateField => Words.Get("two columns give the same field; delete or rename one."),
            RecordProblemCodes.Malformed => Words.Get("the file does not read as records: see the first rejected row (a stray quote, a truncated file, a sheet that is not there)."),
            _ => Words.Format("see the problems of the rejected rows ({0}).", top.Code),
        };
        error.WriteLine(Terminal.Clean(Words.Format("{0}: {1:N0} of {2:N0} rows rejected as {3}: {4}", path, n, counts.Read, top.Code, advice)));
    }
}
