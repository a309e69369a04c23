using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planning;

/// <summary>The same records under two rule sets (or one with changed thresholds, <see cref="RuleSet.WithThresholds"/>): which rows change verdict.</summary>
/// <remarks>Stateless and thread-safe; the records are streamed twice, so memory stays constant whatever their number.</remarks>
public static class WhatIf
{
    /// <summary>
    /// The rows whose status differs between <paramref name="before"/> and <paramref name="after"/>, in input order.
    /// Duplicate village keys are rejected in both runs alike.
    /// </summary>
    /// <param name="records">Opens the records; called twice, and must give the same rows each time (a file, not a stream).</param>
    /// <param name="before">The rule set of today.</param>
    /// <param name="after">The rule set to compare with.</param>
    /// <returns>The changes, lazily.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<VerdictChange> Changes(Func<IEnumerable<InputRow>> records, RuleSet before, RuleSet after)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Changes(records, new BatchScorer(before, new BatchOptions { RejectDuplicates = true }), new BatchScorer(after, new BatchOptions { RejectDuplicates = true }));
    }

    /// <summary>
    /// The rows whose status differs between two scorers (such as <see cref="BatchScorer.ForYears"/> and its
    /// <see cref="BatchScorer.WithThresholds"/>), in input order; each row is judged by the set of its year in both.
    /// </summary>
    /// <param name="records">Opens the records; called twice, and must give the same rows each time (a file, not a stream).</param>
    /// <param name="before">The scorer of today; give it <see cref="BatchOptions.RejectDuplicates"/> as the other.</param>
    /// <param name="after">The scorer to compare with.</param>
    /// <returns>The changes, lazily.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<VerdictChange> Changes(Func<IEnumerable<InputRow>> records, BatchScorer before, BatchScorer after)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Score(records()).Zip(after.Score(records()))
            .Where(p => p.First.Status != p.Second.Status)
            .Select(p => new VerdictChange(p.First, p.Second));
    }
}
