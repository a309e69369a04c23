using TaobaoVillage.Engine;

namespace TaobaoVillage.Batch;

/// <summary>One row whose verdict differs between two rule sets (<see cref="Planning.WhatIf"/>).</summary>
/// <param name="Before">The row under the first rule set.</param>
/// <param name="After">The same row under the second.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record VerdictChange(ScoredRow Before, ScoredRow After)
{
    /// <summary>Whether the row became eligible.</summary>
    public bool Gained => After.Status == Eligibility.Eligible;

    /// <summary>Whether the row was eligible and is no longer.</summary>
    public bool Lost => Before.Status == Eligibility.Eligible;
}
