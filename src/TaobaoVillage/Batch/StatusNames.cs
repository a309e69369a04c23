using TaobaoVillage.Engine;

namespace TaobaoVillage.Batch;

/// <summary>The contract names of <see cref="Eligibility"/> (a row's verdict column) and <see cref="Outcome"/>.</summary>
public static class StatusNames
{
    /// <summary>The contract name of a verdict: <c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c> or <c>invalid</c> (a rejected row's too).</summary>
    /// <param name="eligibility">The eligibility.</param>
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
