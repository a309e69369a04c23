using System.Collections.Frozen;
using System.Globalization;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Rules;

/// <summary>
/// Every rule-file problem's sentence, keyed <c>code/detail</c>, in English and Simplified Chinese side by side so the
/// two give the same facts; placeholders such as <c>{value}</c> are filled from <see cref="RuleProblem.Arguments"/>.
/// </summary>
internal static class RuleProblemTemplates
{
    /// <summary>The key of the frame around a message; <see cref="DescribeWithLine"/> when the line is known.</summary>
    public const string Describe = "describe";

    /// <summary>The key of the frame around a message whose line is known.</summary>
    public const string DescribeWithLine = "describe/line";

    public static readonly FrozenDictionary<string, (string English, string Chinese)> All = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        // The frame RuleProblemMessages.Describe puts around a message.
        [Describe] = ("{id} {path}: {message} [{code}]", "{id} {path}：{message} [{code}]"),
        [DescribeWithLine] = ("{id} {path} (line {line}): {message} [{code}]", "{id} {path}（第 {line} 行）：{message} [{code}]"),

        // The rule file as JSON.
        ["malformed-json/too-long"] = ("The rule file is {length} characters long; the limit is {limit}.", "规则文件长 {length} 个字符，超过上限 {limit}。"),
        ["malformed-json/stream-too-long"] = ("The rule file is longer than the limit of {limit} characters; it is not read further.", "规则文件超过 {limit} 个字符的上限，未继续读取。"),
        ["malformed-json/trailing"] = ("Unexpected content after the rule set.", "规则集之后还有多余的内容。"),
        ["malformed-json/cut-short"] = ("The rule file is cut short: it ends at line {line} before the JSON is complete (a closing brace or bracket is missing).", "规则文件不完整：在第 {line} 行就结束了，JSON 尚未闭合（缺少右花括号或右方括号）。"),
        ["malformed-json/syntax"] = ("{reason}", "JSON 格式有误：{reason}"),
        ["malformed-json/not-a-number"] = ("NaN and Infinity are not JSON numbers.", "NaN 和 Infinity 不是 JSON 数字。"),
        ["too-deep/json"] = ("The rule file is nested deeper than {limit} JSON levels: criteria may nest {criteria-limit} deep.", "规则文件的 JSON 嵌套超过 {limit} 层；条件最多可嵌套 {criteria-limit} 层。"),
        ["too-deep/criteria"] = ("Criteria are nested deeper than {limit} levels.", "条件嵌套超过 {limit} 层。"),
        ["wrong-type/rule-set"] = ("A rule set is a JSON object.", "规则集应为 JSON 对象。"),
        ["unknown-property/property"] = ("Unknown property '{name}'; expected {expected}.", "无法识别的属性“{name}”；应为 {expected}。"),
        ["missing/property"] = ("'{name}' is required.", "缺少“{name}”。"),
        ["wrong-type/string"] = ("'{name}' is a string.", "“{name}”应为字符串。"),

        // The rule set's own fields.
        ["missing/id"] = ("A rule set needs an id.", "规则集需要 id。"),
        ["invalid-id/rule-set"] = ("'{value}' is not a valid id: use lower-case letters, digits, '-', '_' and '.', at most 64 characters.", "“{value}”不是有效的 id：只能用小写字母、数字、“-”、“_”和“.”，最多 64 个字符。"),
        ["missing/version"] = ("A rule set needs a version.", "规则集需要版本号。"),
        ["invalid-version/version"] = ("'{value}' is not a valid version, such as 2022.1.", "“{value}”不是有效的版本号，应形如 2022.1。"),
        ["missing/title"] = ("A rule set needs a title.", "规则集需要标题。"),
        ["missing/target"] = ("A rule set needs a target: village or township.", "规则集需要评定对象（target）：village 或 township。"),
        ["invalid-value/target"] = ("Unknown target '{value}'; expected 'village' or 'township'.", "无法识别的评定对象“{value}”；应为“village”或“township”。"),
        ["missing/effective-years"] = ("A rule set needs its effective years (from, and to or null).", "规则集需要适用年份（from，以及 to 或 null）。"),
        ["wrong-type/effective-years"] = ("'effectiveYears' is an object with 'from' and 'to'.", "“effectiveYears”应为含“from”和“to”的对象。"),
        ["wrong-type/year"] = ("'{name}' is a year such as 2014.", "“{name}”应为年份，例如 2014。"),
        ["invalid-years/range"] = ("{from}–{to} is not a valid range of years.", "{from}–{to} 年不是有效的年份范围。"),
        ["invalid-years/open-range"] = ("{from} onward is not a valid range of years.", "{from} 年起不是有效的年份范围。"),
        ["missing/criteria"] = ("A rule set needs criteria.", "规则集需要条件（criteria）。"),

        // Citations and translations.
        ["wrong-type/citation"] = ("A citation is an object with 'source', 'url' and 'quote'.", "出处（citation）应为含“source”、“url”和“quote”的对象。"),
        ["missing/citation-source"] = ("A citation needs a source.", "出处需要写明来源（source）。"),
        ["wrong-type/translations"] = ("'{name}' is an object of language tags and texts, such as {\"zh-Hans\": \"…\"}.", "“{name}”应为由语言标记和文字组成的对象，例如 {\"zh-Hans\": \"…\"}。"),
        ["invalid-language/tag"] = ("'{value}' is not a language tag such as zh-Hans or zh-CN.", "“{value}”不是语言标记（例如 zh-Hans 或 zh-CN）。"),
        ["wrong-type/translation"] = ("A translation is a text that is not empty.", "译文应为非空的文字。"),

        // Criteria and groups.
        ["wrong-type/criterion"] = ("A criterion is a JSON object.", "条件应为 JSON 对象。"),
        ["invalid-node/kind"] = ("A criterion has exactly one of 'allOf', 'anyOf' or 'metric'.", "每个条件必须且只能有“allOf”、“anyOf”或“metric”中的一项。"),
        ["invalid-node/missing"] = ("A criterion is missing.", "缺少一个条件。"),
        ["wrong-type/group"] = ("'{group}' is an array of criteria.", "“{group}”应为条件数组。"),
        ["empty-group/group"] = ("'{group}' needs at least one criterion.", "“{group}”至少需要一个条件。"),
        ["missing/criterion-id"] = ("Every criterion needs an id.", "每个条件都需要 id。"),
        ["invalid-id/criterion"] = ("'{value}' is not a valid criterion id: use lower-case letters, digits, '-', '_' and '.'.", "“{value}”不是有效的条件 id：只能用小写字母、数字、“-”、“_”和“.”。"),
        ["duplicate-id/criterion"] = ("The criterion id '{value}' is already used at {first}.", "条件 id“{value}”已在 {first} 用过。"),

        // Conditions: metric, comparison, unit, threshold and values.
        ["missing/metric"] = ("A criterion needs a metric.", "条件需要指标（metric）。"),
        ["unknown-metric/name"] = ("Unknown metric '{value}'; expected one of {expected}, or attribute:NAME.", "无法识别的指标“{value}”；应为 {expected} 之一，或 attribute:名称。"),
        ["metric-not-for-target/target"] = ("The metric '{metric}' does not apply to {target} rule sets.", "指标“{metric}”不适用于评定对象为 {target} 的规则集。"),
        ["invalid-comparison/unknown"] = ("Unknown comparison '{value}'; expected atLeast, greaterThan, atMost, lessThan, equalTo or oneOf.", "无法识别的比较方式“{value}”；应为 atLeast、greaterThan、atMost、lessThan、equalTo 或 oneOf。"),
        ["invalid-comparison/category"] = ("The category metric '{metric}' takes only 'oneOf'.", "类别指标“{metric}”只能用“oneOf”。"),
        ["invalid-comparison/numeric"] = ("The numeric metric '{metric}' takes atLeast, greaterThan, atMost, lessThan or equalTo.", "数值指标“{metric}”只能用 atLeast、greaterThan、atMost、lessThan 或 equalTo。"),
        ["wrong-unit/unknown"] = ("Unknown unit '{value}'.", "无法识别的单位“{value}”。"),
        ["wrong-unit/unknown-for-metric"] = ("Unknown unit '{value}'; the metric '{metric}' is measured in '{unit}'.", "无法识别的单位“{value}”；指标“{metric}”的单位是“{unit}”。"),
        ["wrong-unit/mismatch"] = ("The metric '{metric}' is measured in '{unit}', not '{value}'.", "指标“{metric}”的单位是“{unit}”，不是“{value}”。"),
        ["wrong-unit/category"] = ("The category metric '{metric}' has no unit.", "类别指标“{metric}”没有单位。"),
        ["missing-threshold/numeric"] = ("A numeric criterion needs a threshold.", "数值条件需要阈值（threshold）。"),
        ["wrong-type/threshold"] = ("A threshold is a number.", "阈值应为数字。"),
        ["inexact/threshold"] = ("The threshold {value} has more digits than a decimal holds exactly (at most 28 decimal places); it is not rounded.", "阈值 {value} 的位数超过 decimal 能精确表示的范围（最多 28 位小数），不会四舍五入。"),
        ["invalid-value/beyond-decimal"] = ("The threshold {value} is beyond the range of a decimal.", "阈值 {value} 超出了 decimal 的范围。"),
        ["invalid-value/negative"] = ("A threshold must not be negative.", "阈值不能为负数。"),
        ["invalid-value/not-whole"] = ("'{metric}' counts whole {unit}: the threshold must be a whole number.", "“{metric}”按整数计（{unit}）：阈值必须是整数。"),
        ["invalid-value/beyond-count"] = ("'{metric}' holds at most {limit} {unit}: no record can meet {value}.", "“{metric}”最多为 {limit}（{unit}）：没有记录能达到 {value}。"),
        ["invalid-value/share-of-households"] = ("A share of households is a fraction of one: at most 1 (0.1 is 10%); {value} would be {percent}%.", "占户数的比例是不超过 1 的小数（0.1 即 10%）；{value} 相当于 {percent}%。"),
        ["invalid-value/share-range"] = ("A share threshold must be at most {limit} (a fraction: 0.1 is 10%).", "比例阈值最大为 {limit}（小数：0.1 即 10%）。"),
        ["invalid-value/values-on-numeric"] = ("'{comparison}' takes a threshold, not 'values'.", "“{comparison}”应写阈值（threshold），而不是“values”。"),
        ["invalid-value/threshold-on-one-of"] = ("'oneOf' takes 'values', not a threshold.", "“oneOf”应写“values”，而不是阈值。"),
        ["missing/values"] = ("'oneOf' needs at least one value.", "“oneOf”至少需要一个取值。"),
        ["missing/values-array"] = ("'oneOf' needs 'values', an array of strings.", "“oneOf”需要“values”，即字符串数组。"),
        ["wrong-type/values-array"] = ("'oneOf' needs 'values', an array of strings.", "“oneOf”需要“values”，即字符串数组。"),
        ["wrong-type/value"] = ("A value is a string.", "取值应为字符串。"),
        ["invalid-value/category-value"] = ("'{value}' is not a value of '{metric}'; expected one of {expected}.", "“{value}”不是“{metric}”的取值；应为 {expected} 之一。"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A problem with its English sentence filled in from the table.</summary>
    /// <exception cref="KeyNotFoundException">No template has the key: a programming error, caught by the tests.</exception>
    public static RuleProblem Create(string ruleSetId, string path, string code, string detail, params ReadOnlySpan<(string Name, string Value)> arguments)
    {
        var values = new Dictionary<string, string>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            values[name] = value;
        }

        var message = MessageTemplates.Fill(All[code + "/" + detail].English, name => values.GetValueOrDefault(name));
        return new RuleProblem(ruleSetId, path, code, message) { Detail = detail, Arguments = values.ToFrozenDictionary(StringComparer.Ordinal) };
    }
}
