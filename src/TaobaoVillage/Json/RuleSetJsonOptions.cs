using System.Globalization;
using TaobaoVillage.Domain;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Json;

/// <summary>The limits of <see cref="RuleSetJson"/>: text past them is reported as <c>malformed-json</c>, never parsed.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RuleSetJsonOptions
{
    /// <summary>The defaults: 1 MiB of text, 72 levels of JSON.</summary>
    public static RuleSetJsonOptions Default { get; } = new();

    /// <summary>The longest rule file read, in characters.</summary>
    public int MaxLength { get; init; } = RuleSetJson.MaxLength;

    /// <summary>The deepest JSON nesting read (criteria themselves may nest at most 32 levels).</summary>
    public int MaxJsonDepth { get; init; } = RuleSetJson.MaxJsonDepth;
}
