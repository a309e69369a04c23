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

/// <summary>The stable codes of <see cref="RuleProblem"/>. They never change meaning once published.</summary>
public static class RuleProblemCodes
{
    /// <summary>The text is not well-formed JSON, or a value is beyond what can be read (too deep, too large).</summary>
    public const string MalformedJson = "malformed-json";

    /// <summary>A required property is missing.</summary>
    public const string Missing = "missing";

    /// <summary>A property has the wrong JSON type.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A property the format does not know (often a misspelling).</summary>
    public const string UnknownProperty = "unknown-property";

    /// <summary>A rule set or criterion id is not in the allowed form.</summary>
    public const string InvalidId = "invalid-id";

    /// <summary>The version is not of the allowed form (such as 2022.1).</summary>
    public const string InvalidVersion = "invalid-version";

    /// <summary>Two criteria share an id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A metric name is not known.</summary>
    public const string UnknownMetric = "unknown-metric";

    /// <summary>A metric does not apply to the rule set's target.</summary>
    public const string MetricNotForTarget = "metric-not-for-target";

    /// <summary>A comparison name is not known, or does not suit the metric.</summary>
    public const string InvalidComparison = "invalid-comparison";

    /// <summary>The unit does not match the metric's unit.</summary>
    public const string WrongUnit = "wrong-unit";

    /// <summary>A numeric comparison has no threshold.</summary>
    public const string MissingThreshold = "missing-threshold";

    /// <summary>A threshold or value is not allowed (negative, unknown category value).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A threshold has more digits than a decimal holds exactly (such as <c>1e-29</c>); it is never rounded.</summary>
    public const string Inexact = "inexact";

    /// <summary>A group has no parts.</summary>
    public const string EmptyGroup = "empty-group";

    /// <summary>A node is neither a group nor a criterion, or is both.</summary>
    public const string InvalidNode = "invalid-node";

    /// <summary>The effective years are not a valid range.</summary>
    public const string InvalidYears = "invalid-years";

    /// <summary>The criteria tree is nested deeper than allowed.</summary>
    public const string TooDeep = "too-deep";

    /// <summary>A translated title is keyed by something that is not a language tag (<c>zh-Hans</c>, <c>zh-CN</c>).</summary>
    public const string InvalidLanguage = "invalid-language";
}

/// <summary>Thrown when a rule set is built or loaded with problems; <see cref="Problems"/> lists every one.</summary>
public sealed class RuleSetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleSetException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public RuleSetException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates the exception with a message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleSetException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Creates the exception from problems.</summary>
    /// <param name="problems">Every problem found.</param>
    public RuleSetException(IReadOnlyList<RuleProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    private static string Describe(IReadOnlyList<RuleProblem> problems) => problems is null || problems.Count == 0
        ? "The rule set is invalid."
        : $"The rule set has {problems.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
