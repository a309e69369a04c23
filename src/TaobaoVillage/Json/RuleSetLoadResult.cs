using System.Globalization;
using TaobaoVillage.Domain;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Json;

/// <summary>The outcome of loading a rule set: the rule set, or every problem found.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="RuleSet">The rule set, when there are no problems.</param>
/// <param name="Problems">Every problem, each with its JSON path and line.</param>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<RuleProblem> Problems)
{
    /// <summary>Whether the rule set loaded.</summary>
    public bool Succeeded => RuleSet is not null;
}
