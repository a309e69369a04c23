namespace TaobaoVillage.Rules;

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
