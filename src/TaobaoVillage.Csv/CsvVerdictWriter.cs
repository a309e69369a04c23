using System.Globalization;
using CsvHelper;
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
/// <remarks>Not thread-safe: one writer per output. Built on CsvHelper's RFC 4180 writer.</remarks>
public sealed class CsvVerdictWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly RuleSet _ruleSet;
    private readonly string[] _criteria;

    /// <summary>Creates a writer and writes the header.</summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="ruleSet">The rule set whose criteria become columns.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open on dispose.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CsvVerdictWriter(TextWriter writer, RuleSet ruleSet, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _ruleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _criteria = ruleSet.ExplainedCriteria.Select(c => c.Id).ToArray();
        _csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen);
        foreach (var name in Header)
        {
            _csv.WriteField(name);
        }

        _csv.EndRecord();
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
        _csv.WriteField(row.Line.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(row.Key ?? string.Empty);
        _csv.WriteField(row.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        _csv.WriteField(row.StatusName);
        _csv.WriteField(_ruleSet.Id.Value);
        _csv.WriteField(_ruleSet.Version);
        var verdict = row.Verdict;
        for (var i = 0; i < _criteria.Length; i++)
        {
            // Criteria come in the same pre-order as the columns.
            _csv.WriteField(verdict is null ? string.Empty : StatusNames.Name(verdict.Criteria[i + _ruleSet.FirstExplainedIndex].Outcome));
        }

        _csv.WriteField(verdict is { Outcome: not Outcome.Pass } ? Needs(verdict) : string.Empty);
        _csv.WriteField(string.Join("; ", row.Problems.Select(p => $"{p.Field}: {p.Message} [{p.Code}]")));
        _csv.EndRecord();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }

    private static string Needs(Verdict verdict)
    {
        var paths = verdict.PathsToPass(3);
        return paths.Count == 0 ? "cannot pass by raising figures" : string.Join(" | or | ", paths.Select(p => p.ToString()));
    }
}
