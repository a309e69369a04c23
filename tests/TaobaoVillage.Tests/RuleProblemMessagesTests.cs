using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// Every problem the rule-set checker reports, with its path, code and exact message: what a rule author reads. The
/// texts are written out here by hand, so a changed message changes a test.
/// </summary>
public partial class RuleProblemMessagesTests
{
    private static string RuleSet(string criteria, string target = "village", string years = "{ \"from\": 2020, \"to\": null }", string extra = "") => $$"""
        { "id": "x", "version": "1", "title": "X", "target": "{{target}}", "effectiveYears": {{years}}{{extra}},
          "criteria": {{criteria}} }
        """;

    private static string Condition(string metric, string comparison, string threshold, string unit, string id = "c") =>
        $$"""{ "id": "{{id}}", "metric": "{{metric}}", "comparison": "{{comparison}}", "threshold": {{threshold}}, "unit": "{{unit}}" }""";

    private static List<string> Problems(string json) => [.. RuleSetJson.Load(json).Problems.Select(Line)];

    private static string Line(RuleProblem p) => $"{p.RuleSetId} {p.Path} {p.Code}: {p.Message}";

    [Fact]
    public void Load_EmptyObject_EveryTopLevelFieldNamed()
    {
        var problems = Problems("{}");

        Assert.Equal(
        [
            "? $.target missing: A rule set needs a target: village or township.",
            "? $.id missing: A rule set needs an id.",
            "? $.version missing: A rule set needs a version.",
            "? $.title missing: A rule set needs a title.",
            "? $.effectiveYears missing: A rule set needs its effective years (from, and to or null).",
            "? $.criteria missing: A rule set needs criteria.",
        ], problems);
    }

    [Theory]
    [InlineData("""{ "id": "Bad Id", "version": "1", "title": "X", "target": "village", "effectiveYears": { "from": 2020 }, "criteria": { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } }""",
        "Bad Id $.id invalid-id: 'Bad Id' is not a valid id: use lower-case letters, digits, '-', '_' and '.', at most 64 characters.")]
    [InlineData("""{ "id": "x", "version": "1", "title": "X", "target": "village", "effectiveYears": { "from": 2020 }, "citation": { "source": " " }, "criteria": { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } }""",
        "x $.citation.source missing: A citation needs a source.")]
    public void Load_TopLevelField_ProblemAndMessage(string json, string expected) =>
        Assert.Equal([expected], Problems(json));

    [Theory]
    [InlineData("{ \"from\": 1899 }", "1899 onward")]
    [InlineData("{ \"from\": 10000 }", "10000 onward")]
    [InlineData("{ \"from\": 2020, \"to\": 2019 }", "2020–2019")]
    [InlineData("{ \"from\": 2020, \"to\": 10000 }", "2020–10000")]
    public void Load_YearsOutOfRange_InvalidYears(string years, string shown) =>
        Assert.Equal([$"x $.effectiveYears invalid-years: {shown} is not a valid range of years."],
            Problems(RuleSet(Condition("households", "atLeast", "1", "households"), years: years)));

    [Theory]
    [InlineData("{ \"from\": 1900 }")]
    [InlineData("{ \"from\": 9999 }")]
    [InlineData("{ \"from\": 2020, \"to\": 2020 }")]
    [InlineData("{ \"from\": 2020, \"to\": 9999 }")]
    public void Load_YearsAtTheirLimits_Accepted(string years) =>
        Assert.Empty(Problems(RuleSet(Condition("households", "atLeast", "1", "households"), years: years)));

    [Theory]
    [InlineData("""{ "allOf": [ { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } ] }""",
        "x $.criteria.id missing: Every criterion needs an id.")]
    [InlineData("""{ "id": "Root", "allOf": [ { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } ] }""",
        "x $.criteria.id invalid-id: 'Root' is not a valid criterion id: use lower-case letters, digits, '-', '_' and '.'.")]
    [InlineData("""{ "id": "r", "allOf": [ { "id": "r", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } ] }""",
        "x $.criteria.allOf[0].id duplicate-id: The criterion id 'r' is already used at $.criteria.")]
    [InlineData("""{ "id": "r", "citation": { "source": "" }, "anyOf": [ { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } ] }""",
        "x $.criteria.citation.source missing: A citation needs a source.")]
    [InlineData("""{ "id": "r", "anyOf": [] }""", "x $.criteria.anyOf empty-group: 'anyOf' needs at least one criterion.")]
    [InlineData("""{ "id": "r", "allOf": [] }""", "x $.criteria.allOf empty-group: 'allOf' needs at least one criterion.")]
    public void Load_BadCriterion_ProblemAndMessage(string criteria, string expected) =>
        Assert.Equal([expected], Problems(RuleSet(criteria)));

    [Fact]
    public void Load_TooDeep_ReportedOnceAtTheFirstLevelTooDeep()
    {
        var criteria = Condition("households", "atLeast", "1", "households", id: "leaf");
        for (var i = 0; i < RuleSetValidator.MaxDepth + 3; i++)
        {
            criteria = $$"""{ "id": "g{{i}}", "allOf": [ {{criteria}} ] }""";
        }

        var problem = Assert.Single(Problems(RuleSet(criteria)));

        Assert.Equal($"x $.criteria{string.Concat(Enumerable.Repeat(".allOf[0]", RuleSetValidator.MaxDepth))} too-deep: Criteria are nested deeper than 32 levels.", problem);
    }

    [Theory]
    [InlineData("village", "taobao_villages", "village")]
    [InlineData("township", "livestream_sales_cny", "township")]
    public void Load_MetricForTheOtherTarget_NamesTheTarget(string target, string metric, string word)
    {
        var unit = metric == "livestream_sales_cny" ? "cny" : "villages";

        Assert.Equal([$"x $.criteria.metric metric-not-for-target: The metric '{metric}' does not apply to {word} rule sets."],
            Problems(RuleSet(Condition(metric, "atLeast", "1", unit), target)));
    }

    [Theory]
    [InlineData("""{ "id": "c", "metric": "main_platform", "comparison": "atLeast", "threshold": 1, "unit": "none" }""",
        "x $.criteria.comparison invalid-comparison: The category metric 'main_platform' takes only 'oneOf'.")]
    [InlineData("""{ "id": "c", "metric": "main_platform", "comparison": "oneOf", "values": [], "unit": "cny" }""",
        "x $.criteria.values missing: 'oneOf' needs at least one value.")]
    [InlineData("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "values": ["village", "town"] }""",
        "x $.criteria.values[1] invalid-value: 'town' is not a value of 'committee'; expected one of village, residents.")]
    [InlineData("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "values": ["village"], "unit": "cny" }""",
        "x $.criteria.unit wrong-unit: The category metric 'committee' has no unit.")]
    [InlineData("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "none" }""",
        "x $.criteria.unit wrong-unit: The metric 'households' is measured in 'households', not 'none'.")]
    [InlineData("""{ "id": "c", "metric": "households", "comparison": "atLeast", "unit": "households" }""",
        "x $.criteria.threshold missing-threshold: A numeric criterion needs a threshold.")]
    [InlineData("""{ "id": "c", "metric": "active_shops", "comparison": "atLeast", "threshold": 1.5, "unit": "shops" }""",
        "x $.criteria.threshold invalid-value: 'active_shops' counts whole shops: the threshold must be a whole number.")]
    [InlineData("""{ "id": "c", "metric": "ecommerce_household_share", "comparison": "atLeast", "threshold": 1.0001, "unit": "share" }""",
        "x $.criteria.threshold invalid-value: A share of households is a fraction of one: at most 1 (0.1 is 10%); 1.0001 would be 100.01%.")]
    [InlineData("""{ "id": "c", "metric": "active_shop_share", "comparison": "atLeast", "threshold": 1000001, "unit": "share" }""",
        "x $.criteria.threshold invalid-value: A share threshold must be at most 1,000,000 (a fraction: 0.1 is 10%).")]
    public void Load_BadCondition_ProblemAndMessage(string criteria, string expected) =>
        Assert.Equal([expected], Problems(RuleSet(criteria)));

    [Theory]
    [InlineData("ecommerce_household_share", "1")]
    [InlineData("active_shop_share", "1000000")]
    public void Load_ShareThresholdAtItsLimit_Accepted(string metric, string threshold) =>
        Assert.Empty(Problems(RuleSet(Condition(metric, "atLeast", threshold, "share"))));

    // What the JSON reader refuses before the checker sees it, a builder can still hand over.
    [Fact]
    public void TryBuild_NumericMetricWithOneOf_InvalidComparison()
    {
        var built = new RuleSetBuilder("x", "1").Titled("X").For(RuleTarget.Village).EffectiveYears(2020)
            .Require("c", Metric.Households, c => c.Compare(Comparison.OneOf, 1, Unit.Households))
            .TryBuild(out _, out var problems);

        Assert.False(built);
        Assert.Equal(["x $.criteria.comparison invalid-comparison: The numeric metric 'households' takes atLeast, greaterThan, atMost, lessThan or equalTo."],
            problems.Select(Line));
    }

    [Fact]
    public void TryBuild_NullPart_InvalidNode()
    {
        var built = new RuleSetBuilder("x", "1").Titled("X").For(RuleTarget.Village).EffectiveYears(2020)
            .AllOf("r", all => all.Add(null!).Require("c", Metric.Households, c => c.AtLeast(1)))
            .TryBuild(out _, out var problems);

        Assert.False(built);
        Assert.Equal(["x $.criteria.allOf[0] invalid-node: A criterion is missing."], problems.Select(Line));
    }

    // The JSON reader's own problems (shape and types), before the checker: path, code and message by hand.
    [Theory]
    [InlineData("""{ "id": "c", "metric": "nope", "comparison": "atLeast", "threshold": 1, "unit": "cny" }""",
        "x $.criteria.metric unknown-metric: Unknown metric 'nope'; expected one of annual_sales_cny, active_shops, households, ecommerce_households, ecommerce_household_share, active_shop_share, main_platform, committee, taobao_villages, township_kind, livestream_sales_cny, or attribute:NAME.")]
    [InlineData("""{ "id": "c", "metric": "households", "comparison": "atleast", "threshold": 1, "unit": "households" }""",
        "x $.criteria.comparison invalid-comparison: Unknown comparison 'atleast'; expected atLeast, greaterThan, atMost, lessThan, equalTo or oneOf.")]
    [InlineData("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "values": ["a"], "unit": "households" }""",
        "x $.criteria.values invalid-value: 'atLeast' takes a threshold, not 'values'.")]
    [InlineData("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "hh" }""",
        "x $.criteria.unit wrong-unit: Unknown unit 'hh'; the metric 'households' is measured in 'households'.")]
    [InlineData("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "threshold": 1, "values": ["village"] }""",
        "x $.criteria.threshold invalid-value: 'oneOf' takes 'values', not a threshold.")]
    [InlineData("""{ "id": "c", "metric": "committee", "comparison": "oneOf" }""",
        "x $.criteria.values missing: 'oneOf' needs 'values', an array of strings.")]
    [InlineData("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "values": "village" }""",
        "x $.criteria.values wrong-type: 'oneOf' needs 'values', an array of strings.")]
    [InlineData("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "values": ["village", 1] }""",
        "x $.criteria.values[1] wrong-type: A value is a string.")]
    [InlineData("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": "1", "unit": "households" }""",
        "x $.criteria.threshold wrong-type: A threshold is a number.")]
    [InlineData("""{ "id": "c", "metric": "annual_sales_cny", "comparison": "atLeast", "threshold": 1e99999, "unit": "cny" }""",
        "x $.criteria.threshold invalid-value: The threshold 1e99999 is beyond the range of a decimal.")]
    [InlineData("""{ "id": "c", "metric": "annual_sales_cny", "comparison": "atLeast", "threshold": 0.00000000000000000000000000001, "unit": "cny" }""",
        "x $.criteria.threshold inexact: The threshold 0.00000000000000000000000000001 has more digits than a decimal holds exactly (at most 28 decimal places); it is not rounded.")]
    [InlineData("""{ "id": "c", "metric": "households", "threshold": 1, "unit": "households", "comparison": "atLeast", "citation": "S" }""",
        "x $.criteria.citation wrong-type: A citation is an object with 'source', 'url' and 'quote'.")]
    [InlineData("""{ "id": "c", "metric": "households", "threshold": 1, "unit": "households", "comparison": "atLeast", "citation": { "url": "u" } }""",
        "x $.criteria.citation.source missing: 'source' is required.")]
    [InlineData("""{ "id": "c", "metric": "households", "threshold": 1, "unit": "households", "comparison": "atLeast", "citation": { "source": 1 } }""",
        "x $.criteria.citation.source wrong-type: 'source' is a string.")]
    [InlineData("""{ "id": "c", "metric": "households", "threshold": 1, "unit": "households", "comparison": "atLeast", "treshold": 1 }""",
        "x $.criteria.treshold unknown-property: Unknown property 'treshold'; expected id, title, titles, citation, metric, comparison, threshold, unit, values.")]
    [InlineData("""{ "id": "g", "allOf": [ { "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" } ], "all": 1 }""",
        "x $.criteria.all unknown-property: Unknown property 'all'; expected id, title, titles, citation, allOf, anyOf.")]
    [InlineData("""{ "id": "g", "allOf": { } }""", "x $.criteria.allOf wrong-type: 'allOf' is an array of criteria.")]
    [InlineData("""{ "id": "g" }""", "x $.criteria invalid-node: A criterion has exactly one of 'allOf', 'anyOf' or 'metric'.")]
    [InlineData("""[ 1 ]""", "x $.criteria wrong-type: A criterion is a JSON object.")]
    public void Load_BadShape_ProblemAndMessage(string criteria, string expected) =>
        Assert.Equal([expected], Problems(RuleSet(criteria)));

    [Theory]
    [InlineData("\"2020\"", "x $.effectiveYears wrong-type: 'effectiveYears' is an object with 'from' and 'to'.")]
    [InlineData("{ \"to\": 2020 }", "x $.effectiveYears.from missing: 'from' is required.")]
    [InlineData("{ \"from\": \"2020\" }", "x $.effectiveYears.from wrong-type: 'from' is a year such as 2014.")]
    [InlineData("{ \"from\": 2020, \"til\": 2021 }", "x $.effectiveYears.til unknown-property: Unknown property 'til'; expected from, to.")]
    public void Load_BadYears_ProblemAndMessage(string years, string expected) =>
        Assert.Equal([expected], Problems(RuleSet(Condition("households", "atLeast", "1", "households"), years: years)));

    [Fact]
    public void Load_UnknownTarget_Named() =>
        Assert.Equal(["x $.target invalid-value: Unknown target 'town'; expected 'village' or 'township'."],
            Problems(RuleSet(Condition("households", "atLeast", "1", "households"), target: "town")));

    [Fact]
    public void Load_UnknownTopLevelProperty_ListsTheKnownOnes() =>
        Assert.Equal(["x $.titel unknown-property: Unknown property 'titel'; expected $schema, id, version, title, titles, description, target, effectiveYears, citation, criteria."],
            Problems(RuleSet(Condition("households", "atLeast", "1", "households"), extra: ", \"titel\": \"T\"")));

    [Fact]
    public void Load_ContentAfterTheRuleSet_Malformed() =>
        Assert.StartsWith("? $ malformed-json: Additional text encountered after finished reading JSON content",
            Assert.Single(Problems(RuleSet(Condition("households", "atLeast", "1", "households")) + " {}")), StringComparison.Ordinal);

    // An unknown unit on a category metric is one mistake told twice: the reader cannot read it, and no unit is
    // allowed there. Both are true; the second tells the author what to write instead.
    [Fact]
    public void Load_UnknownUnitOnACategory_UnreadableAndNotAllowed() =>
        Assert.Equal(["x $.criteria.unit wrong-unit: Unknown unit 'hh'.", "x $.criteria.unit wrong-unit: The category metric 'committee' has no unit."],
            Problems(RuleSet("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "values": ["village"], "unit": "hh" }""")));

    [Fact]
    public void Load_NotAnObject_WrongType() => Assert.Equal(["? $ wrong-type: A rule set is a JSON object."], Problems("[]"));

    [Fact]
    public void Load_OverTheLengthLimit_SaysBoth() =>
        Assert.Equal(["? $ malformed-json: The rule file is 12 characters long; the limit is 10."],
            RuleSetJson.Load("{          }", new RuleSetJsonOptions { MaxLength = 10 }).Problems.Select(Line));

    private static string WithLine(RuleProblem p) => $"{p.RuleSetId} {p.Path} {p.Code} L{p.Line}: {p.Message}";

    public static TheoryData<string, string> ReaderProblems => new()
    {
        { RuleSet(Condition("households", "around", "1", "households")),
            "x $.criteria.comparison invalid-comparison L2: Unknown comparison 'around'; expected atLeast, greaterThan, atMost, lessThan, equalTo or oneOf." },
        { RuleSet("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1, "values": ["a"], "unit": "households" }"""),
            "x $.criteria.values invalid-value L2: 'atLeast' takes a threshold, not 'values'." },
        { RuleSet(Condition("households", "atLeast", "1", "acres")),
            "x $.criteria.unit wrong-unit L2: Unknown unit 'acres'; the metric 'households' is measured in 'households'." },
        { RuleSet("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "threshold": 1, "values": ["village"] }"""),
            "x $.criteria.threshold invalid-value L2: 'oneOf' takes 'values', not a threshold." },
        { RuleSet("""{ "id": "c", "metric": "committee", "comparison": "oneOf" }"""),
            "x $.criteria.values missing L2: 'oneOf' needs 'values', an array of strings." },
        { RuleSet("""{ "id": "c", "metric": "committee", "comparison": "oneOf", "values": "village" }"""),
            "x $.criteria.values wrong-type L2: 'oneOf' needs 'values', an array of strings." },
        { RuleSet(Condition("households", "atLeast", "NaN", "households")),
            "x $.criteria.threshold malformed-json L2: NaN and Infinity are not JSON numbers." },
        { RuleSet(Condition("households", "atLeast", "1", "households"), target: "city"),
            "x $.target invalid-value L1: Unknown target 'city'; expected 'village' or 'township'." },
        { RuleSet("""{ "id": "c", "citation": { "source": "s", "url": "u", "quote": "q", "page": 3 }, "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" }"""),
            "x $.criteria.citation.page unknown-property L2: Unknown property 'page'; expected source, sources, url, quote, quotes." },
        { RuleSet("""{ "id": "c", "citation": { "source": "s", "url": 5 }, "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" }"""),
            "x $.criteria.citation.url wrong-type L2: 'url' is a string." },
        // A property name is quoted whole up to 64 characters, past that cut to 61 and "...".
        { RuleSet(Condition("households", "atLeast", "1", "households"), extra: $", \"{new string('q', 64)}\": 1"),
            $"x $.{new string('q', 64)} unknown-property L1: Unknown property '{new string('q', 64)}'; expected $schema, id, version, title, titles, description, target, effectiveYears, citation, criteria." },
        { RuleSet(Condition("households", "atLeast", "1", "households"), extra: $", \"{new string('p', 65)}\": 1"),
            $"x $.{new string('p', 61)}... unknown-property L1: Unknown property '{new string('p', 61)}...'; expected $schema, id, version, title, titles, description, target, effectiveYears, citation, criteria." },
        { RuleSet(Condition("households", "atLeast", "1", "households"), years: "{ \"from\": 3000000000 }"),
            "x $.effectiveYears.from wrong-type L1: 'from' is a year such as 2014." },
        { RuleSet("""{ "id": "c", "comparison": "atLeast", "threshold": 1, "unit": "households" }"""),
            "x $.criteria invalid-node L2: A criterion has exactly one of 'allOf', 'anyOf' or 'metric'." },
        { RuleSet("""{ "id": "c", "metric": "households", "comparison": "atLeast", "threshold": 1 }"""),
            "x $.criteria.unit missing L2: 'unit' is required." },
        { RuleSet("""{ "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" }"""),
            "x $.criteria.id missing L2: Every criterion needs an id." },
        // Malformed JSON: Newtonsoft's first sentence, without its ". Path …" tail; the line found from the path.
        { "{ \"id\": \"x\", \"version\": \"1\",\n \"title\": \"X\" \"target\": \"village\" }",
            "? $.title malformed-json L2: After parsing a value an unexpected character was encountered: \"." },
        { RuleSet($$"""{ "id": "r", "allOf": [ { "id": "a", "anyOf": [ {{Condition("households", "atLeast", "1", "cny")}} ] } ] }"""),
            "x $.criteria.allOf[0].anyOf[0].unit wrong-unit L2: The metric 'households' is measured in 'households', not 'cny'." },
        { RuleSet($$"""{ "id": "r", "allOf": [ {{Condition("households", "atLeast", "1", "households")}},{{"\n"}}  {{Condition("active_shops", "atLeast", "x", "shops", id: "d")}} ] }"""),
            "? $.criteria.allOf[1].threshold malformed-json L3: Unexpected character encountered while parsing value: x." },
    };

    [Theory]
    [MemberData(nameof(ReaderProblems))]
    public void Load_ReaderProblem_ExactPathCodeLineAndMessage(string json, string expected) =>
        Assert.Equal([expected], RuleSetJson.Load(json).Problems.Select(WithLine));

    [Fact]
    public void Load_ConditionWithTitleAndCitation_BothKept()
    {
        var rules = RuleSetJson.Parse(RuleSet("""{ "id": "c", "title": "T", "citation": { "source": "s", "url": "u", "quote": "q" }, "metric": "households", "comparison": "atLeast", "threshold": 1, "unit": "households" }"""));

        var condition = Assert.IsType<Condition>(rules.Criteria);
        Assert.Equal(("T", new Citation("s", "u", "q")), (condition.Title, condition.Citation));
    }


    // Regression: an id, version or title present but not a string was reported twice, as wrong-type and as missing.
    [Fact]
    public void Load_IdVersionTitleOfWrongType_EachReportedOnceAsWhatItIs() =>
        Assert.Equal(
        [
            "? $.id wrong-type L1: 'id' is a string.",
            "? $.version wrong-type L1: 'version' is a string.",
            "? $.title wrong-type L1: 'title' is a string.",
            "? $.description wrong-type L1: 'description' is a string.",
        ], RuleSetJson.Load(RuleSet(Condition("households", "atLeast", "1", "households")).Replace("\"id\": \"x\", \"version\": \"1\", \"title\": \"X\"", "\"id\": 5, \"version\": 1, \"title\": true, \"description\": 2", StringComparison.Ordinal)).Problems.Select(WithLine));

    [Fact]
    public void Load_CitationNotAnObject_WrongType() =>
        Assert.Equal(["x $.citation wrong-type L1: A citation is an object with 'source', 'url' and 'quote'."],
            RuleSetJson.Load(RuleSet(Condition("households", "atLeast", "1", "households"), extra: ", \"citation\": \"s\"")).Problems.Select(WithLine));

    [Fact]
    public void Load_ProblemsOnSeveralLines_InDocumentOrderUnlocatedLast() =>
        Assert.Equal(
        [
            "x $.criteria.unit wrong-unit L4: The metric 'households' is measured in 'households', not 'cny'.",
            "x $.version missing L: A rule set needs a version.",
        ], RuleSetJson.Load("{ \"id\": \"x\", \"title\": \"X\", \"target\": \"village\",\n \"effectiveYears\": { \"from\": 2020 },\n \"criteria\": { \"id\": \"c\", \"metric\": \"households\",\n \"comparison\": \"atLeast\", \"threshold\": 1, \"unit\": \"cny\" } }").Problems.Select(WithLine));

    [Fact]
    public void Load_LengthLimit_AtItAcceptedPastItRefused()
    {
        var json = RuleSet(Condition("households", "atLeast", "1", "households"));

        Assert.True(RuleSetJson.Load(json, new RuleSetJsonOptions { MaxLength = json.Length }).RuleSet is not null);
        Assert.Equal([$"? $ malformed-json L: The rule file is {json.Length:N0} characters long; the limit is {json.Length - 1:N0}."],
            RuleSetJson.Load(json, new RuleSetJsonOptions { MaxLength = json.Length - 1 }).Problems.Select(WithLine));
    }

    [Fact]
    public void Load_DeeperThanTheJsonLimit_TooDeepAtItsPath() =>
        Assert.Equal(["? $.criteria.allOf[0].anyOf too-deep L2: The rule file is nested deeper than 4 JSON levels: criteria may nest 32 deep."],
            RuleSetJson.Load(RuleSet($$"""{ "id": "r", "allOf": [ { "id": "a", "anyOf": [ {{Condition("households", "atLeast", "1", "households")}} ] } ] }"""),
                new RuleSetJsonOptions { MaxJsonDepth = 4 }).Problems.Select(WithLine));

    [Fact]
    public void Load_ThresholdPastDecimal_QuotedShortened() =>
        Assert.Equal(["x $.criteria.threshold invalid-value L2: The threshold 10000000000000000000…0000000000 is beyond the range of a decimal."],
            RuleSetJson.Load(RuleSet(Condition("households", "atLeast", "1" + new string('0', 50), "households"))).Problems.Select(WithLine));

    [Fact]
    public void Load_InexactThresholdOnALaterLineWithCrLf_QuotedFromItsOwnLine() =>
        Assert.Equal(["x $.criteria.threshold inexact L3: The threshold 0.12345678901234567890123456789012 has more digits than a decimal holds exactly (at most 28 decimal places); it is not rounded."],
            RuleSetJson.Load(RuleSet(Condition("annual_sales_cny", "atLeast", "\r\n 0.12345678901234567890123456789012", "cny")).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r\n", "\r\n", StringComparison.Ordinal)).Problems.Select(WithLine));

}
