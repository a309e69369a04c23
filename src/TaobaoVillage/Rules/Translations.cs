using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TaobaoVillage.Rules;

/// <summary>
/// A text in other languages than its own (a rule set's or a criterion's title in Chinese, say): by language tag, such
/// as <c>zh-Hans</c> or <c>zh-CN</c>. A culture finds its text through its parents (<c>zh-CN</c> → <c>zh-Hans</c> →
/// <c>zh</c>), so one Simplified Chinese text serves <c>zh-CN</c> and <c>zh-SG</c>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; equal by content. Presentation only: translations never enter a rule set's canonical
/// form or <see cref="RuleSet.ContentHash"/>, so translating a rule set changes no hash and no verdict.
/// </remarks>
public sealed partial class Translations : IEquatable<Translations>, IEnumerable<KeyValuePair<string, string>>
{
    private readonly FrozenDictionary<string, string> _texts;

    private Translations(FrozenDictionary<string, string> texts) => _texts = texts;

    /// <summary>No translation.</summary>
    public static Translations None { get; } = new(FrozenDictionary<string, string>.Empty);

    /// <summary>How many languages.</summary>
    public int Count => _texts.Count;

    /// <summary>These translations with one more (or one replaced).</summary>
    /// <param name="language">A language tag: letters, digits and hyphens, such as <c>zh-Hans</c>.</param>
    /// <param name="text">The text in that language; not empty.</param>
    /// <returns>The translations.</returns>
    /// <exception cref="ArgumentException">The tag is not a language tag, or the text is empty.</exception>
    public Translations With(string language, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!IsLanguageTag(language))
        {
            throw new ArgumentException($"'{language}' is not a language tag such as zh-Hans or zh-CN.", nameof(language));
        }

        var texts = _texts.ToDictionary(StringComparer.OrdinalIgnoreCase);
        texts[language] = text;
        return new(texts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The text for a culture, through its parents; null when none of them has one.</summary>
    /// <param name="culture">The culture, such as <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The text, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string? In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_texts.TryGetValue(c.Name, out var text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Whether a text is a language tag (BCP 47's shape: <c>zh</c>, <c>zh-Hans</c>, <c>zh-CN</c>, <c>en-GB</c>).</summary>
    /// <param name="language">The text.</param>
    /// <returns>True for a tag.</returns>
    public static bool IsLanguageTag(string? language) => language is not null && LanguageTag().IsMatch(language);

    /// <inheritdoc />
    public bool Equals(Translations? other) =>
        other is not null && other.Count == Count && _texts.All(t => other._texts.TryGetValue(t.Key, out var text) && text == t.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Translations);

    /// <inheritdoc />
    public override int GetHashCode() => _texts.Aggregate(Count, (hash, t) => hash ^ StringComparer.OrdinalIgnoreCase.GetHashCode(t.Key) ^ t.Value.GetHashCode(StringComparison.Ordinal));

    /// <summary>The translations, by language tag in ordinal order.</summary>
    /// <returns>The pairs.</returns>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _texts.OrderBy(t => t.Key, StringComparer.Ordinal).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
