using System.Globalization;

namespace TaobaoVillage.Domain;

/// <summary>
/// A problem's message in a person's language, chosen by its stable code: the problems' own English sentences, the
/// built-in Simplified Chinese ones (<see cref="Default"/>), and any a caller adds with <see cref="With"/> — the
/// built-ins use that same mechanism. A template names the problem's parts as <c>{field}</c> and <c>{value}</c>.
/// </summary>
/// <example><code>
/// var messages = ProblemMessages.Default.With(CultureInfo.GetCultureInfo("zh-CN"), RecordProblemCodes.Negative, "{field} 不能小于零");
/// var text = messages.Describe(problem, CultureInfo.GetCultureInfo("zh-CN"));
/// </code></example>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ProblemMessages
{
    private readonly MessageTemplates _templates;

    private ProblemMessages(MessageTemplates templates) => _templates = templates;

    /// <summary>No translations: every problem speaks its own (English) message.</summary>
    public static ProblemMessages English { get; } = new(MessageTemplates.Empty);

    /// <summary>The built-in translations: Simplified Chinese (<c>zh-Hans</c>, so <c>zh-CN</c> and <c>zh-SG</c>) for every code of <see cref="RecordProblemCodes"/>.</summary>
    public static ProblemMessages Default { get; } = new(MessageTemplates.Empty.With(ChineseSimplified.Culture, ChineseSimplified.Templates));

    /// <summary>These messages with one more template (or one replaced).</summary>
    /// <param name="culture">The language; it also serves its more specific cultures (<c>zh-Hans</c> serves <c>zh-CN</c>).</param>
    /// <param name="code">The problem code, such as <see cref="RecordProblemCodes.Negative"/>; or <c>code/detail</c> for the sentence of one <see cref="RecordProblem.Detail"/>.</param>
    /// <param name="template">The sentence, with <c>{field}</c> and <c>{value}</c> where the problem's parts go.</param>
    /// <returns>New messages; this instance is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="template"/> is empty.</exception>
    public ProblemMessages With(CultureInfo culture, string code, string template)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(template);
        return new ProblemMessages(_templates.With(culture, [new(code, template)]));
    }

    /// <summary>The problem's message in a language: the template for its code in the culture or the nearest parent that has one, else the problem's own message.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="culture">The language, usually <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string MessageOf(RecordProblem problem, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(culture);
        var template = _templates.Find(culture, problem.Detail is { } detail ? problem.Code + "/" + detail : null, problem.Code);
        return template is null ? problem.Message : MessageTemplates.Fill(template, name => name switch
        {
            "field" => problem.Field,
            "value" => problem.Value ?? string.Empty,
            _ => null,
        });
    }

    /// <summary>The message and its code, <c>message [code]</c>, in a language, as <see cref="RecordProblem.Reason"/> gives it in English.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="culture">The language.</param>
    /// <returns>The text; the code stays as it is, so a reader can look it up.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string ReasonOf(RecordProblem problem, CultureInfo culture) => $"{MessageOf(problem, culture)} [{problem.Code}]";

    /// <summary>The problem as <c>field: message [code]</c> in a language, as <see cref="RecordProblem.Describe"/> gives it in English.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="culture">The language.</param>
    /// <returns>The text; the code stays as it is, so a reader can look it up.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string Describe(RecordProblem problem, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{problem.Field}: {ReasonOf(problem, culture)}";
    }

    /// <summary>The built-in Simplified Chinese sentences, one per code.</summary>
    private static class ChineseSimplified
    {
        public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-Hans");

        public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RecordProblemCodes.MissingVillageCode] = "缺少村代码。",
            [RecordProblemCodes.MissingTownship] = "乡镇行需要乡镇代码（township_code）或乡镇名称（township）。",
            [RecordProblemCodes.NotANumber] = "“{value}”不是数字。",
            [RecordProblemCodes.Negative] = "{field} 不能为负数（“{value}”）。",
            [RecordProblemCodes.NotWhole] = "{field} 应为整数（“{value}”）。",
            [RecordProblemCodes.OutOfRange] = "“{value}”超出了 {field} 的允许范围。",
            [RecordProblemCodes.ZeroHouseholds] = "户数为零，无法计算占户数的比例。",
            [RecordProblemCodes.EngagedExceedsHouseholds] = "{field}（{value}）多于全村户数。",
            [RecordProblemCodes.UnknownPlatform] = "无法识别的电商平台“{value}”。",
            [RecordProblemCodes.UnknownCommittee] = "村（居）委会类型应为“村委会”或“居委会”，而不是“{value}”。",
            [RecordProblemCodes.UnknownTownshipKind] = "乡镇类型应为“township”（乡镇）、“subdistrict”（街道）或“other”，而不是“{value}”。",
            [RecordProblemCodes.DuplicateVillage] = "村代码 {value} 在同一年份已出现过，本行未评定。",
            [RecordProblemCodes.DuplicateTownship] = "乡镇代码 {value} 在同一年份已出现过，只读取第一行。",
            [RecordProblemCodes.WrongCellCount] = "本行的单元格数（{value}）与表头的列数不符。",
            [RecordProblemCodes.Malformed] = "本行格式有误，无法读取。",
            [RecordProblemCodes.BadEncoding] = "含有不符合文件编码的字节（文件应为 UTF-8 或 GB18030）。",
            [RecordProblemCodes.TooLong] = "行或单元格过长，未读取。",
            [RecordProblemCodes.Inexact] = "“{value}”无法精确表示，不会为了达标而四舍五入。",
            [RecordProblemCodes.DuplicateField] = "{field} 列出现了不止一次。",
            [RecordProblemCodes.TotalRow] = "“{value}”是合计行，不是村，不参与评定。",
            [RecordProblemCodes.TotalRow + "/" + TotalRowLabels.SumsDetail] = "“{value}”是合计行，不是村，不参与评定；其各项数字等于上方各行之和。",
            [RecordProblemCodes.TwoUnits] = "列名“{value}”含有两个单位，无法确定按哪个单位读取 {field}；每个列名只能写一个单位。",
        };
    }
}
