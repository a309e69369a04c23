using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>The years a rule set applies to, both ends inclusive; an open end has no <see cref="To"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="From">The first year.</param>
/// <param name="To">The last year, or <see langword="null"/> for "onward".</param>
public readonly record struct YearRange(int From, int? To = null)
{
    /// <summary>Whether the year lies in the range.</summary>
    /// <param name="year">The year.</param>
    /// <returns><see langword="true"/> when <see cref="From"/> ≤ year ≤ <see cref="To"/> (or no end).</returns>
    public bool Contains(int year) => year >= From && (To is null || year <= To);

    /// <summary>Formats the range as <c>2014–2018</c> or <c>2014 onward</c>.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => To is { } to
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From}–{to}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From} onward");
}
