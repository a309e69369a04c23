using System.Globalization;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
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
    private readonly IReadOnlyList<RuleSet> _ruleSets;
    private readonly string[] _criteria;

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
        _ruleSets = ruleSets;
        _criteria = RuleSet.ExplainedCriteriaOf(ruleSets).Select(c => c.Id).ToArray();
        _csv = new CsvTableWriter(writer, options, leaveOpen);
        _csv.WriteRow(Header);
    }

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Header =>
        ["line", "village_code", "year", "verdict", "rule_set", "rule_set_version", .. _criteria, "needs", "errors"];

    /// <summary>Writes one row.</summary>
    /// <param name="row">The scored row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Write(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var cells = new string?[6 + _criteria.Length + 2];
        cells[0] = row.Line.ToString(CultureInfo.InvariantCulture);
        cells[1] = row.Key;
        cells[2] = row.Year?.ToString(CultureInfo.InvariantCulture);
        cells[3] = row.StatusName;
        var verdict = row.Verdict;
        var ruleSet = verdict?.RuleSet ?? _ruleSets.LastOrDefault(r => row.Year is { } y && r.EffectiveYears.Contains(y)) ?? _ruleSets[^1];
        cells[4] = ruleSet.Id.Value;
        cells[5] = ruleSet.Version;
        for (var i = 0; i < _criteria.Length; i++)
        {
            cells[6 + i] = verdict is not null && verdict.TryGet(_criteria[i], out var result) ? StatusNames.Name(result.Outcome) : null;
        }

        cells[^2] = verdict is { Outcome: not Outcome.Pass } ? Needs(verdict) : null;
        cells[^1] = string.Join("; ", row.Problems.Select(p => p.Describe()));
        _csv.WriteRow(cells);
    }

    /// <inheritdoc />
    public void Dispose() => _csv.Dispose();

    private static string Needs(Verdict verdict)
    {
        var paths = verdict.PathsToPass(3);
        return paths.Count == 0 ? "cannot pass by raising figures" : string.Join(" | or | ", paths.Select(p => p.ToString()));
    }
}
