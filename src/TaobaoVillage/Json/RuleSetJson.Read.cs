using System.Globalization;
using TaobaoVillage.Domain;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Json;

/// <summary>Reading a rule set's JSON tree into the rule model: one node at a time, every problem with its path and line.</summary>
public static partial class RuleSetJson
{
    private static Criterion? ReadNode(Context ctx, JToken token, string path, int depth)
    {
        if (token is not JObject obj)
        {
            ctx.Add(token, path, RuleProblemCodes.WrongType, "criterion");
            return null;
        }

        if (depth > RuleSetValidator.MaxDepth)
        {
            ctx.Add(token, path, RuleProblemCodes.TooDeep, "criteria", ("limit", MessageTemplates.Count(RuleSetValidator.MaxDepth)));
            return null;
        }

        var hasAll = obj.ContainsKey("allOf");
        var hasAny = obj.ContainsKey("anyOf");
        var head = new NodeHead(ReadString(ctx, obj, path, "id", required: false) ?? string.Empty, ReadString(ctx, obj, path, "title", required: false), ReadTitles(ctx, obj, path), ReadCitation(ctx, obj, path));
        if ((hasAll ? 1 : 0) + (hasAny ? 1 : 0) + (obj.ContainsKey("metric") ? 1 : 0) != 1)
        {
            ctx.Add(obj, path, RuleProblemCodes.InvalidNode, "kind");
            return null;
        }

        return hasAll || hasAny ? ReadGroup(ctx, obj, path, depth, hasAll ? GroupKind.AllOf : GroupKind.AnyOf, head) : ReadCondition(ctx, obj, path, head);
    }

    private static CriterionGroup? ReadGroup(Context ctx, JObject obj, string path, int depth, GroupKind kind, NodeHead head)
    {
        CheckProperties(ctx, obj, path, GroupProperties);
        var key = kind == GroupKind.AllOf ? "allOf" : "anyOf";
        if (obj[key] is not JArray array)
        {
            ctx.Add(obj[key]!, $"{path}.{key}", RuleProblemCodes.WrongType, "group", ("group", key));
            return null;
        }

        var children = new List<Criterion>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            // A child that could not be read keeps its place, so that the shared checks still see (and number) the rest.
            // It keeps its id too, so that a duplicate id is found whatever else is wrong with either criterion.
            children.Add(ReadNode(ctx, array[i], string.Create(CultureInfo.InvariantCulture, $"{path}.{key}[{i}]"), depth + 1)
                ?? new UnreadableCriterion(array[i] is JObject { } o && o["id"] is JValue { Type: JTokenType.String } v ? (string?)v : null));
        }

        return new CriterionGroup(head.Id, kind, children) { Title = head.Title, Titles = head.Titles, Citation = head.Citation };
    }

    private static Condition? ReadCondition(Context ctx, JObject obj, string path, NodeHead head)
    {
        CheckProperties(ctx, obj, path, ConditionProperties);
        var metricName = ReadString(ctx, obj, path, "metric", required: true);
        Metric? metric = null;
        if (metricName is not null && !Metric.TryFind(metricName, out metric))
        {
            ctx.Add(obj["metric"]!, path + ".metric", RuleProblemCodes.UnknownMetric, "name",
                ("value", metricName), ("expected", string.Join(", ", Metric.BuiltIn.Select(m => m.Name))));
        }

        var comparisonName = ReadString(ctx, obj, path, "comparison", required: true);
        var comparison = Comparison.AtLeast;
        if (comparisonName is not null && !UnitNames.TryParseComparison(comparisonName, out comparison))
        {
            ctx.Add(obj["comparison"]!, path + ".comparison", RuleProblemCodes.InvalidComparison, "unknown", ("value", comparisonName));
        }

        if (metric is null || comparisonName is null || !UnitNames.TryParseComparison(comparisonName, out _))
        {
            return null;
        }

        if (comparison == Comparison.OneOf)
        {
            return ReadOneOf(ctx, obj, path, metric, head);
        }

        if (obj["values"] is not null)
        {
            ctx.Add(obj["values"]!, path + ".values", RuleProblemCodes.InvalidValue, "values-on-numeric", ("comparison", comparisonName));
        }

        var threshold = ReadThreshold(ctx, obj, path);
        var unitText = ReadString(ctx, obj, path, "unit", required: true);
        var unit = metric.Unit;
        if (unitText is not null && !UnitNames.TryParseUnit(unitText, out unit))
        {
            ctx.Add(obj["unit"]!, path + ".unit", RuleProblemCodes.WrongUnit, "unknown-for-metric", ("value", unitText), ("metric", metric.Name), ("unit", UnitNames.Name(metric.Unit)));
            return null;
        }

        if (threshold is null || unitText is null)
        {
            return null;
        }

        return new Condition(head.Id, metric, comparison, threshold.Value, unit) { Title = head.Title, Titles = head.Titles, Citation = head.Citation };
    }

    private static Condition? ReadOneOf(Context ctx, JObject obj, string path, Metric metric, NodeHead head)
    {
        if (obj["threshold"] is not null)
        {
            ctx.Add(obj["threshold"]!, path + ".threshold", RuleProblemCodes.InvalidValue, "threshold-on-one-of");
        }

        var values = new List<string>();
        if (obj["values"] is not JArray valueArray)
        {
            ctx.Add(obj["values"] ?? obj, path + ".values", obj["values"] is null ? RuleProblemCodes.Missing : RuleProblemCodes.WrongType, "values-array");
            return null;
        }

        for (var i = 0; i < valueArray.Count; i++)
        {
            if (valueArray[i] is JValue { Type: JTokenType.String } s)
            {
                values.Add((string)s!);
            }
            else
            {
                ctx.Add(valueArray[i], string.Create(CultureInfo.InvariantCulture, $"{path}.values[{i}]"), RuleProblemCodes.WrongType, "value");
            }
        }

        var unitName = ReadString(ctx, obj, path, "unit", required: false);
        var categoryUnit = Unit.None;
        if (unitName is not null && !UnitNames.TryParseUnit(unitName, out categoryUnit))
        {
            ctx.Add(obj["unit"]!, path + ".unit", RuleProblemCodes.WrongUnit, "unknown", ("value", unitName));
        }

        return new Condition(head.Id, metric, values) { Title = head.Title, Titles = head.Titles, Citation = head.Citation, Unit = categoryUnit };
    }

    /// <summary>A threshold read from its text as written, exactly, or null with the problem reported.</summary>
    private static decimal? ReadThreshold(Context ctx, JObject obj, string path)
    {
        switch (obj["threshold"])
        {
            case null:
                ctx.Add(obj, path + ".threshold", RuleProblemCodes.MissingThreshold, "numeric");
                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                // Read from the text as written: the parser's decimal has already rounded 1e-29 to 0.
                var raw = ctx.RawNumber(number);
                if (raw is null && number.Value is double d && !double.IsFinite(d))
                {
                    ctx.Add(number, path + ".threshold", RuleProblemCodes.MalformedJson, "not-a-number");
                    break;
                }

                raw ??= Convert.ToString(number.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                switch (ExactDecimal.Parse(raw, out var exact))
                {
                    case ExactDecimalResult.Exact:
                        return exact;
                    case ExactDecimalResult.Inexact:
                        ctx.Add(number, path + ".threshold", RuleProblemCodes.Inexact, "threshold", ("value", Shorten(raw)));
                        break;
                    default:
                        ctx.Add(number, path + ".threshold", RuleProblemCodes.InvalidValue, "beyond-decimal", ("value", Shorten(raw)));
                        break;
                }

                break;
            case var other:
                ctx.Add(other, path + ".threshold", RuleProblemCodes.WrongType, "threshold");
                break;
        }

        return null;
    }

    /// <summary>What every criterion has: its id, title and citation.</summary>
    private readonly record struct NodeHead(string Id, string? Title, Translations Titles, Citation? Citation);

    private static RuleTarget? ReadTarget(Context ctx, JObject obj)
    {
        var text = ReadString(ctx, obj, "$", "target", required: false);
        switch (text)
        {
            case null: return null;
            case "village": return RuleTarget.Village;
            case "township": return RuleTarget.Township;
            default:
                ctx.Add(obj["target"]!, "$.target", RuleProblemCodes.InvalidValue, "target", ("value", text));
                return null;
        }
    }

    private static YearRange? ReadYears(Context ctx, JObject obj)
    {
        if (obj["effectiveYears"] is not { } token)
        {
            return null;
        }

        if (token is not JObject years)
        {
            ctx.Add(token, "$.effectiveYears", RuleProblemCodes.WrongType, "effective-years");
            return null;
        }

        CheckProperties(ctx, years, "$.effectiveYears", YearProperties);
        var from = ReadYear(ctx, years, "from", required: true);
        var to = ReadYear(ctx, years, "to", required: false);
        return from is null ? null : new YearRange(from.Value, to);
    }

    private static int? ReadYear(Context ctx, JObject obj, string name, bool required)
    {
        switch (obj[name])
        {
            case null when required:
                ctx.Add(obj, "$.effectiveYears." + name, RuleProblemCodes.Missing, "property", ("name", name));
                return null;
            case null:
            case JValue { Type: JTokenType.Null }:
                return null;
            // The range is the validator's to judge (invalid-years), for files and builders alike; here only the type.
            case JValue { Type: JTokenType.Integer, Value: long l } when l is >= int.MinValue and <= int.MaxValue:
                return (int)l;
            case var other:
                ctx.Add(other, "$.effectiveYears." + name, RuleProblemCodes.WrongType, "year", ("name", name));
                return null;
        }
    }

    private static Citation? ReadCitation(Context ctx, JObject obj, string path)
    {
        if (obj["citation"] is not { } token)
        {
            return null;
        }

        if (token is not JObject c)
        {
            ctx.Add(token, path + ".citation", RuleProblemCodes.WrongType, "citation");
            return null;
        }

        CheckProperties(ctx, c, path + ".citation", CitationProperties);
        var source = ReadString(ctx, c, path + ".citation", "source", required: true);
        return source is null ? null : new Citation(source, ReadString(ctx, c, path + ".citation", "url", false), ReadString(ctx, c, path + ".citation", "quote", false))
        {
            Sources = ReadTranslations(ctx, c, path + ".citation", "sources"),
            Quotes = ReadTranslations(ctx, c, path + ".citation", "quotes"),
        };
    }

    /// <summary>A <c>titles</c> object — language tag to text — or none; each bad entry is a problem at its path and is left out.</summary>
    private static Translations ReadTitles(Context ctx, JObject obj, string path) => ReadTranslations(ctx, obj, path, "titles");

    /// <summary>An object of translations (<c>titles</c>, a citation's <c>quotes</c>) — language tag to text — or none.</summary>
    private static Translations ReadTranslations(Context ctx, JObject obj, string path, string name)
    {
        switch (obj[name])
        {
            case null:
                return Translations.None;
            case JObject texts:
                return texts.Properties().Aggregate(Translations.None, (read, p) => ReadTranslation(ctx, read, p, $"{path}.{name}.{p.Name}"));
            case var other:
                ctx.Add(other, $"{path}.{name}", RuleProblemCodes.WrongType, "translations", ("name", name));
                return Translations.None;
        }
    }

    private static Translations ReadTranslation(Context ctx, Translations read, JProperty title, string path)
    {
        if (!Translations.IsLanguageTag(title.Name))
        {
            ctx.Add(title, path, RuleProblemCodes.InvalidLanguage, "tag", ("value", PropertyName(title.Name)));
            return read;
        }

        if (title.Value is not JValue { Type: JTokenType.String } text || string.IsNullOrWhiteSpace((string?)text))
        {
            ctx.Add(title.Value, path, RuleProblemCodes.WrongType, "translation");
            return read;
        }

        return read.With(title.Name, (string)text!);
    }

    private static string? ReadString(Context ctx, JObject obj, string path, string name, bool required)
    {
        switch (obj[name])
        {
            case null when required:
                ctx.Add(obj, $"{path}.{name}", RuleProblemCodes.Missing, "property", ("name", name));
                return null;
            case null:
                return null;
            case JValue { Type: JTokenType.String } s:
                return (string?)s;
            case var other:
                ctx.Add(other, $"{path}.{name}", RuleProblemCodes.WrongType, "string", ("name", name));
                return null;
        }
    }

    /// <summary>A property name as a problem quotes it: cut to 64 characters, so a hostile key cannot flood the message.</summary>
    private static string PropertyName(string name) => name.Length > 64 ? name[..61] + "..." : name;

    private static void CheckProperties(Context ctx, JObject obj, string path, string[] known)
    {
        foreach (var property in obj.Properties())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var name = PropertyName(property.Name);
                ctx.Add(property, $"{path}.{name}", RuleProblemCodes.UnknownProperty, "property", ("name", name), ("expected", string.Join(", ", known)));
            }
        }
    }

    private static int? LineOf(JObject root, string path)
    {
        // Walk the path back to the nearest token that exists.
        var p = path;
        while (p.Length > 1)
        {
            var token = root.SelectToken(p.Length > 2 ? p[2..] : string.Empty, errorWhenNoMatch: false);
            if (token is IJsonLineInfo info && info.HasLineInfo())
            {
                return info.LineNumber;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            p = p[..cut];
        }

        return null;
    }

    /// <summary>Whether the reader ran out of text in the middle of the JSON (Newtonsoft says "Unexpected end…").</summary>
    private static bool IsCutShort(JsonException ex) => ex.Message.StartsWith("Unexpected end", StringComparison.Ordinal);

    /// <summary>The number of the text's last line with content.</summary>
    private static int LastLine(string json) => json.TrimEnd().Count(c => c == '\n') + 1;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path", StringComparison.Ordinal);
        var sentence = cut > 0 ? message[..(cut + 1)] : message;

        // The parser quotes what it could not read, which may be a megabyte of digits.
        return sentence.Length <= 300 ? sentence : string.Concat(sentence.AsSpan(0, 200), " … ", sentence.AsSpan(sentence.Length - 60));
    }
}
