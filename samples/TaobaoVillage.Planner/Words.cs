using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Resources;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Planner;

/// <summary>
/// The words the planner shows people, from resource files (Resources/Strings*.resx) in the run's language:
/// <c>--lang zh-CN</c> or a Chinese system culture speaks Simplified Chinese. Machine formats never use these.
/// </summary>
public static class Words
{
    private static readonly ConditionalWeakTable<Symbol, StrongBox<string?>> English = [];

    private static readonly AsyncLocal<MoneyUnit?> RunMoney = new();

    private static readonly ResourceManager Resources = new("TaobaoVillage.Planner.Resources.Strings", typeof(Words).Assembly);

    /// <summary>A verdict for people: eligible / 符合, not eligible / 不符合, indeterminate / 待定, invalid / 无效.</summary>
    /// <param name="status">The verdict.</param>
    /// <returns>The word in the current UI language.</returns>
    public static string Verdict(Eligibility status) => Get(status switch
    {
        Eligibility.Eligible => "VerdictEligible",
        Eligibility.NotEligible => "VerdictNotEligible",
        Eligibility.Indeterminate => "VerdictIndeterminate",
        _ => "VerdictInvalid",
    });

    /// <summary>The run's counts in the current UI language (English as <see cref="BatchCounts.ToString"/> gives them).</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>The line.</returns>
    public static string Counts(BatchCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var line = Format("read {0}, scored {1} (eligible {2}, not eligible {3}, indeterminate {4}), rejected {5}", counts.Read, counts.Scored, counts.Eligible, counts.NotEligible, counts.Indeterminate, counts.Rejected);
        return counts.Unscored > 0 ? line + Format(", not scored {0} (the run stopped early)", counts.Unscored) : line;
    }

    /// <summary>A way to pass in the current UI language (the library's own Chinese or English).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The advice.</returns>
    public static string Path(PathToPass path) => path.Describe(CultureInfo.CurrentUICulture, Money);

    /// <summary>A shortfall in the current UI language and the run's unit of money.</summary>
    /// <param name="shortfall">The shortfall.</param>
    /// <returns>The advice.</returns>
    public static string Shortfall(Shortfall shortfall) => shortfall.Describe(CultureInfo.CurrentUICulture, Money);

    /// <summary>
    /// The unit of money advice speaks in for this run: that of the input's sales column (万元 for 年销售额（万元）), else
    /// yuan. Set when the input is opened; like the language, it flows with the run.
    /// </summary>
    public static MoneyUnit Money
    {
        get => RunMoney.Value ?? MoneyUnit.CnYuan;
        set => RunMoney.Value = value;
    }

    /// <summary>A rejected row's problem as <c>field: message [code]</c> in the current UI language.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The text.</returns>
    public static string Problem(RecordProblem problem) => ProblemMessages.Default.Describe(problem, CultureInfo.CurrentUICulture);

    /// <summary>A problem's message and code, <c>message [code]</c>, in the current UI language.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The text.</returns>
    public static string Reason(RecordProblem problem) => ProblemMessages.Default.ReasonOf(problem, CultureInfo.CurrentUICulture);

    /// <summary>A record problem's message alone in the current UI language.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The sentence.</returns>
    public static string Message(RecordProblem problem) => ProblemMessages.Default.MessageOf(problem, CultureInfo.CurrentUICulture);

    /// <summary>A rule-file problem's message in the current UI language.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The sentence.</returns>
    public static string Message(RuleProblem problem) => RuleProblemMessages.Default.MessageOf(problem, CultureInfo.CurrentUICulture);

    /// <summary>A rule-file problem as <c>id $.path (line N): message [code]</c> in the current UI language.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The text.</returns>
    public static string Problem(RuleProblem problem) => RuleProblemMessages.Default.Describe(problem, CultureInfo.CurrentUICulture);

    /// <summary>
    /// Puts the help of every command, option and argument under <paramref name="root"/> in the current UI language:
    /// the resource named by the English text written with the command (one translation for a text several commands
    /// share), else that English.
    /// </summary>
    /// <param name="root">The root command.</param>
    public static void Translate(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var (_, symbol) in HelpKeys(root))
        {
            // Options shared by every command are one object: keep their English to come back to.
            var english = English.GetValue(symbol, s => new StrongBox<string?>(s.Description)).Value;
            symbol.Description = english is null ? null : Resources.GetString(english, CultureInfo.CurrentUICulture) ?? english;
        }
    }

    /// <summary>Every help text under a command, by its resource name: <c>help score</c>, <c>help score --input</c>, <c>help explain village</c>.</summary>
    /// <param name="root">The root command.</param>
    /// <returns>The resource names and what they describe.</returns>
    public static IEnumerable<(string Key, Symbol Symbol)> HelpKeys(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Walk(root, "help");

        static IEnumerable<(string, Symbol)> Walk(Command command, string path)
        {
            yield return (path, command);
            foreach (var option in command.Options.Where(o => !o.Hidden && !string.IsNullOrEmpty(o.Description)))
            {
                yield return ($"{path} {option.Name}", option);
            }

            foreach (var argument in command.Arguments)
            {
                yield return ($"{path} {argument.Name}", argument);
            }

            foreach (var sub in command.Subcommands)
            {
                foreach (var item in Walk(sub, $"{path} {sub.Name}"))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>A rule set's title in the current UI language (its own translation, else its title).</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The title.</returns>
    public static string Title(TaobaoVillage.Rules.RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.TitleIn(CultureInfo.CurrentUICulture);
    }

    /// <summary>A rule set's years for people: <c>2014–2019</c>, <c>2020 onward</c> / <c>2020 年起</c>.</summary>
    /// <param name="years">The years.</param>
    /// <returns>The text.</returns>
    public static string Years(TaobaoVillage.Rules.YearRange years) =>
        years.To is null ? Format("{0} onward", years.From) : years.ToString();

    /// <summary>A word or label by its resource name, in the current UI language.</summary>
    /// <param name="name">The resource name.</param>
    /// <returns>The text.</returns>
    public static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;

    /// <summary>A label with values filled in (invariant numbers).</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="values">The values.</param>
    /// <returns>The text.</returns>
    public static string Format(string name, params object[] values) => string.Format(CultureInfo.InvariantCulture, Get(name), values);

    /// <summary>Items as one list in the current UI language: <c>; </c> between them in English, <c>；</c> in Chinese.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    public static string List(IEnumerable<string> items) => string.Join(Get("; "), items);

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
