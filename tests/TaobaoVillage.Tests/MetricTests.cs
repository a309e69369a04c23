using System.Text;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// The metric table: every consumer reads one descriptor. <c>livestream_sales_cny</c> was added as one entry of
/// <see cref="Metric.BuiltIn"/>; these tests follow it through rule files, the builder, CSV and JSON records, the
/// validator, explanations and what-if.
/// </summary>
public class MetricTests
{
    internal const string LivestreamRules = """
        {
          "id": "county-livestream", "version": "2026.1", "title": "County live-streaming villages", "target": "village",
          "effectiveYears": { "from": 2024 },
          "criteria": { "id": "root", "allOf": [
            { "id": "livestream", "metric": "livestream_sales_cny", "comparison": "atLeast", "threshold": 5000000, "unit": "cny" }
          ] }
        }
        """;

    private static RuleSet Rules => RuleSetJson.Parse(LivestreamRules);

    [Fact]
    public void BuiltIn_EveryNameUnique_AndFoundByName()
    {
        Assert.Equal(Metric.BuiltIn.Count, Metric.BuiltIn.Select(m => m.Name).Distinct().Count());
        Assert.All(Metric.BuiltIn, m => Assert.Same(m, Metric.TryFind(m.Name, out var found) ? found : null));
    }

    [Fact]
    public void BuiltIn_NoTwoRecordFieldsShareAnAlias()
    {
        var names = Metric.BuiltIn.Where(m => m.IsRecordField).SelectMany(m => m.Aliases.Prepend(m.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void LivestreamSales_RuleFile_LoadsAndDecides()
    {
        var evaluator = Rules.Compile();
        var below = evaluator.Evaluate(Village(4_999_999.99m));
        var at = evaluator.Evaluate(Village(5_000_000m));

        Assert.Equal(Eligibility.NotEligible, below.Eligibility);
        Assert.Equal(0.01m, below["livestream"].Shortfall!.Value.Amount);
        Assert.Equal(Unit.Cny, below["livestream"].Shortfall!.Value.Unit);
        Assert.Equal(Eligibility.Eligible, at.Eligibility);
    }

    [Fact]
    public void LivestreamSales_Builder_SameRuleSetAsTheFile()
    {
        var built = new RuleSetBuilder("county-livestream", "2026.1")
            .Titled("County live-streaming villages")
            .For(RuleTarget.Village)
            .EffectiveYears(2024)
            .AllOf("root", g => g.Require("livestream", Metric.LivestreamSales, c => c.AtLeast(Cny.FromYuan(5_000_000m))))
            .Build();

        Assert.Equal(Rules.ContentHash, built.ContentHash);
    }

    [Fact]
    public void LivestreamSales_MissingFigure_UnknownNamingTheColumn()
    {
        var verdict = Rules.Compile().Evaluate(new VillageRecord(new VillageCode("330782100001")) { Households = 100 });

        Assert.Equal(Eligibility.Indeterminate, verdict.Eligibility);
        Assert.Contains("livestream_sales_cny", Assert.Single(verdict.PathsToPass()).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("livestream_sales_cny", "1234.5", 1234.5)]
    [InlineData("直播销售额（万元）", "12.5", 125_000)]
    [InlineData("直播电商销售额", "1,000,000", 1_000_000)]
    public void CsvRecordReader_LivestreamColumn_ReadIntoFigures(string header, string cell, decimal yuan)
    {
        var csv = $"village_code,households,{header}\n330782100001,100,\"{cell}\"\n";
        var row = CsvRecordReader.ReadStream(new MemoryStream(Encoding.UTF8.GetBytes(csv))).Single();

        Assert.Equal(yuan, row.Parsed.Record!.Figures["livestream_sales_cny"]);
        Assert.Equal(yuan, Metric.LivestreamSales.ValueOf(row.Parsed.Record));
    }

    [Fact]
    public void JsonRecordReader_CamelCaseLivestream_ReadIntoFigures()
    {
        var row = JsonRecordReader.ReadJsonLines(new StringReader("""{"villageCode":"330782100001","livestreamSalesCny":6000000}""")).Single();

        Assert.Equal(Eligibility.Eligible, Rules.Compile().Evaluate(row.Parsed.Record!).Eligibility);
    }

    [Fact]
    public void VillageRecordValidator_NegativeLivestream_RejectedWithItsField()
    {
        var problem = Assert.Single(VillageRecordValidator.Validate(Village(-1m)));

        Assert.Equal("livestream_sales_cny", problem.Field);
        Assert.Equal(RecordProblemCodes.Negative, problem.Code);
    }

    [Fact]
    public void VerdictJsonWriter_Livestream_ExplainedWithValueThresholdAndShortfall()
    {
        var row = new Batch.BatchScorer(Rules).ScoreOne(Village(3_000_000m));
        var criterion = (JObject)JObject.Parse(VerdictJsonWriter.FormatLine(row, Rules))["criteria"]!.Single();

        Assert.Equal(3_000_000m, (decimal)criterion["actual"]!);
        Assert.Equal(5_000_000m, (decimal)criterion["threshold"]!);
        Assert.Equal(2_000_000m, (decimal)criterion["shortfall"]!["amount"]!);
    }

    private static VillageRecord Village(decimal livestream) => new(new VillageCode("330782100001"))
    {
        Households = 100,
        Figures = System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty.Add(Metric.LivestreamSales.Name, livestream),
    };
}

public class MetricWithTests
{
    [Fact]
    public void With_EveryRecordField_SetsAndClearsThroughTheDescriptor()
    {
        var record = new Domain.VillageRecord(default) { Name = "x", Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("a", "1") };
        foreach (var metric in Metric.BuiltIn.Where(m => m.IsRecordField))
        {
            var set = metric.With(record, 1m);
            var cleared = metric.With(set, null);

            Assert.Equal(1m, metric.ValueOf(set));
            Assert.Null(metric.ValueOf(cleared));
            Assert.Equal(record, cleared with { Figures = record.Figures });
            Assert.Equal("x", set.Name);
        }
    }

    [Fact]
    public void With_ShareOrCountFraction_Refused()
    {
        Assert.Throws<InvalidOperationException>(() => Metric.ActiveShopShare.With(new Domain.VillageRecord(new Domain.VillageCode("1")), 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Metric.ActiveShops.With(new Domain.VillageRecord(new Domain.VillageCode("1")), 1.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Metric.MainPlatform.With(new Domain.VillageRecord(new Domain.VillageCode("1")), 99m));
    }
}
