using System.Globalization;

namespace TaobaoVillage.Domain;

/// <summary>How this library writes a <see cref="decimal"/> for machines and people alike: invariant, no exponent, no trailing zeros.</summary>
/// <remarks>Thread-safe.</remarks>
public static class DecimalText
{
    /// <summary>Formats a value as rule files and verdict files write it: <c>10000000</c>, <c>0.1</c>, <c>-2.5</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The invariant text; never an exponent, never trailing zeros.</returns>
    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The same value with the smallest scale that holds it exactly (10.00 becomes 10).</summary>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
