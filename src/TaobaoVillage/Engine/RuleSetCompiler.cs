using System.Runtime.CompilerServices;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>Compiles rule sets into evaluators: the one place the rule model meets the engine.</summary>
/// <remarks>Thread-safe.</remarks>
public static class RuleSetCompiler
{
    // One evaluator per rule set instance, released with it: compiling is cheap but not free, and callers call
    // Compile() freely (per record in examples).
    private static readonly ConditionalWeakTable<RuleSet, RuleEvaluator> Compiled = [];

    /// <summary>
    /// Returns the compiled evaluator of a rule set. Compiling happens once per instance; the evaluator is thread-safe
    /// and reusable.
    /// </summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static RuleEvaluator Compile(this RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Compiled.GetValue(ruleSet, static r => new RuleEvaluator(r));
    }
}
