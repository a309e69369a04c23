using System.Linq.Expressions;

namespace TaobaoVillage.NRules;

/// <summary>Lambdas made to fit a rule's declarations: NRules binds a condition's or selector's parameter by its name.</summary>
internal static class Lambdas
{
    public static LambdaExpression Rename(LambdaExpression lambda, string name)
    {
        var parameter = Expression.Parameter(lambda.Parameters[0].Type, name);
        return Expression.Lambda(new Rebind(lambda.Parameters[0], parameter).Visit(lambda.Body), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
