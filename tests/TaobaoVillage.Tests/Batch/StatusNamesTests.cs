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
    public void Name_EachEligibility_ContractName(Eligibility eligibility, string expected) =>
        Assert.Equal(expected, StatusNames.Name(eligibility));

    [Fact]
    public void Name_EveryEligibility_Distinct() =>
        Assert.Equal(Enum.GetValues<Eligibility>().Length, Enum.GetValues<Eligibility>().Select(StatusNames.Name).Distinct().Count());

    [Theory]
    [InlineData(Outcome.Pass, "pass")]
    [InlineData(Outcome.Fail, "fail")]
    [InlineData(Outcome.Unknown, "unknown")]
    public void Name_EachOutcome_ContractName(Outcome outcome, string expected) =>
        Assert.Equal(expected, StatusNames.Name(outcome));
}
