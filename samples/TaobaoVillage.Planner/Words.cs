using System.Globalization;
using System.Resources;
using TaobaoVillage.Batch;

namespace TaobaoVillage.Planner;

/// <summary>
/// The words the planner shows people, from resource files (Resources/Strings*.resx) in the run's language:
/// <c>--lang zh-CN</c> or a Chinese system culture speaks Simplified Chinese. Machine formats never use these.
/// </summary>
public static class Words
{
    private static readonly ResourceManager Resources = new("TaobaoVillage.Planner.Resources.Strings", typeof(Words).Assembly);

    /// <summary>A verdict for people: eligible / 符合, not eligible / 不符合, indeterminate / 待定, invalid / 无效.</summary>
    /// <param name="status">The verdict.</param>
    /// <returns>The word in the current UI language.</returns>
    public static string Verdict(RowStatus status) => Get(status switch
    {
        RowStatus.Eligible => "VerdictEligible",
        RowStatus.NotEligible => "VerdictNotEligible",
        RowStatus.Indeterminate => "VerdictIndeterminate",
        _ => "VerdictInvalid",
    });

    /// <summary>A word or label by its resource name, in the current UI language.</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The text.</returns>
    public static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;

    /// <summary>A label with values filled in (invariant numbers).</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The text.</returns>
    public static string Format(string name, params object[] values) => string.Format(CultureInfo.InvariantCulture, Get(name), values);

    /// <summary>
    /// The language of a run: <c>--lang</c> when given (<c>en</c>, <c>zh-CN</c>), else Chinese when the system's UI
    /// culture is Chinese, else English.
    /// </summary>
    /// <param name="lang">The option's value, or null.</param>
    /// <returns>The culture to speak.</returns>
    /// <exception cref="PlannerException">The language is neither English nor Chinese.</exception>
    public static CultureInfo Language(string? lang) => lang?.ToLowerInvariant() switch
    {
        null => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? CultureInfo.GetCultureInfo("zh-CN") : CultureInfo.InvariantCulture,
        "en" or "en-us" or "en-gb" => CultureInfo.InvariantCulture,
        "zh" or "zh-cn" or "zh-hans" => CultureInfo.GetCultureInfo("zh-CN"),
        _ => throw new PlannerException($"--lang {lang}: the planner speaks en or zh-CN.", PlannerApp.Usage),
    };
}
