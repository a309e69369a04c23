using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Planning;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Tests;

public class NearMissRankingTests
{
    [Fact]
    public void Take_MixedFile_KeepsTheNearestInOrderAndSkipsUnfixable()
    {
        var ranking = new NearMissRanking(2);
        foreach (var row in new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv"))))
        {
            ranking.Add(row);
        }

        var best = ranking.Take();

        Assert.Equal(["330782100003", "330782100005"], best.Select(b => b.Row.Key));
        Assert.True(best[0].Score >= best[1].Score);
        Assert.Empty(ranking.Take());
    }

    [Fact]
    public void Add_EligibleRow_NotKept()
    {
        var ranking = new NearMissRanking(5);
        var eligible = new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.ReadFile(BatchScorerTests.TestFile("mixed.csv"))).First(r => r.Verdict?.IsEligible == true);

        ranking.Add(eligible);

        Assert.Empty(ranking.Take());
    }
}
