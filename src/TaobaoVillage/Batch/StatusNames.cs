using TaobaoVillage.Engine;

namespace TaobaoVillage.Batch;

/// <summary>The contract names of <see cref="Eligibility"/> and <see cref="Outcome"/>: the one table for each.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static class StatusNames
{
    /// <summary><c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c> or <c>invalid</c>: a row's verdict column.</summary>
    /// <param name="eligibility">The eligibility (<see cref="Eligibility.Invalid"/> for a rejected row).</param>
    /// <returns>The name.</returns>
    public static string Name(Eligibility eligibility) => eligibility switch
    {
        Eligibility.Eligible => "eligible",
        Eligibility.NotEligible => "not_eligible",
        Eligibility.Indeterminate => "indeterminate",
        _ => "invalid",
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
