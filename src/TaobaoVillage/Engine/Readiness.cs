using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>
/// How close a verdict is to passing, from 0 to 100, for ranking near misses. 100 means eligible; anything else is at
/// most 99.
/// </summary>
/// <remarks>
/// Each numeric criterion contributes its progress towards the threshold, between 0 and 1 (the value over the
/// threshold for "at least"/"exceeds"; for a share the count over share × households); a category criterion 1 when it
/// passes, else 0; an unknown one 0. An all-of group takes the mean of its parts, an any-of group the best part. The
/// score is the root's progress × 100, rounded down. It never decreases when sales, shops or engaged households rise
/// (and never increases when households rise, which lowers every share), because each step above is monotone.
/// Pure and thread-safe.
/// </remarks>
public static class Readiness
{
    /// <summary>The readiness score of a verdict.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>0 to 100; 100 exactly when eligible.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verdict"/> is null.</exception>
    public static int Score(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return ScoreOf(Progress(verdict));
    }

    /// <summary>The score for a progress from <see cref="Progress(Verdict)"/>, so a caller that needs both computes the tree once.</summary>
    /// <param name="progress">0 to 1, as <see cref="Progress(Verdict)"/> returns it (1 only when eligible).</param>
    /// <returns>0 to 100.</returns>
    public static int ScoreOf(decimal progress) => (int)decimal.Floor(Math.Clamp(progress, 0m, 1m) * 100m);

    /// <summary>The unrounded progress behind <see cref="Score"/>, from 0 to 1, for ranking ties of the score.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>0 to 1; 1 when eligible.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verdict"/> is null.</exception>
    public static decimal Progress(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.IsEligible)
        {
            return 1m;
        }

        return !verdict.Root.HasCriterion ? 0m : Math.Min(Progress(verdict.Root), 0.9999m);
    }

    private static decimal Progress(CriterionResult result)
    {
        switch (result.Criterion)
        {
            case CriterionGroup group:
                var parts = result.Children.Select(Progress).ToArray();
                return group.Kind == GroupKind.AllOf ? parts.Average() : parts.Max();
            case Condition condition:
                if (result.Outcome == Outcome.Pass)
                {
                    return 1m;
                }

                if (result.Outcome == Outcome.Unknown || condition.Comparison is not (Comparison.AtLeast or Comparison.GreaterThan) || result.Observed is not { } observed)
                {
                    return 0m;
                }

                var required = condition.Threshold!.Value * (result.Denominator ?? 1m);
                return required <= 0 ? 0m : Math.Clamp(observed / required, 0m, 1m);
            default:
                return 0m;
        }
    }
}
