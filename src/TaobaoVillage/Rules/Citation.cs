using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>Where a rule or a criterion comes from: the published text it encodes.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Source">Who published it and where, for example "AliResearch criteria as quoted by zgzzs.com.cn (2017)".</param>
/// <param name="Url">A link to the source, when there is one.</param>
/// <param name="Quote">The words of the source this encodes, when useful.</param>
public sealed record Citation(string Source, string? Url = null, string? Quote = null)
{
    /// <summary>The source in other languages; presentation only, outside the hash.</summary>
    public Translations Sources { get; init; } = Translations.None;

    /// <summary>The source for people of a culture: its translation (through the culture's parents), else <see cref="Source"/>.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string SourceIn(System.Globalization.CultureInfo culture) => Sources.In(culture) ?? Source;

    /// <summary>The quote in other languages (the source's own Chinese wording, say); presentation only, outside the hash.</summary>
    public Translations Quotes { get; init; } = Translations.None;

    /// <summary>The quote for people of a culture: its translation (through the culture's parents), else <see cref="Quote"/>.</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The quote, or null when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string? QuoteIn(System.Globalization.CultureInfo culture) => Quotes.In(culture) ?? Quote;
}
