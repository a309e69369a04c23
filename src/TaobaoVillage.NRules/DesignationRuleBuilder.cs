using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using LibraryRuleSet = TaobaoVillage.Rules.RuleSet;

namespace TaobaoVillage.NRules;

/// <summary>
/// Builds the designation chain's two aggregate rules: village outcomes grouped by township and year into a
/// <see cref="TownOutcome"/>, town outcomes grouped by county and year into a <see cref="CountyOutcome"/>. Each group
/// is decided by the library's aggregation, so NRules chains and maintains the facts while the summing is the core's.
/// </summary>
internal static class DesignationRuleBuilder
{
    public const string TownRuleName = "taobaovillage: taobao town";
    public const string CountyRuleName = "taobaovillage: county";

    public static IRuleDefinition Towns(Func<int, LibraryRuleSet?> townshipRules)
    {
        Expression<Func<VillageOutcome, bool>> counts = village => village.CountsForTown && townshipRules(village.Year!.Value) != null;
        Expression<Func<VillageOutcome, string>> key = village => village.TownKey;
        Expression<Action<IContext, IGrouping<string, VillageOutcome>>> yield = (context, group) => Linked.Yield(context, TownOutcome.Of(group, townshipRules(group.First().Year!.Value)!));
        return Grouping(TownRuleName, "village", counts, key, yield);
    }

    public static IRuleDefinition Counties()
    {
        Expression<Func<TownOutcome, bool>> any = town => true;
        Expression<Func<TownOutcome, string>> key = town => town.CountyKey;
        Expression<Action<IContext, IGrouping<string, TownOutcome>>> yield = (context, group) => Linked.Yield(context, CountyOutcome.Of(group));
        return Grouping(CountyRuleName, "town", any, key, yield);
    }

    private static IRuleDefinition Grouping<T>(string name, string element, Expression<Func<T, bool>> condition, Expression<Func<T, string>> key, Expression<Action<IContext, IGrouping<string, T>>> yield)
    {
        var builder = new RuleBuilder();
        builder.Name(name);
        builder.Tag(TaobaoVillageRules.Tag);
        // The action's second parameter is named "group", and NRules binds it to the declaration of that name.
        var groups = builder.LeftHandSide().Pattern(typeof(IGrouping<string, T>), yield.Parameters[1].Name);
        var aggregate = groups.Aggregate();
        Expression<Func<T, T>> itself = x => x;
        aggregate.GroupBy(Lambdas.Rename(key, element), Lambdas.Rename(itself, element));
        aggregate.Pattern(typeof(T), element).Condition(Lambdas.Rename(condition, element));
        builder.RightHandSide().Action(yield);
        return builder.Build();
    }
}
