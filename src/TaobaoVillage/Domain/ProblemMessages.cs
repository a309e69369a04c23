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

    // English is each problem's own message (RecordProblem.Create fills it from the same table), so it is not added here.

    /// <summary>The built-in translations: Simplified Chinese (<c>zh-Hans</c>, so <c>zh-CN</c> and <c>zh-SG</c>) for every code of <see cref="RecordProblemCodes"/>.</summary>
    public static ProblemMessages Default { get; } = new(MessageTemplates.Empty
        .With(MessageTemplates.Chinese, RecordProblemTemplates.All.Select(t => KeyValuePair.Create(t.Key, t.Value.Chinese))));

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

    /// <summary>The problem's message in a language: the template for its code in the culture or the nearest parent that has one, else (or when the problem lacks an argument the template names) the problem's own message.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="culture">The language, usually <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The sentence.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string MessageOf(RecordProblem problem, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(culture);
        var template = _templates.Find(culture, problem.Detail is { } detail ? problem.Code + "/" + detail : null, problem.Code);
        string? Argument(string name) => name switch
        {
            "field" => problem.Field,
            "value" => problem.Value ?? string.Empty,
            _ => problem.Arguments.GetValueOrDefault(name),
        };

        // A problem made without the facts its template names (the public constructor) keeps its own sentence rather than show a bare placeholder.
        return template is null || MessageTemplates.PlaceholdersOf(template).Any(name => Argument(name) is null) ? problem.Message : MessageTemplates.Fill(template, Argument);
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
}
