namespace TaobaoVillage.Rules;

/// <summary>
/// Something wrong with a rule set: which rule set, where (a JSON path such as
/// <c>$.criteria.allOf[1].threshold</c>, the same for the fluent builder), a stable code and a message. The message is
/// English; <see cref="RuleProblemMessages"/> gives it in other languages from <see cref="Code"/>, <see cref="Detail"/>
/// and <see cref="Arguments"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Equal when every member is, the arguments compared by content.</remarks>
/// <param name="RuleSetId">The rule set's id as written, or <c>?</c> when it has none.</param>
/// <param name="Path">The JSON path of the offending value.</param>
/// <param name="Code">A stable code from <see cref="RuleProblemCodes"/>.</param>
/// <param name="Message">A sentence for people, in English.</param>
public sealed record RuleProblem(string RuleSetId, string Path, string Code, string Message)
{
    /// <summary>The 1-based line in the JSON text, when loaded from JSON.</summary>
    public int? Line { get; init; }

    /// <summary>
    /// A stable variant of <see cref="Code"/> naming which sentence applies (such as <c>criterion</c> for
    /// <c>wrong-type/criterion</c>, "A criterion is a JSON object."); the message key is <c>code/detail</c>. Null on a
    /// problem made by hand.
    /// </summary>
    public string? Detail { get; init; }

    /// <summary>The facts the message states, by placeholder name (such as <c>value</c> and <c>limit</c>), as invariant text.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = NoArguments;

    private static readonly IReadOnlyDictionary<string, string> NoArguments = new Dictionary<string, string>();

    /// <summary>Whether the other problem has the same members, the arguments compared by content.</summary>
    /// <param name="other">The other problem.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(RuleProblem? other) => other is not null
        && (RuleSetId, Path, Code, Message, Line, Detail) == (other.RuleSetId, other.Path, other.Code, other.Message, other.Line, other.Detail)
        && Arguments.Count == other.Arguments.Count
        && Arguments.All(a => other.Arguments.TryGetValue(a.Key, out var value) && value == a.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RuleSetId, Path, Code, Message, Line, Detail);

    /// <summary>Formats the problem as <c>rule-set-id $.path (line N): message [code]</c>.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString() => Line is { } line
        ? $"{RuleSetId} {Path} (line {line}): {Message} [{Code}]"
        : $"{RuleSetId} {Path}: {Message} [{Code}]";
}
