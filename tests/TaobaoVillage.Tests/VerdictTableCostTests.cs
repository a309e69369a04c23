using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>What a table row costs as the rule set grows: counted, never timed.</summary>
public class VerdictTableCostTests
{
    [Fact]
    public void Row_AnyOfWithMoreBranches_CriterionLookupsGrowLinearly()
    {
        var (small, large) = (Probes(2_000), Probes(8_000));

        // Four times the branches: four times the lookups (three per criterion); a walk per lookup would make it sixteen.
        Assert.InRange(large, 1, small * 5);
        Assert.True(large <= 3 * 8_001 + 10, $"{large:N0} probes for 8,000 branches");
    }

    [Fact]
    public void Row_AnyOfBranches_EveryCriterionColumnFilled()
    {
        var rules = AnyOfMany(50);
        var row = Score(rules);

        var fields = new VerdictTable([rules]).Row(row);

        Assert.Equal("fail", fields.Single(f => f.Name == "sales-0049").Value);
        Assert.Equal(1_000m + (49 * 1_000m) - 500m, fields.Single(f => f.Name == VerdictTable.ShortfallColumn("sales-0049")).Value);
    }

    private static long Probes(int branches)
    {
        var rules = AnyOfMany(branches);
        var row = Score(rules);
        var table = new VerdictTable([rules]);
        Verdict.LookupProbes = 0;
        _ = table.Row(row);
        return Verdict.LookupProbes;
    }

    private static ScoredRow Score(RuleSet rules) =>
        new BatchScorer(rules).Score(CsvRecordReader.Read(new StringReader("village_code,households,active_shops,annual_sales_cny\n330782100001,400,100,500\n"))).Single();

    private static RuleSet AnyOfMany(int parts) => TestRules.Village("many")
        .AnyOf("root", any =>
        {
            for (var i = 0; i < parts; i++)
            {
                var threshold = 1_000m + (i * 1_000m);
                any.Require($"sales-{i:D4}", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(threshold)));
            }
        })
        .Build();
}
