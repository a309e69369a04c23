using TaobaoVillage.Json;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// Every problem the rule-set checker reports, with its path, code and exact message: what a rule author reads. The
/// texts are written out here by hand, so a changed message changes a test.
/// </summary>
public class RuleProblemMessagesTests
{
    private static string RuleSet(string criteria, string target = "village", string years = "{ \"from\": 2020, \"to\": null }", string extra = "") => $$"""
        { "id": "x", "version": "1", "title": "X", "target": "{{target}}", "effectiveYears": {{years}}{{extra}},
          "criteria": {{criteria}} }
        """;

    private static string Condition(string metric, string comparison, string threshold, string unit, string id = "c") =>
        $$"""{ "id": "{{id}}", "metric": "{{metric}}", "comparison": "{{comparison}}", "threshold": {{threshold}}, "unit": "{{unit}}" }""";

    private static List<string> Problems(string json) =>
        [.. RuleSetJson.Load(json).Problems.Select(p => $"{p.RuleSetId} {p.Path} {p.Code}: {p.Message}")];

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
            problems.Select(p => $"{p.RuleSetId} {p.Path} {p.Code}: {p.Message}"));
    }

    [Fact]
    public void TryBuild_NullPart_InvalidNode()
    {
        var built = new RuleSetBuilder("x", "1").Titled("X").For(RuleTarget.Village).EffectiveYears(2020)
            .AllOf("r", all => all.Add(null!).Require("c", Metric.Households, c => c.AtLeast(1)))
            .TryBuild(out _, out var problems);

        Assert.False(built);
        Assert.Equal(["x $.criteria.allOf[0] invalid-node: A criterion is missing."], problems.Select(p => $"{p.RuleSetId} {p.Path} {p.Code}: {p.Message}"));
    }
}
