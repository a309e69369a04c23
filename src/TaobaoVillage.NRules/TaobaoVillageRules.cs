using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using TaobaoVillage.Domain;
using TaobaoVillage.RuleSets;
using LibraryRuleSet = TaobaoVillage.Rules.RuleSet;
using NRulesRuleSet = NRules.RuleModel.RuleSet;

namespace TaobaoVillage.NRules;

/// <summary>
/// TaobaoVillage's rules for NRules: any village rule set as NRules rules whose conditions are its criteria, the
/// designation chain (villages → Taobao Towns → counties) as aggregate rules, and a session factory that knows a
/// record's identity. Add the rule sets to a <c>RuleRepository</c> beside your own rules, then <see cref="Compile"/>.
/// </summary>
/// <remarks>
/// Exact as the library's evaluator: each condition is decided by <see cref="Engine.RuleEvaluator.DecisionOf"/>, and
/// NRules combines the decisions in three-valued logic. All members are thread-safe.
/// </remarks>
public static class TaobaoVillageRules
{
    /// <summary>The tag every rule of this package carries.</summary>
    public const string Tag = "taobaovillage";

    /// <summary>The rule property holding the rule set's id.</summary>
    public const string RuleSetIdProperty = "rule_set_id";

    /// <summary>The rule property holding the rule set's version.</summary>
    public const string RuleSetVersionProperty = "rule_set_version";

    /// <summary>The rule property holding the rule set's content hash.</summary>
    public const string RuleSetHashProperty = "rule_set_hash";

    /// <summary>
    /// A village rule set as four NRules rules (eligible, not eligible, indeterminate, invalid), each over one
    /// <see cref="VillageRecord"/> and yielding its <see cref="VillageOutcome"/>; named such as <c>aliresearch@2022.2: eligible</c>.
    /// </summary>
    /// <param name="ruleSet">A village rule set: built-in, loaded from JSON or built fluently.</param>
    /// <returns>An NRules rule set named <c>taobaovillage:</c> and the rule set's id and version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    /// <exception cref="ArgumentException">The rule set is for townships.</exception>
    public static IRuleSet Villages(LibraryRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RequireVillages(ruleSet);
        return Named($"{Tag}:{ruleSet.Id}@{ruleSet.Version}", VillageRuleBuilder.Build(ruleSet, applies: null));
    }

    /// <summary>
    /// The built-in village rule sets, each for the records of the years it was in force (<see cref="BuiltInRuleSets.ForVillageYear"/>),
    /// as the planner's <c>--rules auto</c> and <see cref="Batch.BatchScorer.ForYears"/>: a record without a year by the newest
    /// (<c>aliresearch</c>); a record before 2009, which no set covers, matches none of them (the batch scorer rejects it).
    /// </summary>
    /// <returns>An NRules rule set named <c>taobaovillage:villages-by-year</c>.</returns>
    public static IRuleSet VillagesByYear()
    {
        var sets = new[] { BuiltInRuleSets.Classic, BuiltInRuleSets.AliResearch2014, BuiltInRuleSets.AliResearch };
        return Named($"{Tag}:villages-by-year", sets.SelectMany(set => VillageRuleBuilder.Build(set, InForce(set))));
    }

    /// <summary>
    /// The designation chain: village outcomes grouped by township and year into <see cref="TownOutcome"/>s (decided by
    /// the township rule set of the year, figures summed as <see cref="Aggregation.TownAggregator"/> sums them), and
    /// town outcomes grouped by county and year into <see cref="CountyOutcome"/>s. Invalid records and records without a year count towards no town.
    /// </summary>
    /// <param name="townshipRules">The township rule set of a year; <see langword="null"/> for a year no town is decided in.</param>
    /// <returns>An NRules rule set named <c>taobaovillage:designations</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="townshipRules"/> is null.</exception>
    public static IRuleSet Designations(Func<int, LibraryRuleSet?> townshipRules)
    {
        ArgumentNullException.ThrowIfNull(townshipRules);
        return Named($"{Tag}:designations", [DesignationRuleBuilder.Towns(townshipRules), DesignationRuleBuilder.Counties()]);
    }

    /// <summary>The designation chain with the built-in township rule set of each year (<see cref="BuiltInRuleSets.ForTownshipYear"/>, from 2014).</summary>
    /// <returns>An NRules rule set named <c>taobaovillage:designations</c>.</returns>
    public static IRuleSet DesignationsByYear() => Designations(year => year >= 2014 ? BuiltInRuleSets.ForTownshipYear(year) : null);

    /// <summary>Registers the identity of the facts this package reads: a <see cref="VillageRecord"/> is its code and year (<see cref="VillageRecordIdentity"/>).</summary>
    /// <param name="compiler">The compiler to register with, before it compiles.</param>
    /// <exception cref="ArgumentNullException"><paramref name="compiler"/> is null.</exception>
    public static void RegisterIdentities(RuleCompiler compiler)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        compiler.FactIdentityComparerRegistry.RegisterComparer(VillageRecordIdentity.Instance);
    }

    /// <summary>
    /// Compiles rule sets (this package's and your own, such as a repository's <c>GetRuleSets()</c>) into one session
    /// factory, with the identities registered, so that <c>session.Update(changedCopy)</c> finds the record it changes.
    /// </summary>
    /// <param name="ruleSets">The rule sets.</param>
    /// <returns>The factory: thread-safe; each session it creates is not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSets"/> is null.</exception>
    public static ISessionFactory Compile(IEnumerable<IRuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        var compiler = new RuleCompiler();
        RegisterIdentities(compiler);
        return compiler.Compile(ruleSets);
    }

    private static void RequireVillages(LibraryRuleSet ruleSet)
    {
        if (ruleSet.Target != Rules.RuleTarget.Village)
        {
            throw new ArgumentException($"The rule set {ruleSet} decides about townships; NRules rules decide village records (towns come from Designations).", nameof(ruleSet));
        }
    }

    private static NRulesRuleSet Named(string name, IEnumerable<IRuleDefinition> rules)
    {
        var set = new NRulesRuleSet(name);
        set.Add(rules);
        return set;
    }

    /// <summary>Whether a built-in set is the one in force in the record's year (ForVillageYear refuses years before 2009); the newest for a record without a year.</summary>
    private static Expression<Func<VillageRecord, bool>> InForce(LibraryRuleSet set)
    {
        var newest = set == BuiltInRuleSets.AliResearch;
        return record => record.Year == null ? newest : record.Year >= 2009 && BuiltInRuleSets.ForVillageYear(record.Year.Value) == set;
    }
}
