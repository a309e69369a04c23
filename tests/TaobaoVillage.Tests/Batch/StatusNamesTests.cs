using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class StatusNamesTests
{
    [Theory]
    [InlineData(Eligibility.Eligible, "eligible")]
    [InlineData(Eligibility.NotEligible, "not_eligible")]
    [InlineData(Eligibility.Indeterminate, "indeterminate")]
    [InlineData(Eligibility.Invalid, "invalid")]
    public void Name_EachEligibility_TheContractWord(Eligibility eligibility, string name) => Assert.Equal(name, StatusNames.Name(eligibility));

    [Fact]
    public void Status_RejectedRow_Invalid()
    {
        var row = new BatchScorer(TaobaoVillage.RuleSets.BuiltInRuleSets.AliResearch).Score(TaobaoVillage.Csv.CsvRecordReader.Read(new StringReader("village_code,households\n330782100001,0\n"))).Single();

        Assert.Null(row.Verdict);
        Assert.Equal((Eligibility.Invalid, "invalid"), (row.Status, row.StatusName));
    }
}
