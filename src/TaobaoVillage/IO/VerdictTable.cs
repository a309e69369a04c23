using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// The village verdicts as a table — the one output model the CSV and workbook writers both write: <c>line</c>,
/// <c>village_code</c>, <c>year</c>, <c>verdict</c>, <c>rule_set</c>, <c>rule_set_version</c>, one outcome column per
/// criterion (<c>pass</c>/<c>fail</c>/<c>unknown</c>), <c>needs</c>, <c>errors</c>, then <c>village_name</c>, one
/// <c>ID shortfall</c> column (a number) per numeric criterion and one <c>ID value</c> column (the value seen) per
/// numeric criterion (docs/formats.md).
/// </summary>
/// <remarks>Immutable once created and thread-safe.</remarks>
public sealed class VerdictTable
{
    private readonly IReadOnlyList<RuleSet> _ruleSets;
    private readonly string[] _criteria;
    private readonly string[] _numeric;

    /// <summary>Creates the table for the verdicts of one or more rule sets (such as the sets by year).</summary>
    /// <param name="ruleSets">The rule sets, oldest first; the columns are their explained criteria, each id once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSets"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleSets"/> is empty.</exception>
    public VerdictTable(IReadOnlyList<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        if (ruleSets.Count == 0)
        {
            throw new ArgumentException("At least one rule set is needed.", nameof(ruleSets));
        }

        _ruleSets = ruleSets;
        var criteria = RuleSet.ExplainedCriteriaOf(ruleSets);
        _criteria = [.. criteria.Select(c => c.Id)];
        _numeric = [.. criteria.OfType<Condition>().Where(c => c.Threshold is not null).Select(c => c.Id)];
        // Each column with its type, in one list: names and types cannot drift apart.
        var text = typeof(string);
        (string Name, Type Type)[] columns =
        [
            ("line", typeof(long)), ("village_code", text), ("year", typeof(int)), ("verdict", text), (OutputRow.RuleSetField, text),
            (OutputRow.RuleSetField + "_version", text), .. _criteria.Select(id => (id, text)), ("needs", text), ("errors", text), ("village_name", text),
            .. _numeric.Select(id => (ShortfallColumn(id), typeof(decimal))), .. _numeric.Select(id => (ValueColumn(id), typeof(decimal))),
        ];
        Columns = [.. columns.Select(c => c.Name)];
        ColumnTypes = [.. columns.Select(c => c.Type)];
    }

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Each column's type, aligned with <see cref="Columns"/>, for formats with typed columns (Parquet): <c>line</c>
    /// <see cref="long"/>, <c>year</c> <see cref="int"/>, shortfalls and values <see cref="decimal"/>, the rest
    /// <see cref="string"/>. Every column but <c>line</c> may be null.
    /// </summary>
    public IReadOnlyList<Type> ColumnTypes { get; }

    /// <summary>The name of a criterion's shortfall column: <c>ID shortfall</c>.</summary>
    /// <param name="criterionId">The criterion's id.</param>
    /// <returns>The column name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterionId"/> is null.</exception>
    public static string ShortfallColumn(string criterionId)
    {
        ArgumentNullException.ThrowIfNull(criterionId);
        return criterionId + " shortfall";
    }

    /// <summary>The name of a criterion's value column: <c>ID value</c>, the value seen (<see cref="CriterionResult.ReportedActual"/>).</summary>
    /// <param name="criterionId">The criterion's id.</param>
    /// <returns>The column name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="criterionId"/> is null.</exception>
    public static string ValueColumn(string criterionId)
    {
        ArgumentNullException.ThrowIfNull(criterionId);
        return criterionId + " value";
    }

    /// <summary>One row of the table, aligned with <see cref="Columns"/>.</summary>
    /// <param name="row">The scored row.</param>
    /// <returns>The fields: numbers as numbers, unknowns as null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public IReadOnlyList<OutputField> Row(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var verdict = row.Verdict;
        // An invalid row names the set its year would have been judged by.
        var ruleSet = verdict?.RuleSet ?? _ruleSets.LastOrDefault(r => row.Year is { } y && r.EffectiveYears.Contains(y)) ?? _ruleSets[^1];
        var fields = new List<OutputField>(Columns.Count)
        {
            new("line", row.Line), new("village_code", row.Key), new("year", row.Year), new("verdict", row.StatusName),
            new(OutputRow.RuleSetField, ruleSet.Id.Value), new(OutputRow.RuleSetField + "_version", ruleSet.Version),
        };
        foreach (var id in _criteria)
        {
            fields.Add(new(id, verdict is not null && verdict.TryGet(id, out var result) ? StatusNames.Name(result.Outcome) : null));
        }

        fields.Add(new("needs", verdict is { Eligibility: Eligibility.NotEligible or Eligibility.Indeterminate } ? Needs(verdict) : null));
        fields.Add(new("errors", row.Problems.Count == 0 ? null : string.Join("; ", row.Problems.Select(p => p.Describe()))));
        fields.Add(new("village_name", row.Record?.Name));
        foreach (var id in _numeric)
        {
            // The names built once with the columns (Columns), not twice a row for every numeric criterion.
            fields.Add(new(Columns[fields.Count], verdict is not null && verdict.TryGet(id, out var result) ? result.Shortfall?.Amount : null));
        }

        foreach (var id in _numeric)
        {
            fields.Add(new(Columns[fields.Count], verdict is not null && verdict.TryGet(id, out var result) ? result.ReportedActual : null));
        }

        return fields;
    }

    private static string Needs(Verdict verdict)
    {
        var paths = verdict.PathsToPass(3);
        return paths.Count == 0 ? "cannot pass by raising figures" : string.Join(" | or | ", paths.Select(p => p.ToString()));
    }
}
