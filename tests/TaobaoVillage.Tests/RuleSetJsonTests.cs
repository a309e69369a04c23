using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class RuleSetJsonTests
{
    private const string Valid = """
        {
          "id": "province-x",
          "version": "2025.1",
          "title": "Province X e-commerce village",
          "target": "village",
          "effectiveYears": { "from": 2025, "to": null },
          "criteria": {
            "id": "root",
            "allOf": [
              { "id": "sales", "metric": "annual_sales_cny", "comparison": "atLeast", "threshold": 8000000, "unit": "cny" },
              { "id": "shops", "metric": "active_shops", "comparison": "greaterThan", "threshold": 50, "unit": "shops" }
            ]
          }
        }
        """;

    [Fact]
    public void Load_DuplicateIdBesideOtherProblems_DuplicateStillReported()
    {
        var json = Valid.Replace("\"id\": \"shops\", \"metric\": \"active_shops\"", "\"id\": \"sales\", \"metric\": \"no_such_metric\"", StringComparison.Ordinal);

        var codes = RuleSetJson.Load(json).Problems.Select(p => p.Code).ToList();

        Assert.Contains(RuleProblemCodes.UnknownMetric, codes);
        Assert.Contains(RuleProblemCodes.DuplicateId, codes);
    }

    [Fact]
    public void Load_FileCutShort_SaysSoWithTheLastLine()
    {
        var cut = Valid[..Valid.IndexOf("\"shops\"", StringComparison.Ordinal)];

        var problem = Assert.Single(RuleSetJson.Load(cut).Problems);

        Assert.Equal(RuleProblemCodes.MalformedJson, problem.Code);
        Assert.Contains("cut short", problem.Message, StringComparison.Ordinal);
        Assert.Equal(cut.TrimEnd().Split('\n').Length, problem.Line);
    }

    [Fact]
    public void Load_ValidText_BuildsRuleSet()
    {
        var result = RuleSetJson.Load(Valid);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal("province-x", result.RuleSet!.Id.Value);
        Assert.Equal(new YearRange(2025), result.RuleSet.EffectiveYears);
        var sales = Assert.IsType<Condition>(result.RuleSet.FindCriterion("sales"));
        Assert.Equal(8_000_000m, sales.Threshold);
        Assert.Equal(Comparison.AtLeast, sales.Comparison);
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryOneWithItsPath()
    {
        const string json = """
            {
              "id": "broken",
              "version": "1",
              "title": "Broken",
              "target": "village",
              "effectiveYears": { "from": 2020 },
              "criteria": {
                "id": "root",
                "allOf": [
                  { "id": "a", "metric": "annual_sales", "comparison": "atLeast", "threshold": 1, "unit": "cny" },
                  { "id": "b", "metric": "active_shops", "comparison": "atLeast", "threshold": 100, "unit": "cny" },
                  { "id": "c", "metric": "annual_sales_cny", "comparison": "atLeast", "unit": "cny" },
                  { "id": "b", "metric": "households", "comparison": "atLeast", "threshold": 5, "unit": "households" },
                  { "id": "e", "anyOf": [] },
                  { "id": "f", "metric": "households", "comparison": "atLeast", "treshold": 5, "unit": "households" }
                ]
              }
            }
            """;

        var problems = RuleSetJson.Load(json).Problems;

        Assert.Contains(problems, p => p.Code == RuleProblemCodes.UnknownMetric && p.Path == "$.criteria.allOf[0].metric" && p.Line == 10);
        Assert.Contains(problems, p => p.Code == RuleProblemCodes.WrongUnit && p.Path == "$.criteria.allOf[1].unit");
        Assert.Contains(problems, p => p.Code == RuleProblemCodes.MissingThreshold && p.Path == "$.criteria.allOf[2].threshold");
        Assert.Contains(problems, p => p.Code == RuleProblemCodes.DuplicateId && p.Path == "$.criteria.allOf[3].id");
        Assert.Contains(problems, p => p.Code == RuleProblemCodes.EmptyGroup && p.Path == "$.criteria.allOf[4].anyOf");
        Assert.Contains(problems, p => p.Code == RuleProblemCodes.UnknownProperty && p.Path == "$.criteria.allOf[5].treshold");
        Assert.All(problems, p => Assert.Equal("broken", p.RuleSetId));
    }

    [Theory]
    [InlineData("{", RuleProblemCodes.MalformedJson)]
    [InlineData("[]", RuleProblemCodes.WrongType)]
    [InlineData("{\"id\":\"a\",\"id\":\"b\"}", RuleProblemCodes.MalformedJson)]
    [InlineData("{} {}", RuleProblemCodes.MalformedJson)]
    public void Load_MalformedText_ReportsProblemInsteadOfThrowing(string json, string code)
    {
        var result = RuleSetJson.Load(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == code);
        Assert.All(result.Problems, p => Assert.True(p.Message.Length < 400, p.Message));
    }

    [Fact]
    public void Load_MegabyteNumber_MessageStaysShort()
    {
        var json = Valid.Replace("\"threshold\": 50", "\"threshold\": " + new string('9', 1_000_000), StringComparison.Ordinal);

        var result = RuleSetJson.Load(json, new RuleSetJsonOptions { MaxLength = 2_000_000 });

        var problem = Assert.Single(result.Problems);
        Assert.True(problem.Message.Length < 400, $"{problem.Message.Length:N0} characters");
    }

    [Fact]
    public void Load_ExactThresholdsAsWritten_Kept()
    {
        var json = Valid.Replace("\"threshold\": 8000000", "\"threshold\": 8000000.000000000000000000001", StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(8_000_000.000000000000000000001m, Assert.IsType<Condition>(result.RuleSet!.FindCriterion("sales")).Threshold);
    }

    [Fact]
    public void Load_MissingTopLevelFields_ReportsEach()
    {
        var problems = RuleSetJson.Load("{}").Problems;

        foreach (var path in new[] { "$.id", "$.version", "$.title", "$.target", "$.effectiveYears", "$.criteria" })
        {
            Assert.Contains(problems, p => p.Path == path && p.Code == RuleProblemCodes.Missing);
        }
    }

    [Theory]
    [InlineData("\"threshold\": \"ten\"", RuleProblemCodes.WrongType)]
    [InlineData("\"threshold\": 1e400", RuleProblemCodes.InvalidValue)]
    [InlineData("\"threshold\": 1e-29", RuleProblemCodes.Inexact)]
    [InlineData("\"threshold\": 1e-400", RuleProblemCodes.Inexact)]
    [InlineData("\"threshold\": 50.000000000000000000000000000001", RuleProblemCodes.Inexact)]
    [InlineData("\"threshold\": NaN", RuleProblemCodes.MalformedJson)]
    [InlineData("\"threshold\": 99999999999999999999999999999999999", RuleProblemCodes.InvalidValue)]
    [InlineData("\"threshold\": -1", RuleProblemCodes.InvalidValue)]
    [InlineData("\"threshold\": 10.5", RuleProblemCodes.InvalidValue)]
    public void Load_BadThreshold_ReportsProblem(string threshold, string code)
    {
        var json = Valid.Replace("\"threshold\": 50", threshold, StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == code);
    }

    [Fact]
    public void Load_DeepNesting_ReportsTooDeep()
    {
        var json = "{\"id\":\"x\",\"version\":\"1\",\"title\":\"t\",\"target\":\"village\",\"effectiveYears\":{\"from\":2020},\"criteria\":"
            + string.Concat(Enumerable.Repeat("{\"id\":\"g\",\"allOf\":[", 200)) + "{}" + string.Concat(Enumerable.Repeat("]}", 200)) + "}";

        var result = RuleSetJson.Load(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == RuleProblemCodes.TooDeep);
    }

    [Fact]
    public void Load_MetricForOtherTarget_Reported()
    {
        var json = Valid.Replace("\"metric\": \"active_shops\"", "\"metric\": \"taobao_villages\"", StringComparison.Ordinal)
            .Replace("\"unit\": \"shops\"", "\"unit\": \"villages\"", StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        Assert.Contains(result.Problems, p => p.Code == RuleProblemCodes.MetricNotForTarget && p.Path == "$.criteria.allOf[1].metric");
    }

    [Fact]
    public void Load_UnknownCategoryValue_Reported()
    {
        var json = Valid.Replace(
            "{ \"id\": \"sales\"",
            "{ \"id\": \"platform\", \"metric\": \"main_platform\", \"comparison\": \"oneOf\", \"values\": [\"taobao\", \"amazon\"] }, { \"id\": \"sales\"",
            StringComparison.Ordinal);

        var result = RuleSetJson.Load(json);

        Assert.Contains(result.Problems, p => p.Code == RuleProblemCodes.InvalidValue && p.Path == "$.criteria.allOf[0].values[1]");
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithEveryProblem()
    {
        var ex = Assert.Throws<RuleSetException>(() => RuleSetJson.Parse("{}"));

        Assert.True(ex.Problems.Count >= 6);
        Assert.Contains("$.criteria", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_BuiltIns_LoadBackEqual()
    {
        foreach (var ruleSet in BuiltInRuleSets.All)
        {
            var loaded = RuleSetJson.Parse(RuleSetJson.Save(ruleSet));

            Assert.Equal(ruleSet, loaded);
            Assert.Equal(ruleSet.ContentHash, loaded.ContentHash);
        }
    }

    [Fact]
    public void Save_ThresholdScale_DoesNotChangeHash()
    {
        var a = RuleSetJson.Parse(Valid);
        var b = RuleSetJson.Parse(Valid.Replace("8000000", "8000000.00", StringComparison.Ordinal));

        Assert.Equal(a.ContentHash, b.ContentHash);
    }

    [Fact]
    public void Save_ChangedThreshold_ChangesHash()
    {
        var a = RuleSetJson.Parse(Valid);
        var b = RuleSetJson.Parse(Valid.Replace("8000000", "8000001", StringComparison.Ordinal));

        Assert.NotEqual(a.ContentHash, b.ContentHash);
    }

    [Property(MaxTest = 50)]
    public Property Save_RandomRuleSet_LoadsBackWithIdenticalVerdicts() => Prop.ForAll(
        VillageArbitraries.RuleSets(),
        VillageArbitraries.RecordArrays(20),
        (ruleSet, records) =>
        {
            var loaded = RuleSetJson.Parse(RuleSetJson.Save(ruleSet));
            var a = ruleSet.Compile();
            var b = loaded.Compile();
            return loaded.Equals(ruleSet) && records.All(r =>
            {
                var va = a.Evaluate(r);
                var vb = b.Evaluate(r);
                return va.Outcome == vb.Outcome && va.Criteria.Select(c => (c.Id, c.Outcome, c.Actual, c.Shortfall?.Amount))
                    .SequenceEqual(vb.Criteria.Select(c => (c.Id, c.Outcome, c.Actual, c.Shortfall?.Amount)));
            });
        });
}

public class RuleSetSchemaTests
{
    private static readonly Newtonsoft.Json.Linq.JObject Schema = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(FindSchema()));

    [Fact]
    public void Schema_NamesEveryBuiltInMetric()
    {
        var text = Schema.ToString();

        Assert.All(Metric.BuiltIn, m => Assert.Contains($"\"{m.Name}\"", text, StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_TopLevelPropertiesMatchTheLoader()
    {
        var properties = ((Newtonsoft.Json.Linq.JObject)Schema["properties"]!).Properties().Select(p => p.Name).Order();

        Assert.Equal(new[] { "$schema", "citation", "criteria", "description", "effectiveYears", "id", "target", "title", "titles", "version" }, properties);
    }

    private static string FindSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "rule-set.schema.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/rule-set.schema.json not found above the test folder.");
    }
}
