using System.Collections.Frozen;

namespace TaobaoVillage.Domain;

/// <summary>
/// Why a village record cannot be evaluated: the field, the value seen, a stable code and a message. Problems are
/// data, not exceptions.
/// </summary>
/// <remarks>Immutable and thread-safe. Equal when every member is, the arguments compared by content.</remarks>
/// <param name="Field">The contract name of the field (for example <c>households</c>), or <c>*</c> for the whole row.</param>
/// <param name="Value">The value as read, when there is one.</param>
/// <param name="Code">A stable code from <see cref="RecordProblemCodes"/>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record RecordProblem(string Field, string? Value, string Code, string Message)
{
    /// <summary>The 1-based line in the input where the record starts, when it came from a file.</summary>
    public long? Line { get; init; }

    /// <summary>The input file's name or path, when it came from a file.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// A stable variant of <see cref="Code"/> that changes the sentence but not the kind of problem, such as
    /// <see cref="TotalRowLabels.SumsDetail"/> on a <see cref="RecordProblemCodes.TotalRow"/> whose figures are the
    /// sums of the rows above it; null for none. <see cref="ProblemMessages"/> looks for a template under
    /// <c>code/detail</c> first.
    /// </summary>
    public string? Detail { get; init; }

    /// <summary>The facts the message states beyond the field and value, by placeholder name (such as <c>limit</c>), as invariant text.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = NoArguments;

    private static readonly IReadOnlyDictionary<string, string> NoArguments = FrozenDictionary<string, string>.Empty;

    /// <summary>
    /// A problem with the library's own sentence for its code (and detail) in English, its facts kept in
    /// <see cref="Arguments"/> so that <see cref="ProblemMessages"/> can say the same in another language. Readers of
    /// other formats use it to report what the built-in readers report, in the same words.
    /// </summary>
    /// <param name="field">The contract name of the field, or <c>*</c> for the whole row.</param>
    /// <param name="value">The value as read, or null.</param>
    /// <param name="code">A code from <see cref="RecordProblemCodes"/>.</param>
    /// <param name="detail">The variant of the sentence (see <see cref="Detail"/>), or null for the code's own.</param>
    /// <param name="arguments">The sentence's other facts by placeholder name.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/>, <paramref name="code"/> or <paramref name="arguments"/> is null.</exception>
    /// <exception cref="ArgumentException">The library has no sentence for <paramref name="code"/> and <paramref name="detail"/>, or an argument the sentence names is missing.</exception>
    public static RecordProblem Create(string field, string? value, string code, string? detail, params (string Name, string Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(arguments);
        var key = RecordProblemTemplates.Key(code, detail);
        if (!RecordProblemTemplates.All.TryGetValue(key, out var template))
        {
            throw new ArgumentException($"There is no sentence for '{key}'.", nameof(detail));
        }

        var facts = FactsOf(arguments);
        string? Argument(string name) => name switch { "field" => field, "value" => value ?? string.Empty, _ => facts.GetValueOrDefault(name) };
        if (MessageTemplates.PlaceholdersOf(template.English + template.Chinese).FirstOrDefault(name => Argument(name) is null) is { } missing)
        {
            throw new ArgumentException($"The sentence for '{key}' needs the argument '{missing}'.", nameof(arguments));
        }

        return new RecordProblem(field, value, code, MessageTemplates.Fill(template.English, Argument)) { Detail = detail, Arguments = facts };
    }

    private static IReadOnlyDictionary<string, string> FactsOf((string Name, string Value)[] arguments)
    {
        if (arguments.Length == 0)
        {
            return NoArguments;
        }

        var facts = new Dictionary<string, string>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, fact) in arguments)
        {
            facts[name ?? throw new ArgumentException("An argument has no name.", nameof(arguments))] = fact ?? throw new ArgumentException($"The argument '{name}' has no value.", nameof(arguments));
        }

        return facts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether the other problem has the same members, the arguments compared by content.</summary>
    /// <param name="other">The other problem.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(RecordProblem? other) => other is not null
        && (Field, Value, Code, Message, Line, Source, Detail) == (other.Field, other.Value, other.Code, other.Message, other.Line, other.Source, other.Detail)
        && Arguments.Count == other.Arguments.Count
        && Arguments.All(a => other.Arguments.TryGetValue(a.Key, out var fact) && fact == a.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Field, Value, Code, Message, Line, Source, Detail);

    /// <summary>The message and its code, <c>message [code]</c>: what a table with its own field column shows.</summary>
    public string Reason => $"{Message} [{Code}]";

    /// <summary>Formats the problem as <c>field: message [code]</c>, as a rejected row's CSV, workbook and table cells write it.</summary>
    /// <returns>The text.</returns>
    public string Describe() => $"{Field}: {Reason}";

    /// <summary>Formats the problem as <c>file:line: field 'value': message [code]</c>.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString()
    {
        var where = (Source, Line) switch
        {
            (not null, not null) => $"{Source}:{Line}: ",
            (null, not null) => $"line {Line}: ",
            (not null, null) => $"{Source}: ",
            _ => string.Empty,
        };
        var value = Value is null ? string.Empty : $" '{Value}'";
        return $"{where}{Field}{value}: {Reason}";
    }
}
