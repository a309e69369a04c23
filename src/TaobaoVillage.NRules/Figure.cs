using System.Globalization;
using TaobaoVillage.Engine;

namespace TaobaoVillage.NRules;

/// <summary>
/// A figure as a rule sees it: a known value, or unknown. Comparisons answer in three values (<see cref="Outcome.Pass"/>,
/// <see cref="Outcome.Fail"/>, <see cref="Outcome.Unknown"/>), and there is no conversion to <see cref="bool"/> and no
/// comparison operator, so a rule cannot read a missing figure as "no" without saying so.
/// </summary>
/// <remarks>Immutable and thread-safe. <c>default</c> is unknown.</remarks>
/// <typeparam name="T">The value's type: <see cref="decimal"/> for money (yuan), <see cref="long"/> for counts.</typeparam>
public readonly struct Figure<T> : IEquatable<Figure<T>>
    where T : struct, IComparable<T>
{
    private readonly T _value;

    /// <summary>A known figure.</summary>
    /// <param name="value">The value.</param>
    public Figure(T value)
    {
        _value = value;
        IsKnown = true;
    }

    /// <summary>Whether the figure is known.</summary>
    public bool IsKnown { get; }

    /// <summary>The figure from a nullable value: known when it has one.</summary>
    internal static Figure<T> Of(T? value) => value is { } v ? new Figure<T>(v) : default;

    /// <summary>Gets the value when known.</summary>
    /// <param name="value">The value; the default when unknown.</param>
    /// <returns>Whether the figure is known.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsKnown;
    }

    /// <summary>The value, or a fallback the caller chooses for a missing figure (the choice is then written in the rule).</summary>
    /// <param name="fallback">What a missing figure counts as.</param>
    /// <returns>The value or the fallback.</returns>
    public T ValueOr(T fallback) => IsKnown ? _value : fallback;

    /// <summary>Whether the figure is at least a threshold; unknown when the figure is.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Pass, fail or unknown.</returns>
    public Outcome AtLeast(T threshold) => Holds(sign => sign >= 0, threshold);

    /// <summary>Whether the figure exceeds a threshold; unknown when the figure is.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Pass, fail or unknown.</returns>
    public Outcome GreaterThan(T threshold) => Holds(sign => sign > 0, threshold);

    /// <summary>Whether the figure is at most a threshold; unknown when the figure is.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Pass, fail or unknown.</returns>
    public Outcome AtMost(T threshold) => Holds(sign => sign <= 0, threshold);

    /// <summary>Whether the figure is below a threshold; unknown when the figure is.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <returns>Pass, fail or unknown.</returns>
    public Outcome LessThan(T threshold) => Holds(sign => sign < 0, threshold);

    /// <inheritdoc/>
    public bool Equals(Figure<T> other) => IsKnown == other.IsKnown && _value.CompareTo(other._value) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Figure<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsKnown ? _value.GetHashCode() : 0;

    /// <summary>The value in the invariant culture, or <c>unknown</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsKnown ? Convert.ToString(_value, CultureInfo.InvariantCulture) ?? string.Empty : "unknown";

    /// <summary>Whether two figures are equal (both unknown, or both known and equal): identity, not a comparison of data.</summary>
    /// <param name="left">One figure.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Figure<T> left, Figure<T> right) => left.Equals(right);

    /// <summary>Whether two figures differ.</summary>
    /// <param name="left">One figure.</param>
    /// <param name="right">The other.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Figure<T> left, Figure<T> right) => !left.Equals(right);

    private Outcome Holds(Func<int, bool> test, T threshold) => !IsKnown ? Outcome.Unknown : test(_value.CompareTo(threshold)) ? Outcome.Pass : Outcome.Fail;
}
