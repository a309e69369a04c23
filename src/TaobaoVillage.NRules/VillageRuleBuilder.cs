using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;
using LibraryRuleSet = TaobaoVillage.Rules.RuleSet;

namespace TaobaoVillage.NRules;

/// <summary>
/// Builds a village rule set's four NRules rules, one per eligibility, each a single pattern over
/// <see cref="VillageRecord"/> whose conditions are the criteria (<see cref="CriterionExpressions"/>), yielding a
/// <see cref="VillageOutcome"/>. Single-pattern on purpose: NRules joins are nested loops.
/// </summary>
internal static class VillageRuleBuilder
{
    private const string Record = "record";

    /// <summary>The rules; <paramref name="applies"/>, when given, limits them to the records it holds for (a year's rule set).</summary>
    public static IEnumerable<IRuleDefinition> Build(LibraryRuleSet ruleSet, Expression<Func<VillageRecord, bool>>? applies)
    {
        var evaluator = ruleSet.Compile();
        var record = Expression.Parameter(typeof(VillageRecord), Record);
        var criteria = new CriterionExpressions(evaluator, record);
        var passes = criteria.Passes(ruleSet.Criteria);
        var fails = criteria.Fails(ruleSet.Criteria);
        Expression<Func<VillageRecord, bool>> valid = r => VillageRecordValidator.IsValid(r);
        Expression<Func<VillageRecord, bool>> invalid = r => !VillageRecordValidator.IsValid(r);
        yield return Rule(ruleSet, evaluator, Eligibility.Invalid, applies, invalid);
        yield return Rule(ruleSet, evaluator, Eligibility.Eligible, applies, valid, Lambda(passes, record));
        yield return Rule(ruleSet, evaluator, Eligibility.NotEligible, applies, valid, Lambda(fails, record));
        var open = Expression.AndAlso(Expression.Not(passes), Expression.Not(fails));
        yield return Rule(ruleSet, evaluator, Eligibility.Indeterminate, applies, valid, Lambda(open, record));
    }

    /// <summary>The rule's name as NRules' diagnostics show it, such as <c>aliresearch@2022.2: eligible</c>.</summary>
    public static string NameOf(LibraryRuleSet ruleSet, Eligibility eligibility) => $"{ruleSet.Id}@{ruleSet.Version}: {Batch.StatusNames.Name(eligibility)}";

    private static IRuleDefinition Rule(LibraryRuleSet ruleSet, RuleEvaluator evaluator, Eligibility eligibility, Expression<Func<VillageRecord, bool>>? applies, params LambdaExpression[] conditions)
    {
        var builder = new RuleBuilder();
        builder.Name(NameOf(ruleSet, eligibility));
        builder.Description(ruleSet.Title);
        builder.Tags([TaobaoVillageRules.Tag, ruleSet.Id.Value]);
        builder.Property(TaobaoVillageRules.RuleSetIdProperty, ruleSet.Id.Value);
        builder.Property(TaobaoVillageRules.RuleSetVersionProperty, ruleSet.Version);
        builder.Property(TaobaoVillageRules.RuleSetHashProperty, ruleSet.ContentHash);
        var pattern = builder.LeftHandSide().Pattern(typeof(VillageRecord), Record);
        foreach (var condition in applies is null ? conditions : [applies, .. conditions])
        {
            pattern.Condition(Lambdas.Rename(condition, Record));
        }

        Expression<Action<IContext, VillageRecord>> yield = (context, record) => Linked.Yield(context, VillageOutcome.Decided(record, eligibility, evaluator));
        builder.RightHandSide().Action(yield);
        return builder.Build();
    }

    private static Expression<Func<VillageRecord, bool>> Lambda(Expression body, ParameterExpression record) => Expression.Lambda<Func<VillageRecord, bool>>(body, record);
}
