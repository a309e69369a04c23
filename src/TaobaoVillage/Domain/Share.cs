using System.Globalization;

namespace TaobaoVillage.Domain;

/// <summary>
/// A share of a whole, such as "10% of households", held as an exact decimal fraction (0.1 for 10%).
/// </summary>
/// <remarks>
/// A share threshold is compared exactly against counts: <c>engaged ≥ share × households</c> is evaluated in
/// <see cref="decimal"/> arithmetic, never through a <see cref="double"/> ratio, so 10 of 100 passes 10% and 9 of 91
/// fails. Immutable and thread-safe.
/// </remarks>
/// <para>
/// There is no constructor: a share is spelled <see cref="FromFraction"/> (0.1) or <see cref="FromPercent"/> (10), so
/// 8 can never be read as 800% by accident. <c>default(Share)</c> is 0%.
/// </para>
public readonly record struct Share : IComparable<Share>
{
    private Share(decimal fraction) => Fraction = fraction;

    /// <summary>The share as a fraction of one (0.1 is 10%).</summary>
    public decimal Fraction { get; }

    /// <summary>Creates a share from a percentage (10 for 10%).</summary>
    /// <param name="percent">The percentage, 0 or more.</param>
    /// <returns>The share.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is negative.</exception>
    public static Share FromPercent(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        return new(percent / 100m);
    }

    /// <summary>
    /// Creates a share from a fraction of one (0.1 for 10%). A fraction above 1 is allowed, since active shops may
    /// outnumber households; a share of households engaged in e-commerce above 1 is refused when a rule set is checked.
    /// </summary>
    /// <param name="fraction">The fraction, 0 or more.</param>
    /// <returns>The share.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is negative.</exception>
    public static Share FromFraction(decimal fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        return new(fraction);
    }

    /// <summary>The share as a percentage (10 for 10%).</summary>
    public decimal Percent => Fraction * 100m;

    /// <inheritdoc />
    public int CompareTo(Share other) => Fraction.CompareTo(other.Fraction);

    /// <summary>Compares two shares.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is less than <paramref name="right"/>.</returns>
    public static bool operator <(Share left, Share right) => left.Fraction < right.Fraction;

    /// <summary>Compares two shares.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is greater than <paramref name="right"/>.</returns>
    public static bool operator >(Share left, Share right) => left.Fraction > right.Fraction;

    /// <summary>Compares two shares.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is at most <paramref name="right"/>.</returns>
    public static bool operator <=(Share left, Share right) => left.Fraction <= right.Fraction;

    /// <summary>Compares two shares.</summary>
    /// <param name="left">The first share.</param>
    /// <param name="right">The second share.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is at least <paramref name="right"/>.</returns>
    public static bool operator >=(Share left, Share right) => left.Fraction >= right.Fraction;

    /// <summary>Formats the share as a percentage, for example <c>10%</c>.</summary>
    /// <returns>The formatted share.</returns>
    public override string ToString() => Percent.ToString("0.####", CultureInfo.InvariantCulture) + "%";
}
