using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// The canonical form is the rule model's own; these hold it to the text the JSON writer produced before the redesign
/// (compact Newtonsoft.Json), so that no hash already stamped into a verdict file changed.
/// </summary>
public class RuleSetCanonicalFormTests
{
    private static readonly Gen<string> Hostile = Gen.Elements("村\"1\"", "a\\b", "tab\there", "line\nbreak", "\u0001\u001f", "\u2028\u2029\u0085", "é中文", "\ud83d\ude00", "</script>", "'");

    [Property(MaxTest = 300)]
    public Property CanonicalForm_AnyRuleSet_SameAsNewtonsoftCompactWriter() => Prop.ForAll(
        VillageArbitraries.RuleSets(),
        Arb.From(Hostile),
        (ruleSet, text) =>
        {
            var titled = ruleSet.With(c => c with { Title = text + c.Id, Citation = new Citation("s" + text, Url: text, Quote: text) }, ruleSet.Version);
            return titled.CanonicalForm == Newtonsoft(titled.CanonicalForm);
        });

    [Property(MaxTest = 200, Arbitrary = [typeof(RecordArbitraries)])]
    public bool CanonicalForm_LoadedBack_SameHash(RuleSet ruleSet) =>
        RuleSetJson.Load(ruleSet.CanonicalForm).RuleSet?.ContentHash == ruleSet.ContentHash;

    [Fact]
    public void ContentHash_NamesItsScheme()
    {
        Assert.StartsWith("sha256:", BuiltInRuleSets.AliResearch.ContentHash, StringComparison.Ordinal);
        Assert.Equal(71, BuiltInRuleSets.AliResearch.ContentHash.Length);
    }

    /// <summary>The text as Newtonsoft.Json writes the same tree compactly (decimals kept exact).</summary>
    private static string Newtonsoft(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader).ToString(Formatting.None);
    }

    // The canonical form is the hash's input and a published format (docs/formats.md): written out by hand, every
    // part present at least once, so that a change to any part of it changes this test.
    [Fact]
    public void CanonicalForm_EveryPart_AsDocumented()
    {
        var ruleSet = new RuleSetBuilder("t", "1").Titled("T").Described("D \"q\"").For(RuleTarget.Township).EffectiveYears(2019, 2020)
            .CitedTo("S", "https://u", "Q")
            .AnyOf("root", any => any
                .Titled("Either")
                .CitedTo("S2")
                .Require("n", Metric.TaobaoVillages, c => c.AtLeast(3).Titled("N").CitedTo("S3", quote: "Q3"))
                .AllOf("both", all => all
                    .Require("kind", Metric.TownshipKind, c => c.IsOneOf("township", "other"))
                    .Require("sales", Metric.AnnualSales, c => c.GreaterThan(Cny.FromYuan(10_000_000.50m)))))
            .Build();

        Assert.Equal(
            "{\"id\":\"t\",\"version\":\"1\",\"title\":\"T\",\"description\":\"D \\\"q\\\"\",\"target\":\"township\","
            + "\"effectiveYears\":{\"from\":2019,\"to\":2020},\"citation\":{\"source\":\"S\",\"url\":\"https://u\",\"quote\":\"Q\"},"
            + "\"criteria\":{\"id\":\"root\",\"title\":\"Either\",\"anyOf\":["
            + "{\"id\":\"n\",\"title\":\"N\",\"metric\":\"taobao_villages\",\"comparison\":\"atLeast\",\"threshold\":3,\"unit\":\"villages\",\"citation\":{\"source\":\"S3\",\"quote\":\"Q3\"}},"
            + "{\"id\":\"both\",\"allOf\":["
            + "{\"id\":\"kind\",\"metric\":\"township_kind\",\"comparison\":\"oneOf\",\"values\":[\"township\",\"other\"]},"
            + "{\"id\":\"sales\",\"metric\":\"annual_sales_cny\",\"comparison\":\"greaterThan\",\"threshold\":10000000.5,\"unit\":\"cny\"}]}],"
            + "\"citation\":{\"source\":\"S2\"}}}",
            ruleSet.CanonicalForm);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ruleSet.CanonicalForm))), ruleSet.ContentHash);
    }
}

public class RuleSetJsonYearTests
{
    // One check, one place: a year out of range is the validator's invalid-years, from a file as from the builder.
    [Theory]
    [InlineData(1800)]
    [InlineData(0)]
    [InlineData(12000)]
    public void Load_YearOutOfRange_InvalidYearsAsFromTheBuilder(int year)
    {
        var json = $$"""
            { "id": "y", "version": "1", "title": "y", "target": "village", "effectiveYears": { "from": {{year}} },
              "criteria": { "id": "s", "metric": "annual_sales_cny", "comparison": "atLeast", "threshold": 1, "unit": "cny" } }
            """;
        new RuleSetBuilder("y", "1").Titled("y").For(RuleTarget.Village).EffectiveYears(year)
            .Require("s", Metric.AnnualSales, c => c.AtLeast(Domain.Cny.FromYuan(1))).TryBuild(out _, out var built);

        var loaded = RuleSetJson.Load(json).Problems;

        Assert.Equal(RuleProblemCodes.InvalidYears, Assert.Single(loaded).Code);
        Assert.Equal(Assert.Single(built).Message, loaded[0].Message);
    }
}
