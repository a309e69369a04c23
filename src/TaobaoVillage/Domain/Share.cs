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
/// <param name="Fraction">The share as a fraction of one (0.1 is 10%).</param>
public readonly record struct Share(decimal Fraction) : IComparable<Share>
{
    /// <summary>Creates a share from a percentage (10 for 10%). Does not throw.</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The share.</returns>
    public static Share FromPercent(decimal percent) => new(percent / 100m);

    /// <summary>Creates a share from a fraction of one (0.1 for 10%). Does not throw.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The share.</returns>
    public static Share FromFraction(decimal fraction) => new(fraction);

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
