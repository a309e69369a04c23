using TaobaoVillage.Engine;
using System.Collections.Concurrent;
using TaobaoVillage.Batch;
using TaobaoVillage.Files;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Planner;

/// <summary>What the planner says about an input on standard error: what it found in the file, the criteria no row could decide, and a hint when a whole file goes wrong.</summary>
public sealed class InputReport
{
    private readonly ConcurrentDictionary<(string Code, string Field), int> _rejections = new();
    private readonly ConcurrentDictionary<int, int> _outOfYears = new();
    private readonly UndecidedCriteria _undecided = new();

    /// <summary>
    /// What was found in a records file, on standard error, for every format: for a workbook the sheet read, its header
    /// row, the title rows skipped, the other sheets and the blank columns ignored; then the columns recognised under
    /// another name (户数 → households) and those kept as attributes (序号, 备注). Says nothing more for a CSV or JSON
    /// file that uses the contract's names throughout.
    /// </summary>
    /// <param name="error">Standard error.</param>
    /// <param name="report">The file's report (<see cref="RecordFiles.Open"/>).</param>
    public static void Describe(TextWriter error, RecordFileReport report)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Format == RecordFileFormat.Xlsx)
        {
            error.WriteLine(Terminal.Clean(Words.Format("{0}: read sheet '{1}', header in row {2}.", report.Path, report.Sheet!, report.HeaderRow)
                + (report.TitleRows > 0 ? " " + Words.Format("Rows 1–{0} above it are a title and are skipped.", report.TitleRows) : string.Empty)
                + (report.OtherSheets.Count > 0 ? " " + Words.Format("Other sheets, not read: {0}.", string.Join(", ", report.OtherSheets)) : string.Empty)
                + (report.BlankColumns.Count > 0 ? " " + Words.Format("Columns without a header, ignored: {0}.", string.Join(", ", report.BlankColumns)) : string.Empty)));
        }

        if (report.Renamed.Count > 0)
        {
            error.WriteLine(Terminal.Clean(Words.Format("{0}: columns read as {1}.", report.Path, string.Join(", ", report.Renamed))));
        }

        if (report.Attributes.Count > 0)
        {
            error.WriteLine(Terminal.Clean(Words.Format("{0}: columns not recognised, kept as attributes: {1}.", report.Path, string.Join(", ", report.Attributes))));
        }
    }

    /// <summary>
    /// After scoring: the criteria no row could decide, of the rule sets the rows were judged by, each with the column
    /// to add in the planner's words (类型（村委会 / 居委会） for the committee kind).
    /// </summary>
    /// <param name="error">Standard error.</param>
    /// <param name="report">The file's report, for its header; null for standard input.</param>
    /// <param name="columns">The run's own column names.</param>
    public void WarnUndecided(TextWriter error, RecordFileReport? report, ColumnMap columns)
    {
        ArgumentNullException.ThrowIfNull(error);
        var undecided = _undecided.Of(report?.Header ?? [], columns ?? ColumnMap.Empty);
        if (report is null || undecided.Count == 0)
        {
            return;
        }

        var items = undecided.Select(u => Words.Format("{0} (needs {1})", u.CriterionId, string.Join(", ", u.MissingColumns.Select(ColumnToAdd))));
        error.WriteLine(Terminal.Clean(Words.Format("{0}: no row could decide {1}; add the column (or fill it in), or see the aliases in the README.", report.Path, Words.List(items))));
    }

    /// <summary>The column to add for a field, as a planner would head it: 户数, 类型（村委会 / 居委会）…; the field's name where the language has no other.</summary>
    /// <param name="field">The contract field.</param>
    /// <returns>The column's name.</returns>
    public static string ColumnToAdd(string field)
    {
        var key = "ColumnToAdd_" + field;
        var text = Words.Get(key);
        return text == key ? field : text;
    }

    /// <summary>Counts one scored row's rejection, if any. Thread-safe.</summary>
    /// <param name="row">The row.</param>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _undecided.Add(row);
        if (row.Status == Eligibility.Invalid && row.Problems.Count > 0)
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
