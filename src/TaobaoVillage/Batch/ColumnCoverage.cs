using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Batch;

/// <summary>
/// What a records file's header gives the rule sets that will judge it, before any row is read: the columns read
/// under another name (户数 → households), the columns kept as attributes, and the criteria no row can decide because
/// no column supplies them. The same for every format: give it the header the reader found.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ColumnCoverage
{
    private ColumnCoverage(IReadOnlyList<RenamedColumn> renamed, IReadOnlyList<string> ignored, IReadOnlyList<UndecidableCriterion> undecidable) =>
        (Renamed, Ignored, Undecidable) = (renamed, ignored, undecidable);

    /// <summary>The columns read as a contract field under another name, in header order.</summary>
    public IReadOnlyList<RenamedColumn> Renamed { get; }

    /// <summary>The columns no field recognises, kept as attributes, in header order.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The criteria (leaf conditions) no row can decide, each once, in rule-set order.</summary>
    public IReadOnlyList<UndecidableCriterion> Undecidable { get; }

    /// <summary>
    /// The coverage of a header against the rule sets that may judge its rows. A committee is taken as given when the
    /// village name may give it (<paramref name="inferCommitteeFromName"/>); without a year column every row is judged
    /// by <paramref name="ruleSetWithoutYear"/> alone, so only its criteria are checked.
    /// </summary>
    /// <param name="header">The header's column names, as read.</param>
    /// <param name="inferCommitteeFromName">Whether the reader reads a committee kind from an official village name.</param>
    /// <param name="columns">The caller's own column names, beyond the built-in ones.</param>
    /// <param name="ruleSets">Every rule set the rows may be judged by (one, or the sets by year).</param>
    /// <param name="ruleSetWithoutYear">The rule set for rows without a year.</param>
    /// <returns>The coverage.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ColumnCoverage Of(IReadOnlyList<string> header, bool inferCommitteeFromName, ColumnMap columns, IReadOnlyList<RuleSet> ruleSets, RuleSet ruleSetWithoutYear)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(ruleSets);
        ArgumentNullException.ThrowIfNull(ruleSetWithoutYear);
        var fields = RecordSchema.FromColumns(header, inferCommitteeFromName, columns).ContractFields;
        var pairs = header.Zip(fields).ToList();
        var renamed = pairs.Where(p => p.Second is not null && !string.Equals(p.First.Trim(), p.Second, StringComparison.OrdinalIgnoreCase))
            .Select(p => new RenamedColumn(p.First.Trim(), p.Second!)).ToList();
        var ignored = pairs.Where(p => p.Second is null).Select(p => p.First).ToList();
        var present = Present(fields, ignored, inferCommitteeFromName);
        IReadOnlyList<RuleSet> used = present.Contains(FieldNames.Year) ? ruleSets : [ruleSetWithoutYear];
        return new ColumnCoverage(renamed, ignored, Missing(used, present));
    }

    /// <summary>The columns a row can read: recognised fields, attributes, and the committee an official name may give.</summary>
    private static HashSet<string> Present(IReadOnlyList<string?> fields, List<string> ignored, bool inferCommitteeFromName)
    {
        var present = fields.OfType<string>().Concat(ignored).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (inferCommitteeFromName && present.Contains(FieldNames.VillageName))
        {
            present.Add(FieldNames.Committee);
        }

        return present;
    }

    private static List<UndecidableCriterion> Missing(IReadOnlyList<RuleSet> ruleSets, HashSet<string> present) =>
        ruleSets.SelectMany(r => r.Criteria.DescendantsAndSelf().OfType<Condition>())
            .Select(c => new UndecidableCriterion(c.Id, c.Metric.InputColumns.Where(column => !present.Contains(column)).ToList()))
            .Where(u => u.MissingColumns.Count > 0)
            .DistinctBy(u => u.ToString())
            .ToList();
}
