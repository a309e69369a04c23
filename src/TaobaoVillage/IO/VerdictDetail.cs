namespace TaobaoVillage.IO;

/// <summary>How much of a verdict a JSON line explains (<c>--detail</c> in the planner).</summary>
public enum VerdictDetail
{
    /// <summary>Every criterion: value, threshold, outcome, shortfall — the contract's default.</summary>
    All,

    /// <summary>Only the criteria that did not pass (failed or unknown): what stands between a village and the title.</summary>
    Failing,

    /// <summary>No criteria: the verdict and the rule set that gave it (invalid rows still list their errors).</summary>
    Verdict,
}
