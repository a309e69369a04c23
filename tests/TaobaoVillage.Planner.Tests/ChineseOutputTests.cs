using System.Text.RegularExpressions;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>Under <c>--lang zh-CN</c> the terminal speaks Chinese: no English word is left in what a planner reads.</summary>
public partial class ChineseOutputTests
{
    private static string List => TestData.File("taobao-villages-2014-2016.csv");

    private static string Workbook => Path.Combine(AppContext.BaseDirectory, "data", "义乌-电商统计.xlsx");

    // The rule sets' citations are data quoted from their sources (English paraphrases, site names): not the planner's
    // words, and not yet translated; they are taken out before the check.
    private static readonly string[] Citations = [.. BuiltInRuleSets.All.SelectMany(r => r.Criteria.DescendantsAndSelf().Select(c => c.Citation).Append(r.Citation))
        .SelectMany(c => new[] { c?.Source, c?.Quote }).OfType<string>().Distinct().OrderByDescending(t => t.Length)];

    public static TheoryData<string> Commands() =>
    [
        "near-misses", "what-if --min-sales 8000000", "what-if --min-sales 800万", "plan --villages 5", "plan --effort 3",
        "towns --list LIST --year 2016", "towns --list LIST --all", "counties --list LIST --top 5", "counties --list LIST --by province",
        "compare-years --list LIST --from 2015 --to 2016", "compare-years --list LIST --from 2014 --to 2016 --level village",
        "compare-years --list LIST --from 2014 --to 2015 --level province", "score", "score --rules classic", "explain 330782002203 --input WORKBOOK",
        "near-misses --input WORKBOOK", "rules list", "--",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Run_LangZhCn_NoEnglishWordInTheTerminalOutput(string command)
    {
        string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => a != "--").Select(a => a switch { "LIST" => List, "WORKBOOK" => Workbook, _ => a }), "--lang", "zh-CN"];

        var (code, stdout, stderr, console) = PlannerRun.Run(args);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Empty(EnglishWords(console + stdout + stderr));
    }

    // File names, rule-set ids with versions, problem codes, field and criterion names, and the option value auto are
    // names, not English: what is left must be Chinese, figures and codes.
    private static List<string> EnglishWords(string text)
    {
        var flat = Spaces().Replace(Box().Replace(text, " "), " ");
        var words = Citations.Aggregate(flat, (t, citation) => t.Replace(Spaces().Replace(citation, " "), " ", StringComparison.Ordinal));
        var names = Names().Replace(words, " ");
        return [.. Words().Matches(names).Select(m => m.Value).Where(w => w != "auto").Distinct()];
    }

    // Also options with their value (--format csv), data quoted back (“about 12 million”), field names and rule-set ids.
    [GeneratedRegex(@"--[a-z-]+( [a-z0-9]+)?|“[^”]*”|[a-z0-9-]+@[0-9.]+|\b[a-z]+([_-][a-z0-9]+)+\b|\[[a-z-]+\]|[\w./-]*\.(csv|json|jsonl|xlsx|html)\b|\b(village_code|village_name|province|city|county|township|year|committee|households|classic|aliresearch|auto|csv|jsonl|xlsx)\b")]
    private static partial Regex Names();

    // Table borders and line breaks out, so that a citation wrapped in its (last) column is found whole.
    [GeneratedRegex("[│┃┌┐└┘├┤┬┴┼─]")]
    private static partial Regex Box();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex Words();
}
