using TaobaoVillage.Batch;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Csv;

/// <summary>
/// Writes scored rows as CSV, one row per input row: <c>line</c>, <c>village_code</c>, <c>year</c>, <c>verdict</c>,
/// <c>rule_set</c>, <c>rule_set_version</c>, one column per criterion of the rule set holding its outcome
/// (<c>pass</c>, <c>fail</c>, <c>unknown</c>, empty for invalid rows), <c>needs</c> (the cheapest way to pass) and
/// <c>errors</c> (the problems of an invalid row).
/// </summary>
/// <remarks>
/// Not thread-safe: one writer per output. Written through <see cref="CsvTableWriter"/>, so cells that would start a
/// spreadsheet formula are neutralised unless the options say otherwise.
/// </remarks>
public sealed class CsvVerdictWriter : IDisposable
{
    private readonly CsvTableWriter _csv;
    private readonly VerdictTable _table;

    /// <summary>Creates a writer and writes the header.</summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="ruleSet">The rule set whose criteria become columns.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open on dispose.</param>
    /// <param name="options">Options, or the defaults (formulas neutralised).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CsvVerdictWriter(TextWriter writer, RuleSet ruleSet, bool leaveOpen = false, CsvOutputOptions? options = null)
        : this(writer, [ruleSet ?? throw new ArgumentNullException(nameof(ruleSet))], leaveOpen, options)
    {
    }

    /// <summary>
    /// Creates a writer for rows judged by several rule sets (such as <c>BatchScorer.ForYears</c>) and writes the
    /// header: one column per criterion id of any of them, in order of first appearance (newest set first); a row
    /// leaves the columns of criteria its set does not have empty.
    /// </summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="ruleSets">The rule sets, oldest first; the last one names invalid rows whose year no set covers.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open on dispose.</param>
    /// <param name="options">Options, or the defaults (formulas neutralised).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleSets"/> is empty.</exception>
    /// <returns>The writer.</returns>
    public static CsvVerdictWriter ForRuleSets(TextWriter writer, IReadOnlyList<RuleSet> ruleSets, bool leaveOpen = false, CsvOutputOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ruleSets);
        return ruleSets.Count == 0
            ? throw new ArgumentException("At least one rule set is needed.", nameof(ruleSets))
            : new CsvVerdictWriter(writer, ruleSets, leaveOpen, options);
    }

    private CsvVerdictWriter(TextWriter writer, IReadOnlyList<RuleSet> ruleSets, bool leaveOpen, CsvOutputOptions? options)
    {
        _table = new VerdictTable(ruleSets);
        _csv = new CsvTableWriter(writer, options, leaveOpen);
        _csv.WriteRow(Header);
    }

    /// <summary>The column names (<see cref="VerdictTable.Columns"/>).</summary>
    public IReadOnlyList<string> Header => _table.Columns;

    /// <summary>Writes one row.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Write(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _csv.WriteFields(_table.Row(row));
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();
}
