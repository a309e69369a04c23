using System.Globalization;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Rules;

/// <summary>
/// A rule-file problem's message in a person's language, chosen by its key <c>code/detail</c> (see
/// <see cref="RuleProblem.Detail"/>) or, failing that, its code: the built-in English and Simplified Chinese sentences
/// (<see cref="Default"/>), and any a caller adds with <see cref="With"/> — the built-ins use that same mechanism. A
/// template names the facts it states as placeholders such as <c>{value}</c>, filled from
/// <see cref="RuleProblem.Arguments"/>, and may use <c>{id}</c> and <c>{path}</c>. The frame
/// <see cref="Describe"/> puts around a message is itself a template, keyed <c>describe</c> (and <c>describe/line</c>
/// when the line is known), with <c>{id}</c>, <c>{path}</c>, <c>{line}</c>, <c>{message}</c> and <c>{code}</c>.
/// </summary>
/// <example><code>
/// var messages = RuleProblemMessages.Default.With(CultureInfo.GetCultureInfo("ja"), "missing/title", "タイトルが必要です。");
/// foreach (var problem in result.Problems) Console.WriteLine(messages.Describe(problem, CultureInfo.CurrentUICulture));
/// </code></example>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleProblemMessages
{
    private readonly MessageTemplates _templates;

    private RuleProblemMessages(MessageTemplates templates) => _templates = templates;

    /// <summary>
    /// The built-in sentences: English for every problem the library reports (under the invariant culture, so every
    /// language without its own falls back to it), and Simplified Chinese (<c>zh-Hans</c>, so
    /// <c>zh-CN</c> and <c>zh-SG</c>) with the same facts.
    /// </summary>
    public static RuleProblemMessages Default { get; } = new(MessageTemplates.Empty
        .With(CultureInfo.InvariantCulture, RuleProblemTemplates.All.Select(t => KeyValuePair.Create(t.Key, t.Value.English)))
        .With(MessageTemplates.Chinese, RuleProblemTemplates.All.Select(t => KeyValuePair.Create(t.Key, t.Value.Chinese))));

    /// <summary>These messages with one more template (or one replaced).</summary>
    /// <param name="culture">The language; it also serves its more specific cultures (<c>zh-Hans</c> serves <c>zh-CN</c>).</param>
    /// <param name="key">The message key, <c>code/detail</c> such as <c>missing/title</c>, or a bare code such as <see cref="RuleProblemCodes.Missing"/> for every sentence of that code.</param>
    /// <param name="template">The sentence, with placeholders such as <c>{value}</c> where the problem's facts go.</param>
    /// <returns>New messages; this instance is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="template"/> is empty.</exception>
    public RuleProblemMessages With(CultureInfo culture, string key, string template)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(template);
        return new RuleProblemMessages(_templates.With(culture, [KeyValuePair.Create(key, template)]));
    }

    /// <summary>The problem's message in a language: the template for its key in the culture or the nearest parent that has one, else the problem's own (English) message.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="culture">The language, usually <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string MessageOf(RuleProblem problem, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(culture);
        var template = _templates.Find(culture, problem.Detail is { } detail ? problem.Code + "/" + detail : null, problem.Code);
        return template is null ? problem.Message : MessageTemplates.Fill(template, name => Argument(problem, name));
    }

    /// <summary>The problem as <c>rule-set-id $.path (line N): message [code]</c> in a language, as <see cref="RuleProblem.ToString"/> gives it in English.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="culture">The language.</param>
    /// <returns>The text; the id, path and code stay as they are, so a reader can find the place and look the code up.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string Describe(RuleProblem problem, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var frame = _templates.Find(culture, problem.Line is null ? null : RuleProblemTemplates.DescribeWithLine, RuleProblemTemplates.Describe)!;
        var message = MessageOf(problem, culture);
        return MessageTemplates.Fill(frame, name => name switch
        {
            "message" => message,
            "code" => problem.Code,
            "line" => problem.Line?.ToString(CultureInfo.InvariantCulture),
            _ => Argument(problem, name),
        });
    }

    private static string? Argument(RuleProblem problem, string name) => name switch
    {
        "id" => problem.RuleSetId,
        "path" => problem.Path,
        _ => problem.Arguments.GetValueOrDefault(name),
    };
}
