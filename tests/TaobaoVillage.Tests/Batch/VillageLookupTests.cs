using System.Text;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Tests;

public class VillageLookupTests
{
    private const string Header = "village_code,village_name,year,households,active_shops,annual_sales_cny\n";

    private static List<ScoredRow> Rows(string body)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Header + body));
        return new BatchScorer(BuiltInRuleSets.AliResearch).Score(CsvRecordReader.ReadStream(stream, "test")).ToList();
    }

    [Fact]
    public void Find_ExactCode_ReturnsEveryYearOfThatVillage()
    {
        var rows = Rows("330782100001,青岩刘村,2015,400,300,25000000\n330782100001,青岩刘村,2016,400,300,25000000\n3307821000011,别村,2016,400,1,1\n");

        var match = VillageLookup.Find(rows, "330782100001");

        Assert.True(match.IsFound);
        Assert.Equal([2015, 2016], match.Rows.Select(r => r.Year));
    }

    [Fact]
    public void Find_ExactName_WinsOverAStartOfAnother()
    {
        var rows = Rows("330782100001,前岙村,2016,400,300,25000000\n330782100002,前岙村东,2016,400,1,1\n");

        var match = VillageLookup.Find(rows, "前岙村");

        Assert.Equal("330782100001", Assert.Single(match.Rows).Key);
    }

    [Fact]
    public void Find_StartOfTwoVillages_AmbiguousWithCandidates()
    {
        var rows = Rows("330782100001,前岙村,2016,400,300,25000000\n330782100002,前山村,2016,400,1,1\n");

        var match = VillageLookup.Find(rows, "前");

        Assert.False(match.IsFound);
        Assert.Empty(match.Rows);
        Assert.Equal(2, match.VillageCount);
        Assert.Equal(["330782100001 前岙村", "330782100002 前山村"], match.Candidates.Select(c => c.ToString()));
    }

    [Fact]
    public void Find_NothingMatches_NoneFound()
    {
        var match = VillageLookup.Find(Rows("330782100001,前岙村,2016,400,300,25000000\n"), "后");

        Assert.Equal(0, match.VillageCount);
        Assert.Empty(match.Candidates);
    }
}
