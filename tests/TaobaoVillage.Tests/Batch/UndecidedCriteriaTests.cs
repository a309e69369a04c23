using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Tests;

public class UndecidedCriteriaTests
{
    private static IReadOnlyList<UndecidableCriterion> Undecided(string csv, BatchScorer scorer)
    {
        var undecided = new UndecidedCriteria();
        foreach (var row in scorer.Score(CsvRecordReader.Read(new StringReader(csv))))
        {
            undecided.Add(row);
        }

        return undecided.Of([.. csv[..csv.IndexOf('\n', StringComparison.Ordinal)].Split(',')], ColumnMap.Empty);
    }

    [Fact]
    public void Of_BareNamesWithoutCommitteeColumn_TheCommitteeCriterionNamingItsColumn()
    {
        var result = Undecided("村代码,村名,户数,网店数,年销售额\n330782100201,前岙村,100,150,12000000\n", new BatchScorer(BuiltInRuleSets.AliResearch));

        var criterion = Assert.Single(result);
        Assert.Equal(["committee"], criterion.MissingColumns);
    }

    [Fact]
    public void Of_OfficialNamesGiveTheCommittee_Nothing()
    {
        var result = Undecided("村代码,村名,户数,网店数,年销售额\n330782100201,前岙村村民委员会,100,150,12000000\n", new BatchScorer(BuiltInRuleSets.AliResearch));

        Assert.Empty(result);
    }

    [Fact]
    public void Of_RowsByYear_OnlyTheRuleSetsTheRowsUsed()
    {
        // 2023 rows are judged by aliresearch alone: classic's household share, which no row can decide here, is not named.
        var result = Undecided("village_code,year,committee,households,active_shops,annual_sales_cny\n330782100201,2023,village,100,150,12000000\n", BatchScorer.ForYears());

        Assert.Empty(result);
    }

    [Fact]
    public void Of_OneRowDecides_NotNamed()
    {
        var result = Undecided("village_code,committee,households,active_shops,annual_sales_cny\n330782100201,,100,150,12000000\n330782100202,village,100,150,12000000\n", new BatchScorer(BuiltInRuleSets.AliResearch));

        Assert.Empty(result);
    }
}
