using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Batch;

/// <summary>
/// The criteria no row could decide, learnt from the verdicts as they are made: for each rule set the rows were
/// actually judged by, the conditions whose outcome was unknown in every one of its rows — a column missing, or empty
/// throughout (a committee no village name gives, for instance). Unlike <see cref="ColumnCoverage"/>, which reads only the
/// header, this sees what the rows held, and names only rule sets that were used.
/// </summary>
/// <remarks>Thread-safe: <see cref="Add"/> may be called from several threads; one running count per condition.</remarks>
public sealed class UndecidedCriteria
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RuleSet, SetCounts> _sets = [];

    /// <summary>Counts one scored row: its rule set, and which of its conditions came out unknown. A rejected row counts for nothing.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Verdict is not { } verdict)
        {
            return;
        }

        var unknown = verdict.Explained.Where(r => r.Criterion is Condition && r.Outcome == Outcome.Unknown).Select(r => r.Criterion.Id).ToList();
        lock (_lock)
        {
            var counts = _sets.TryGetValue(verdict.RuleSet, out var found) ? found : _sets[verdict.RuleSet] = new SetCounts();
            counts.Add(unknown);
        }
    }

    /// <summary>
    /// The conditions unknown in every row of their rule set, each once, in rule-set order; each names the input
    /// columns of its metric that the header does not give (all of them when the header gives them all, but empty).
    /// </summary>
    /// <param name="header">The header's column names, to tell a missing column from an empty one; empty when not known.</param>
    /// <param name="columns">The caller's own column names, as the reader was given them.</param>
    /// <returns>The criteria.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyList<UndecidableCriterion> Of(IReadOnlyList<string> header, ColumnMap columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var fields = RecordSchema.FromColumns(header, inferCommitteeFromName: false, columns).ContractFields.OfType<string>().ToHashSet(StringComparer.Ordinal);
        lock (_lock)
        {
            return [.. _sets.SelectMany(set => set.Key.Criteria.DescendantsAndSelf().OfType<Condition>().Where(c => set.Value.NeverDecided(c.Id)))
                .Select(c => new UndecidableCriterion(c.Id, Missing(c.Metric, fields)))
                .DistinctBy(u => u.ToString())];
        }
    }

    private static List<string> Missing(Metric metric, HashSet<string> fields)
    {
        var missing = metric.InputColumns.Where(c => !fields.Contains(c)).ToList();
        return missing.Count > 0 ? missing : [.. metric.InputColumns];
    }

    /// <summary>The rows of one rule set and, per condition, how many left it unknown.</summary>
    private sealed class SetCounts
    {
        private readonly Dictionary<string, long> _unknown = new(StringComparer.Ordinal);
        private long _rows;

        public void Add(List<string> unknown)
        {
            _rows++;
            foreach (var id in unknown)
            {
                _unknown[id] = _unknown.GetValueOrDefault(id) + 1;
            }
        }

        public bool NeverDecided(string id) => _rows > 0 && _unknown.GetValueOrDefault(id) == _rows;
    }
}
