using System.Globalization;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Testing;

/// <summary>Thrown by <see cref="VerdictAssert"/> when a verdict is not what a test expects; any test framework reports it as a failure.</summary>
public sealed class VerdictAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VerdictAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was seen.</param>
    public VerdictAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was seen.</param>
    /// <param name="innerException">The cause.</param>
    public VerdictAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Assertions on verdicts that read like the rules: <c>VerdictAssert.Eligible(v)</c>,
/// <c>VerdictAssert.FailsCriterion(v, "annual-sales", by: 0.01m)</c>. Failures say the whole verdict, criterion by
/// criterion. Framework-neutral: they throw <see cref="VerdictAssertionException"/>. Pure and thread-safe.
/// </summary>
public static class VerdictAssert
{
    /// <summary>The verdict is eligible.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="VerdictAssertionException">It is not.</exception>
    public static void Eligible(Verdict verdict) => Is(verdict, Eligibility.Eligible);

    /// <summary>The verdict is not eligible.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="VerdictAssertionException">It is eligible or indeterminate.</exception>
    public static void NotEligible(Verdict verdict) => Is(verdict, Eligibility.NotEligible);

    /// <summary>The verdict is indeterminate (missing data could decide either way).</summary>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="VerdictAssertionException">It is decided.</exception>
    public static void Indeterminate(Verdict verdict) => Is(verdict, Eligibility.Indeterminate);

    /// <summary>The criterion passes.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="criterionId">The criterion's id.</param>
    /// <exception cref="VerdictAssertionException">It does not, or there is no such criterion.</exception>
    public static void PassesCriterion(Verdict verdict, string criterionId)
    {
        var result = Find(verdict, criterionId);
        if (result.Outcome != Outcome.Pass)
        {
            throw new VerdictAssertionException($"Expected criterion '{criterionId}' to pass, but it is {result}.{Describe(verdict)}");
        }
    }

    /// <summary>The criterion fails, and, when <paramref name="by"/> is given, is short by exactly that amount.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="criterionId">The criterion's id.</param>
    /// <param name="by">The expected shortfall (CN¥, shops, households…), or <see langword="null"/> not to check it.</param>
    /// <exception cref="VerdictAssertionException">It does not fail, fails by another amount, or there is no such criterion.</exception>
    public static void FailsCriterion(Verdict verdict, string criterionId, decimal? by = null)
    {
        var result = Find(verdict, criterionId);
        if (result.Outcome != Outcome.Fail)
        {
            throw new VerdictAssertionException($"Expected criterion '{criterionId}' to fail, but it is {result}.{Describe(verdict)}");
        }

        if (by is { } amount && result.Shortfall?.Amount != amount)
        {
            var seen = result.Shortfall is { } s ? s.Amount.ToString(CultureInfo.InvariantCulture) : "no amount";
            throw new VerdictAssertionException($"Expected criterion '{criterionId}' to fail by {amount.ToString(CultureInfo.InvariantCulture)}, but it fails by {seen}.{Describe(verdict)}");
        }
    }

    /// <summary>The criterion is unknown (its data is missing).</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="criterionId">The criterion's id.</param>
    /// <exception cref="VerdictAssertionException">It is decided, or there is no such criterion.</exception>
    public static void UnknownCriterion(Verdict verdict, string criterionId)
    {
        var result = Find(verdict, criterionId);
        if (result.Outcome != Outcome.Unknown)
        {
            throw new VerdictAssertionException($"Expected criterion '{criterionId}' to be unknown, but it is {result}.{Describe(verdict)}");
        }
    }

    private static void Is(Verdict verdict, Eligibility expected)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Eligibility != expected)
        {
            throw new VerdictAssertionException($"Expected {verdict.Subject} to be {expected} under {verdict.RuleSet}, but it is {verdict.Eligibility}.{Describe(verdict)}");
        }
    }

    private static CriterionResult Find(Verdict verdict, string criterionId)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.TryGet(criterionId, out var result)
            ? result
            : throw new VerdictAssertionException($"The rule set {verdict.RuleSet} has no criterion '{criterionId}'; it has {string.Join(", ", verdict.Criteria.Select(c => c.Id))}.");
    }

    private static string Describe(Verdict verdict) => Environment.NewLine + string.Join(Environment.NewLine, verdict.Criteria.Select(c => "  " + c));
}
