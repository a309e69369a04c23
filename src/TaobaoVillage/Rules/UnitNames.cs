using TaobaoVillage.Domain;
using System.Globalization;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>The names of <see cref="Unit"/>, <see cref="Comparison"/> and <see cref="RuleTarget"/> in rule files.</summary>
public static class UnitNames
{
    /// <summary>The rule-file name of a unit: <c>cny</c>, <c>shops</c>, <c>households</c>, <c>share</c>, <c>villages</c>, <c>number</c>, <c>none</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The name.</returns>
    public static string Name(Unit unit) => unit switch
    {
        Unit.Cny => "cny",
        Unit.Shops => "shops",
        Unit.Households => nameof(Unit.Households).ToLowerInvariant(),
        Unit.Share => "share",
        Unit.Villages => "villages",
        Unit.Number => "number",
        Unit.None => "none",
        _ => unit.ToString(),
    };

    /// <summary>The rule-file name of a comparison: <c>atLeast</c>, <c>greaterThan</c>, <c>atMost</c>, <c>lessThan</c>, <c>equalTo</c>, <c>oneOf</c>.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The name.</returns>
    public static string Name(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "atLeast",
        Comparison.GreaterThan => "greaterThan",
        Comparison.AtMost => "atMost",
        Comparison.LessThan => "lessThan",
        Comparison.EqualTo => "equalTo",
        Comparison.OneOf => "oneOf",
        _ => comparison.ToString(),
    };

    /// <summary>The mathematical symbol of a comparison: ≥, &gt;, ≤, &lt;, =, ∈.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The symbol.</returns>
    public static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.GreaterThan => ">",
        Comparison.AtMost => "≤",
        Comparison.LessThan => "<",
        Comparison.EqualTo => "=",
        Comparison.OneOf => "∈",
        _ => "?",
    };

    /// <summary>Parses a unit name. Does not throw.</summary>
    /// <param name="name">The name.</param>
    /// <param name="unit">The unit, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseUnit(string? name, out Unit unit)
    {
        foreach (var u in Enum.GetValues<Unit>())
        {
            if (Name(u) == name)
            {
                unit = u;
                return true;
            }
        }

        unit = default;
        return false;
    }

    /// <summary>Parses a comparison name (<c>atLeast</c>…) or symbol (<c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>=</c>). Does not throw.</summary>
    /// <param name="name">The name or symbol.</param>
    /// <param name="comparison">The comparison, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseComparison(string? name, out Comparison comparison)
    {
        comparison = name switch
        {
            "atLeast" or ">=" or "≥" => Comparison.AtLeast,
            "greaterThan" or ">" => Comparison.GreaterThan,
            "atMost" or "<=" or "≤" => Comparison.AtMost,
            "lessThan" or "<" => Comparison.LessThan,
            "equalTo" or "=" or "==" => Comparison.EqualTo,
            "oneOf" => Comparison.OneOf,
            _ => (Comparison)(-1),
        };
        return comparison >= 0;
    }
}
