using TaobaoVillage.Batch;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

/// <summary>
/// The published contract as hand-written golden data: rule-set hashes stamped into users' verdict files, the JSON
/// Lines fields and the CSV columns. A change to any of them must change this file, on purpose.
/// </summary>
public class ContractGoldenTests
{
    private const string GoldenCsv = "village_code,year,committee,households,active_shops,annual_sales_cny\n330782100001,2016,village,400,39,9999999.99\n";

    [Theory]
    [InlineData("classic", "sha256:888f655f1181ddc0c3619cf02520893114a2f20a4b5cdc4d7bedd189f7375281")]
    [InlineData("aliresearch", "sha256:b50dc0be3f93cbddfd222418bbfee087b81b0f0dee041cefd3ff4574fae4e0d1")]
    [InlineData("aliresearch-2014", "sha256:7c44874a5372c451158d908afdd6a1da127f00059ee9b347854419db15fddc0b")]
    [InlineData("aliresearch-town-2014", "sha256:5a51d1564543d7323556b04422982f4200b7e02cc777c87ba18938ebfaec766f")]
    [InlineData("aliresearch-town-2019", "sha256:0e56ce45e3f8c112542082c52bba69df18527f014b0dbf1b47fccfda0e5b31d5")]
    [InlineData("aliresearch-town", "sha256:f8f957d74b00de6ee1658da3e906620358155e8bd2798d90ad5cd3a5cb00a84e")]
    public void ContentHash_BuiltInRuleSet_AsPublished(string id, string hash)
    {
        Assert.True(BuiltInRuleSets.TryGet(id, out var ruleSet));

        Assert.Equal(hash, ruleSet.ContentHash);
    }

    [Fact]
    public void Readme_QuotedHashes_AreTheBuiltInOnes()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.Contains("aliresearch@2022.2 sha256:b50dc0be3f93cbddfd222418bbfee087b81b0f0dee041cefd3ff4574fae4e0d1", readme, StringComparison.Ordinal);
        Assert.All(BuiltInRuleSets.All, r => Assert.Contains($"{r} {r.ContentHash}", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void FormatLine_OneFenAndOneShopShort_ExactContractLine()
    {
        var input = TaobaoVillage.Csv.CsvRecordReader.Read(new StringReader(GoldenCsv), "g.csv");
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).Score(input).Single();

        var line = VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch);

        Assert.Equal(
            """{"line":2,"village_code":"330782100001","year":2016,"verdict":"not_eligible","rule_set":{"id":"aliresearch","version":"2022.2","hash":"sha256:b50dc0be3f93cbddfd222418bbfee087b81b0f0dee041cefd3ff4574fae4e0d1"},"criteria":[{"id":"administrative-village","outcome":"pass","actual":"village","threshold":["village"],"shortfall":null},{"id":"annual-sales","outcome":"fail","actual":9999999.99,"threshold":10000000,"unit":"cny","shortfall":{"amount":0.01,"unit":"cny"}},{"id":"active-shops","outcome":"fail","shortfall":{"amount":1,"unit":"shops"}},{"id":"active-shop-count","outcome":"fail","actual":39,"threshold":100,"unit":"shops","shortfall":{"amount":61,"unit":"shops"}},{"id":"active-shop-share","outcome":"fail","actual":0.0975,"observed":39,"households":400,"threshold":0.1,"unit":"share","shortfall":{"amount":1,"unit":"shops"}}]}""",
            line);
    }

    [Fact]
    public void Write_Csv_ExactHeaderAndRow()
    {
        var input = TaobaoVillage.Csv.CsvRecordReader.Read(new StringReader(GoldenCsv), "g.csv");
        var text = new StringWriter();
        using (var writer = new TaobaoVillage.Csv.CsvVerdictWriter(text, BuiltInRuleSets.AliResearch, leaveOpen: true))
        {
            foreach (var row in new BatchScorer(BuiltInRuleSets.AliResearch).Score(input))
            {
                writer.Write(row);
            }
        }

        Assert.Equal(
            "line,village_code,year,verdict,rule_set,rule_set_version,administrative-village,annual-sales,active-shops,active-shop-count,active-shop-share,needs,errors,village_name,annual-sales shortfall,active-shop-count shortfall,active-shop-share shortfall,annual-sales value,active-shop-count value,active-shop-share value\n"
            + "2,330782100001,2016,not_eligible,aliresearch,2022.2,pass,fail,fail,fail,fail,CN¥0.01 more annual e-commerce sales and 1 more active online shop,,,0.01,61,1,9999999.99,39,0.0975\n",
            text.ToString());
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaobaoVillage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (TaobaoVillage.sln) is not above the test folder.");
    }
}
