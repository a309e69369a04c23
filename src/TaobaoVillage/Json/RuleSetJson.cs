using System.Globalization;
using TaobaoVillage.Domain;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Json;

/// <summary>
/// Reads and writes rule sets as JSON (Newtonsoft.Json). The format is data only: ids, metrics, comparisons,
/// thresholds, units, citations, and <c>allOf</c>/<c>anyOf</c> groups — nothing in a rule file can run code.
/// </summary>
/// <remarks>
/// Loading checks the whole document and reports every problem with its JSON path and line: malformed JSON,
/// duplicate keys, unknown properties (often misspellings), wrong types, unknown metrics, wrong units, missing
/// thresholds, duplicate criterion ids, empty groups. Saving then loading gives an equal rule set. All members are
/// thread-safe.
/// </remarks>
public static partial class RuleSetJson
{
    /// <summary>The default largest rule file read, in characters (1 MiB); see <see cref="RuleSetJsonOptions"/>.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>The default deepest JSON nesting read; see <see cref="RuleSetJsonOptions"/>.</summary>
    public const int MaxJsonDepth = 2 * RuleSetValidator.MaxDepth + 8;

    private static readonly string[] RootProperties = ["$schema", "id", "version", "title", "titles", "description", "target", "effectiveYears", "citation", "criteria"];
    private static readonly string[] GroupProperties = ["id", "title", "titles", "citation", "allOf", "anyOf"];
    private static readonly string[] ConditionProperties = ["id", "title", "titles", "citation", "metric", "comparison", "threshold", "unit", "values"];
    private static readonly string[] CitationProperties = ["source", "sources", "url", "quote", "quotes"];
    private static readonly string[] YearProperties = ["from", "to"];

    /// <summary>Loads a rule set from JSON text. Does not throw for problems in the text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static RuleSetLoadResult Load(string json) => Load(json, RuleSetJsonOptions.Default);

    /// <summary>Loads a rule set from JSON text with explicit limits. Does not throw for problems in the text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RuleSetLoadResult Load(string json, RuleSetJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<RuleProblem>();
        if (json.Length > options.MaxLength)
        {
            problems.Add(RuleProblemTemplates.Create("?", "$", RuleProblemCodes.MalformedJson, "too-long", ("length", MessageTemplates.Count(json.Length)), ("limit", MessageTemplates.Count(options.MaxLength))));
            return new RuleSetLoadResult(null, problems);
        }

        var root = ReadRoot(json, options, problems);
        if (root is null)
        {
            return new RuleSetLoadResult(null, problems);
        }

        if (root is not JObject obj)
        {
            problems.Add(Problem("?", root, "$", RuleProblemCodes.WrongType, "rule-set"));
            return new RuleSetLoadResult(null, problems);
        }

        var ruleSet = Finish(obj, ReadDraft(obj, json, problems), problems);
        return new RuleSetLoadResult(problems.Count == 0 ? ruleSet : null, problems);
    }

    /// <summary>Reads the JSON tree of a rule file, or adds the syntax problem and gives null.</summary>
    private static JToken? ReadRoot(string json, RuleSetJsonOptions options, List<RuleProblem> problems)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json))
            {
                MaxDepth = options.MaxJsonDepth,
                // Doubles never fail on a huge number; every threshold is then read exactly from its text.
                FloatParseHandling = FloatParseHandling.Double,
                DateParseHandling = DateParseHandling.None,
            };
            var root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                LineInfoHandling = LineInfoHandling.Load,
                CommentHandling = CommentHandling.Ignore,
            });
            if (!reader.Read())
            {
                return root;
            }

            problems.Add(RuleProblemTemplates.Create("?", "$", RuleProblemCodes.MalformedJson, "trailing") with { Line = reader.LineNumber });
            return null;
        }
        catch (JsonException ex)
        {
            problems.Add(SyntaxProblem(ex, json, options));
            return null;
        }
    }

    /// <summary>The problem for a JSON syntax error: nested too deep, cut short, or the reader's own sentence.</summary>
    private static RuleProblem SyntaxProblem(JsonException ex, string json, RuleSetJsonOptions options)
    {
        var line = ex is JsonReaderException r && r.LineNumber > 0 ? r.LineNumber : (int?)null;
        var path = ex is JsonReaderException jr && !string.IsNullOrEmpty(jr.Path) ? "$." + jr.Path : "$";

        // The reader's own depth limit guards the stack; to the author it is criteria nested too deep.
        if (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
        {
            return RuleProblemTemplates.Create("?", path, RuleProblemCodes.TooDeep, "json", ("limit", MessageTemplates.Count(options.MaxJsonDepth)), ("criteria-limit", MessageTemplates.Count(RuleSetValidator.MaxDepth))) with { Line = line };
        }

        return IsCutShort(ex)
            ? RuleProblemTemplates.Create("?", path, RuleProblemCodes.MalformedJson, "cut-short", ("line", MessageTemplates.Count(LastLine(json)))) with { Line = LastLine(json) }
            : RuleProblemTemplates.Create("?", path, RuleProblemCodes.MalformedJson, "syntax", ("reason", FirstSentence(ex.Message))) with { Line = line };
    }

    /// <summary>Reads the root object's fields and criteria into a draft, adding what it cannot read.</summary>
    private static RuleSetDraft ReadDraft(JObject obj, string json, List<RuleProblem> problems)
    {
        var id = obj["id"] is JValue { Type: JTokenType.String } idValue ? (string?)idValue : null;
        var ctx = new Context(id ?? "?", problems, json);
        CheckProperties(ctx, obj, "$", RootProperties);
        var draft = new RuleSetDraft
        {
            Id = ReadString(ctx, obj, "$", "id", required: false),
            Version = ReadString(ctx, obj, "$", "version", required: false),
            Title = ReadString(ctx, obj, "$", "title", required: false),
            Titles = ReadTitles(ctx, obj, "$"),
            Description = ReadString(ctx, obj, "$", "description", required: false),
            Target = ReadTarget(ctx, obj),
            EffectiveYears = ReadYears(ctx, obj),
            Citation = ReadCitation(ctx, obj, "$"),
        };
        var criteria = obj["criteria"] is { } criteriaToken ? ReadNode(ctx, criteriaToken, "$.criteria", 1) : null;

        // A field present but unreadable was reported as such by the reader: not "missing" as well.
        return draft with { Criteria = criteria, Reported = problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal) };
    }

    /// <summary>Runs the shared checks on a draft; on failure gives the new problems lines and sorts them.</summary>
    private static RuleSet? Finish(JObject obj, RuleSetDraft draft, List<RuleProblem> problems)
    {
        var sizeBefore = problems.Count;
        var ruleSet = draft.TryCreate(problems);
        if (ruleSet is null)
        {
            // Problems found by the shared checks have paths but no lines: add the line of the token at that path.
            for (var i = sizeBefore; i < problems.Count; i++)
            {
                problems[i] = problems[i] with { Line = LineOf(obj, problems[i].Path) };
            }

            // Problems found while reading may sit before a missing id was known; keep them in document order.
            problems.Sort((a, b) => (a.Line ?? int.MaxValue).CompareTo(b.Line ?? int.MaxValue));
        }

        return ruleSet;
    }

    /// <summary>Loads a rule set from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="RuleSetException">The text has problems; the exception lists every one.</exception>
    public static RuleSet Parse(string json)
    {
        var result = Load(json);
        return result.RuleSet ?? throw new RuleSetException(result.Problems);
    }

    /// <summary>Loads a rule set from a UTF-8 JSON file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static RuleSetLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        return Load(stream, RuleSetJsonOptions.Default);
    }

    /// <summary>
    /// Loads a rule set from a stream of UTF-8 (or BOM-marked) text, reading at most the options' length: the limit is
    /// counted as characters arrive, so a device, FIFO or endless stream (<c>/dev/zero</c>) is refused, never read whole.
    /// </summary>
    /// <param name="stream">The bytes; left open.</param>
    /// <param name="options">The limits.</param>
    /// <returns>The rule set, or every problem found.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static RuleSetLoadResult Load(Stream stream, RuleSetJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return BoundedText.ReadAtMost(stream, options.MaxLength) is { } text
            ? Load(text, options)
            : new RuleSetLoadResult(null, [RuleProblemTemplates.Create("?", "$", RuleProblemCodes.MalformedJson, "stream-too-long", ("limit", MessageTemplates.Count(options.MaxLength)))]);
    }

    /// <summary>Writes a rule set as JSON, translations included. Loading the text gives an equal rule set with the same translations.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="indented">Whether to indent the text for people; compact, it is the canonical form plus the translations.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static string Save(RuleSet ruleSet, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Write(ruleSet, indented);
    }

    private static RuleProblem Problem(string id, JToken token, string path, string code, string detail, params ReadOnlySpan<(string Name, string Value)> arguments) =>
        RuleProblemTemplates.Create(id, path, code, detail, arguments) with { Line = token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : null };

    /// <summary>A value quoted in a message, cut so that a megabyte of digits never becomes a megabyte of message.</summary>
    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 20), "…", text.AsSpan(text.Length - 10));

    private sealed record Context(string Id, List<RuleProblem> Problems, string Json)
    {
        private string[]? _lines;

        public void Add(JToken token, string path, string code, string detail, params ReadOnlySpan<(string Name, string Value)> arguments) =>
            Problems.Add(Problem(Id, token, path, code, detail, arguments));

        /// <summary>A number token's text as written (the parsed value may be rounded), or null when it cannot be found.</summary>
        public string? RawNumber(JToken token)
        {
            if (token is not IJsonLineInfo info || !info.HasLineInfo())
            {
                return null;
            }

            // Lines as Newtonsoft counts them: \r\n, \r and \n each end one.
            _lines ??= Json.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r');
            if (info.LineNumber < 1 || info.LineNumber > _lines.Length)
            {
                return null;
            }

            return JsonNumberText.EndingAt(_lines[info.LineNumber - 1], info.LinePosition);
        }
    }
}
