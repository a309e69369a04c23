using System.Globalization;
using System.Text;
using TaobaoVillage.Domain;
using TaobaoVillage.Json;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// Rule-file problems in other languages: every sentence the library writes has a key, English and Chinese templates
/// with the same placeholders, and the Chinese states the same facts; callers add languages the same way.
/// </summary>
public partial class RuleProblemMessagesTests
{
    private static readonly CultureInfo ZhCn = CultureInfo.GetCultureInfo("zh-CN");

    private static string Criteria(string criterion) => RuleSet($$"""{ "id": "root", "allOf": [ {{criterion}} ] }""");

    /// <summary>Rule files, each wrong in one or more ways; together they reach every sentence but the builder's own.</summary>
    public static readonly string[] BadFiles =
    [
        "{}", "[]", "{ \"id\": x }", "{ \"id\": \"x\",", "{ \"id\": \"x\" } /* after */",
        "{ \"id\": \"Bad Id\", \"version\": \"no version!\", \"title\": 5, \"target\": \"city\", \"effectiveYears\": 5, \"criteria\": 5 }",
        RuleSet(Condition("households", "atLeast", "1", "households"), years: "{ \"to\": \"x\" }"),
        RuleSet(Condition("households", "atLeast", "1", "households"), years: "{ \"from\": 1899 }"),
        RuleSet(Condition("households", "atLeast", "1", "households"), years: "{ \"from\": 2020, \"to\": 2019 }"),
        RuleSet(Condition("households", "atLeast", "1", "households"), extra: ", \"citation\": 5, \"titles\": 5, \"foo\": 1"),
        RuleSet(Condition("households", "atLeast", "1", "households"), extra: ", \"citation\": { \"source\": \" \" }, \"titles\": { \"not a tag!\": \"x\", \"zh-Hans\": \"\" }"),
        RuleSet(Condition("households", "atLeast", "1", "households"), extra: ", \"citation\": { \"url\": \"u\" }"),
        RuleSet("""{ "id": "c" }"""),
        RuleSet("""{ "id": "root", "allOf": 5 }"""),
        RuleSet("""{ "id": "root", "allOf": [] }"""),
        Criteria("5"),
        Criteria("""{ "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" }"""),
        Criteria(Condition("households", "atLeast", "1", "households", id: "Bad") + ", " + Condition("households", "atLeast", "1", "households", id: "root")),
        Criteria(Condition("nope", "atLeast", "1", "households") + ", " + Condition("taobao_villages", "atLeast", "1", "villages", id: "d")),
        Criteria(Condition("households", "bigger", "1", "households") + ", " + Condition("households", "atLeast", "1", "parsecs", id: "d")),
        Criteria(Condition("households", "atLeast", "1", "cny") + ", " + Condition("households", "atLeast", "\"x\"", "households", id: "d")),
        Criteria(Condition("households", "atLeast", "0.00000000000000000000000000001", "households") + ", " + Condition("households", "atLeast", "1e30", "households", id: "d")),
        Criteria(Condition("households", "atLeast", "-1.5", "households") + ", " + Condition("households", "atLeast", "1e19", "households", id: "d")),
        Criteria(Condition("ecommerce_household_share", "atLeast", "2", "share") + ", " + Condition("active_shop_share", "atLeast", "2000000", "share", id: "d")),
        Criteria(Condition("households", "atLeast", "NaN", "households")),
        Criteria("""{ "id": "c", "metric": "households", "comparison": "atLeast", "unit": "households" }"""),
        Criteria("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households", "values": ["a"] }"""),
        Criteria("""{ "id": "c", "metric": "main_platform", "comparison": "oneOf", "threshold": 1, "values": 5 }, { "id": "d", "metric": "main_platform", "comparison": "oneOf" }"""),
        Criteria("""{ "id": "c", "metric": "main_platform", "comparison": "oneOf", "values": [5] }, { "id": "d", "metric": "main_platform", "comparison": "oneOf", "values": [] }"""),
        Criteria("""{ "id": "c", "metric": "main_platform", "comparison": "oneOf", "values": ["nope"], "unit": "parsecs" }, { "id": "d", "metric": "main_platform", "comparison": "oneOf", "values": ["taobao"], "unit": "households" }"""),
        Criteria("""{ "id": "c", "metric": "main_platform", "comparison": "atLeast", "threshold": 1, "unit": "households" }, { "id": "d", "metric": "households", "comparison": "oneOf", "values": ["a"], "unit": "households" }"""),
        RuleSet(string.Concat(Enumerable.Repeat("{ \"id\": \"g\", \"allOf\": [", 33)) + Condition("households", "atLeast", "1", "households") + string.Concat(Enumerable.Repeat("] }", 33))),
        "{ \"id\": " + new string('[', 200) + new string(']', 200) + " }",
    ];

    /// <summary>The sentences only the fluent builder can reach (JSON reports these cases by their own sentences).</summary>
    private static readonly string[] BuilderOnly = ["missing/metric", "invalid-node/missing"];

    private static IEnumerable<RuleProblem> AllProblems() => BadFiles.SelectMany(json => RuleSetJson.Load(json).Problems)
        .Concat(RuleSetJson.Load("{}", new RuleSetJsonOptions { MaxLength = 1 }).Problems)
        .Concat(RuleSetJson.Load(new MemoryStream(Encoding.UTF8.GetBytes("{    }")), new RuleSetJsonOptions { MaxLength = 2 }).Problems);

    [Fact]
    public void Templates_EveryKey_SamePlaceholdersInEnglishAndChinese()
    {
        foreach (var (key, (english, chinese)) in RuleProblemTemplates.All)
        {
            Assert.True(
                MessageTemplates.PlaceholdersOf(english).Order(StringComparer.Ordinal).SequenceEqual(MessageTemplates.PlaceholdersOf(chinese).Order(StringComparer.Ordinal)),
                $"{key}: '{english}' and '{chinese}' name different facts");
        }
    }

    [Fact]
    public void Load_BadFiles_ReachEverySentence()
    {
        var reached = AllProblems().Select(p => p.Code + "/" + p.Detail).ToHashSet(StringComparer.Ordinal);

        var keys = RuleProblemTemplates.All.Keys.Where(k => k.Contains('/', StringComparison.Ordinal) && !k.StartsWith("describe", StringComparison.Ordinal));
        var unreached = keys.Except(BuilderOnly).Where(k => !reached.Contains(k)).ToList();
        Assert.True(unreached.Count == 0, "Not reached: " + string.Join(", ", unreached));
    }

    [Fact]
    public void MessageOf_English_IsTheProblemsOwnMessage()
    {
        foreach (var problem in AllProblems())
        {
            Assert.Equal(problem.Message, RuleProblemMessages.Default.MessageOf(problem, CultureInfo.GetCultureInfo("en-GB")));
            Assert.Equal(problem.Message, RuleProblemMessages.Default.MessageOf(problem, CultureInfo.GetCultureInfo("de-DE")));
        }
    }

    [Fact]
    public void MessageOf_Chinese_StatesEveryFactAndNoEnglishSentence()
    {
        foreach (var problem in AllProblems().Where(p => p.Detail != "syntax"))
        {
            var chinese = RuleProblemMessages.Default.MessageOf(problem, ZhCn);

            Assert.All(problem.Arguments.Values, fact => Assert.Contains(fact, chinese, StringComparison.Ordinal));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
            Assert.DoesNotMatch(@"\b(?:is|the|a|needs|not|must)\b", StripQuoted(chinese, problem));
        }
    }

    [Fact]
    public void MessageOf_SyntaxError_ChineseFrameAroundTheReadersReason()
    {
        var problem = RuleSetJson.Load("{ \"id\": x }").Problems.Single();

        Assert.Equal("JSON 格式有误：" + problem.Message, RuleProblemMessages.Default.MessageOf(problem, ZhCn));
    }

    [Fact]
    public void Describe_ChineseWithLine_FrameInChineseIdPathAndCodeKept()
    {
        var problem = RuleSetJson.Load(Criteria(Condition("households", "atLeast", "-1", "households"))).Problems.Single();

        Assert.Equal($"x $.criteria.allOf[0].threshold（第 {problem.Line} 行）：阈值不能为负数。 [invalid-value]", RuleProblemMessages.Default.Describe(problem, ZhCn));
        Assert.Equal(problem.ToString(), RuleProblemMessages.Default.Describe(problem, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void With_CallersLanguage_UsedForItAndItsRegionsOthersUnchanged()
    {
        var problem = RuleSetJson.Load(Criteria(Condition("households", "atLeast", "-1", "households"))).Problems.Single();
        var messages = RuleProblemMessages.Default.With(CultureInfo.GetCultureInfo("ja"), "invalid-value/negative", "{path} は負の値です");

        Assert.Equal("$.criteria.allOf[0].threshold は負の値です", messages.MessageOf(problem, CultureInfo.GetCultureInfo("ja-JP")));
        Assert.Equal("阈值不能为负数。", messages.MessageOf(problem, ZhCn));
        Assert.Equal(problem.Message, RuleProblemMessages.Default.MessageOf(problem, CultureInfo.GetCultureInfo("ja-JP")));
    }

    [Fact]
    public void With_BareCode_ServesEverySentenceOfThatCode()
    {
        var messages = RuleProblemMessages.Default.With(CultureInfo.GetCultureInfo("fr"), RuleProblemCodes.Missing, "manquant : {name}");
        var problem = RuleSetJson.Load(RuleSet(Condition("households", "atLeast", "1", "households"), years: "{ }")).Problems.Single();

        Assert.Equal("manquant : from", messages.MessageOf(problem, CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void MessageOf_HandMadeProblem_OwnMessageInEveryLanguage()
    {
        var problem = new RuleProblem("x", "$.id", RuleProblemCodes.Missing, "Mine.");

        Assert.Equal("Mine.", RuleProblemMessages.Default.MessageOf(problem, ZhCn));
    }

    [Fact]
    public void Equals_SameArgumentsInOtherInstances_Equal()
    {
        var json = Criteria(Condition("households", "atLeast", "-1", "households"));

        Assert.Equal(RuleSetJson.Load(json).Problems.Single(), RuleSetJson.Load(json).Problems.Single());
        Assert.NotEqual(RuleSetJson.Load(json).Problems.Single(), RuleSetJson.Load(json).Problems.Single() with { Arguments = new Dictionary<string, string> { ["x"] = "1" } });
    }

    [Fact]
    public void Builder_MissingChild_ChineseSentence()
    {
        new RuleSetBuilder("checks", "1").Titled("checks").For(RuleTarget.Village).EffectiveYears(2020)
            .Criteria(new CriterionGroup("root", GroupKind.AllOf, [null!])).TryBuild(out _, out var problems);

        Assert.Equal("缺少一个条件。", RuleProblemMessages.Default.MessageOf(problems.Single(), ZhCn));
    }

    /// <summary>The Chinese text without the facts quoted into it (metric names, property names, English words of a value).</summary>
    private static string StripQuoted(string text, RuleProblem problem) =>
        problem.Arguments.Values.Aggregate(text, (t, fact) => t.Replace(fact, string.Empty, StringComparison.Ordinal));
}
