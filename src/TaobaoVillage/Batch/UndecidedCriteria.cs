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
/// <remarks>Thread-safe: <see cref="Add"/> may be called from several threads. Holds, per rule set used, the conditions no row has decided yet; once every one has been, a row costs a flag.</remarks>
public sealed class UndecidedCriteria
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RuleSet, OpenConditions> _sets = new();

    /// <summary>Counts one scored row: its rule set, and which of its conditions it decided. A rejected row counts for nothing.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Verdict is { } verdict)
        {
            _sets.GetOrAdd(verdict.RuleSet, static r => new OpenConditions(r)).Add(verdict);
        }
    }

    /// <summary>
    /// The conditions unknown in every row of their rule set, each once, rule sets by name and conditions in their order; each names the input
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
        return [.. _sets.Keys.OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .SelectMany(r => r.Criteria.DescendantsAndSelf().OfType<Condition>().Where(c => _sets[r].IsOpen(c.Id)))
            .Select(c => new UndecidableCriterion(c.Id, Missing(c.Metric, fields)))
            .DistinctBy(u => u.ToString())];
    }

    private static List<string> Missing(Metric metric, HashSet<string> fields)
    {
        var missing = metric.InputColumns.Where(c => !fields.Contains(c)).ToList();
        return missing.Count > 0 ? missing : [.. metric.InputColumns];
    }

    /// <summary>The conditions of one rule set that no row has decided yet; once every one has been, a row costs a flag.</summary>
    private sealed class OpenConditions(RuleSet ruleSet)
    {
        private readonly Lock _lock = new();
        private readonly HashSet<string> _open = ruleSet.Criteria.DescendantsAndSelf().OfType<Condition>().Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        private volatile bool _allDecided;

        public void Add(Verdict verdict)
        {
            if (_allDecided)
            {
                return;
            }

            lock (_lock)
            {
                foreach (var result in verdict.Explained)
                {
                    if (result.Outcome != Outcome.Unknown)
                    {
                        _open.Remove(result.Criterion.Id);
                    }
                }

                _allDecided = _open.Count == 0;
            }
        }

        public bool IsOpen(string id)
        {
            lock (_lock)
            {
                return _open.Contains(id);
            }
        }
    }
}
