using System.Globalization;

namespace TaobaoVillage.Domain;

/// <summary>
/// An amount of money in Chinese yuan (CN¥, 人民币元), held as an exact <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// Amounts are never floating point: a threshold of CN¥10,000,000 passes at exactly 10,000,000.00 and fails one fen
/// below. The type is an immutable value and is thread-safe.
/// </remarks>
/// <param name="Yuan">The amount in yuan; fractions are fen and smaller.</param>
public readonly record struct Cny(decimal Yuan) : IComparable<Cny>
{
    /// <summary>Zero yuan.</summary>
    public static Cny Zero => default;

    /// <summary>One fen (CN¥0.01), the smallest unit money is counted in.</summary>
    public static Cny Fen => new(0.01m);

    /// <summary>Creates an amount from yuan. Does not throw.</summary>
    /// <param name="yuan">The amount in yuan.</param>
    /// <returns>The amount.</returns>
    public static Cny FromYuan(decimal yuan) => new(yuan);

    /// <summary>
    /// Creates an amount from 万元 (units of CN¥10,000), the unit Chinese statistics often use. The conversion is exact.
    /// </summary>
    /// <param name="tenThousands">The amount in units of ten thousand yuan.</param>
    /// <returns>The amount in yuan.</returns>
    /// <exception cref="OverflowException">The amount in yuan is beyond the range of <see cref="decimal"/>.</exception>
    public static Cny FromTenThousandYuan(decimal tenThousands) => new(tenThousands * 10_000m);

    /// <inheritdoc />
    public int CompareTo(Cny other) => Yuan.CompareTo(other.Yuan);

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is less than <paramref name="right"/>.</returns>
    public static bool operator <(Cny left, Cny right) => left.Yuan < right.Yuan;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is greater than <paramref name="right"/>.</returns>
    public static bool operator >(Cny left, Cny right) => left.Yuan > right.Yuan;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is at most <paramref name="right"/>.</returns>
    public static bool operator <=(Cny left, Cny right) => left.Yuan <= right.Yuan;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is at least <paramref name="right"/>.</returns>
    public static bool operator >=(Cny left, Cny right) => left.Yuan >= right.Yuan;

    /// <summary>Formats the amount as <c>CN¥10,000,000.00</c> in the invariant culture.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => "CN¥" + Yuan.ToString("#,0.00##", CultureInfo.InvariantCulture);
}
