using TaobaoVillage.Metrics;
using System.Text.RegularExpressions;

namespace TaobaoVillage.Rules;

/// <summary>A rule set's id, such as <c>aliresearch</c>: lower-case letters, digits, '-', '_' and '.'.</summary>
/// <remarks>Immutable and thread-safe. Equality is ordinal.</remarks>
public readonly partial record struct RuleSetId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The id.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid id (see <see cref="IsValid"/>).</exception>
    public RuleSetId(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a valid rule set id: use lower-case letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters.", nameof(value));
        }

        _value = value;
    }

    private readonly string? _value;

    /// <summary>The id; empty for <c>default(RuleSetId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the text is a valid id. Does not throw.</summary>
    /// <param name="value">The text.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? value) => value is not null && IdPattern().IsMatch(value);

    /// <summary>Returns the id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();
}
