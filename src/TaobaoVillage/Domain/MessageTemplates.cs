using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace TaobaoVillage.Domain;

/// <summary>
/// Message templates keyed by language and message key, looked up through a culture's parents (<c>zh-CN</c>, then
/// <c>zh-Hans</c>, then <c>zh</c>) and filled from named placeholders such as <c>{value}</c>: the one mechanism behind
/// <see cref="ProblemMessages"/> and <see cref="Rules.RuleProblemMessages"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class MessageTemplates
{
    private readonly FrozenDictionary<string, string> _templates;

    private MessageTemplates(FrozenDictionary<string, string> templates) => _templates = templates;

    public static MessageTemplates Empty { get; } = new(FrozenDictionary<string, string>.Empty);

    /// <summary>The culture the built-in translations are registered under: Simplified Chinese, so <c>zh-CN</c> and <c>zh-SG</c> find them.</summary>
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    /// <summary>A whole number as the messages write it: invariant, with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>These templates and more (or some replaced), in one language.</summary>
    public MessageTemplates With(CultureInfo culture, IEnumerable<KeyValuePair<string, string>> templates)
    {
        var all = new Dictionary<string, string>(_templates, StringComparer.Ordinal);
        foreach (var (key, template) in templates)
        {
            all[Key(culture.Name, key)] = template;
        }

        return new MessageTemplates(all.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The template for the first key found in the culture or its nearest parent, ending with the invariant culture
    /// (where the built-in English sits), or null when none has one.
    /// </summary>
    public string? Find(CultureInfo culture, string? specific, string general)
    {
        for (var c = culture; ; c = c.Parent)
        {
            if ((specific is not null && _templates.TryGetValue(Key(c.Name, specific), out var template)) || _templates.TryGetValue(Key(c.Name, general), out template))
            {
                return template;
            }

            if (c.Name.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>The template with each <c>{name}</c> that has an argument replaced by it; other braces stay as written.</summary>
    public static string Fill(string template, Func<string, string?> argument)
    {
        var text = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i + 1 && IsName(template.AsSpan(i + 1, close - i - 1)) && argument(template[(i + 1)..close]) is { } value)
            {
                text.Append(value);
                i = close + 1;
                continue;
            }

            text.Append(template[i++]);
        }

        return text.ToString();
    }

    /// <summary>The placeholder names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template)
    {
        var names = new List<string>();
        Fill(template, name =>
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }

            return null;
        });
        return names;
    }

    private static readonly System.Buffers.SearchValues<char> NameChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsName(ReadOnlySpan<char> name) => name.Length <= 32 && char.IsAsciiLetterLower(name[0]) && !name.ContainsAnyExcept(NameChars);

    private static string Key(string culture, string key) => culture + "\n" + key;
}
