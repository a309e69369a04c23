using TaobaoVillage.Engine;

namespace TaobaoVillage.Batch;

/// <summary>The contract names of <see cref="RowStatus"/> and <see cref="Outcome"/>.</summary>
public static class StatusNames
{
    /// <summary><c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c> or <c>invalid</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    public static string Name(RowStatus status) => status switch
    {
        RowStatus.Eligible => "eligible",
        RowStatus.NotEligible => "not_eligible",
        RowStatus.Indeterminate => "indeterminate",
        _ => "invalid",
    };

    /// <summary>The name of a verdict's eligibility: the same words as <see cref="Name(RowStatus)"/>.</summary>
    /// <param name="eligibility">The eligibility.</param>
    /// <returns>The name.</returns>
    public static string Name(Eligibility eligibility) => Name(StatusOf(eligibility));

    /// <summary>
    /// The row status of a verdict's eligibility, value for value; <see langword="null"/> (no verdict: the row was
    /// rejected) is <see cref="RowStatus.Invalid"/>. The one mapping between the two.
    /// </summary>
    /// <param name="eligibility">The eligibility, or null for a row without a verdict.</param>
    /// <returns>The status.</returns>
    public static RowStatus StatusOf(Eligibility? eligibility) => eligibility switch
    {
        null or Eligibility.Invalid => RowStatus.Invalid,
        Eligibility.Eligible => RowStatus.Eligible,
        Eligibility.NotEligible => RowStatus.NotEligible,
        _ => RowStatus.Indeterminate,
    };

    /// <summary><c>pass</c>, <c>fail</c> or <c>unknown</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The name.</returns>
    public static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Fail => "fail",
        _ => "unknown",
    };
}
