using System.Linq.Expressions;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.NRules;

/// <summary>
/// A rule set's criteria as two boolean expression trees over a record: <em>passes</em> and <em>fails</em>, unknown
/// being neither (Kleene logic: all of passes when every part passes and fails when one fails; any of the converse).
/// Each condition is decided by the evaluator's own decision (<see cref="RuleEvaluator.DecisionOf"/>), so the trees are
/// exactly as exact as <see cref="RuleEvaluator.Evaluate(VillageRecord)"/>.
/// </summary>
internal sealed class CriterionExpressions(RuleEvaluator evaluator, ParameterExpression record)
{
    private static readonly ConstantExpression Pass = Expression.Constant(Outcome.Pass);
    private static readonly ConstantExpression Fail = Expression.Constant(Outcome.Fail);

    public Expression Passes(Criterion criterion) => criterion switch
    {
        CriterionGroup { Kind: GroupKind.AllOf } g => Combine(g, Passes, all: true),
        CriterionGroup g => Combine(g, Passes, all: false),
        _ => Is((Condition)criterion, Pass),
    };

    public Expression Fails(Criterion criterion) => criterion switch
    {
        CriterionGroup { Kind: GroupKind.AllOf } g => Combine(g, Fails, all: false),
        CriterionGroup g => Combine(g, Fails, all: true),
        _ => Is((Condition)criterion, Fail),
    };

    /// <summary>Every part (all) or any part (not all); an empty group is what the evaluator makes of it (every part of none passes).</summary>
    private static Expression Combine(CriterionGroup group, Func<Criterion, Expression> part, bool all) => group.Children.IsEmpty
        ? Expression.Constant(all)
        : group.Children.Select(part).Aggregate((a, b) => all ? Expression.AndAlso(a, b) : Expression.OrElse(a, b));

    /// <summary><c>decide(record) == outcome</c>, the decision a constant NRules compiles into the condition.</summary>
    private BinaryExpression Is(Condition condition, ConstantExpression outcome)
    {
        var decide = Expression.Constant(evaluator.DecisionOf(condition));
        return Expression.Equal(Expression.Invoke(decide, record), outcome);
    }
}
