using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class StatusNamesTests
{
    [Theory]
    [InlineData(Eligibility.Eligible, RowStatus.Eligible)]
    [InlineData(Eligibility.NotEligible, RowStatus.NotEligible)]
    [InlineData(Eligibility.Indeterminate, RowStatus.Indeterminate)]
    [InlineData(Eligibility.Invalid, RowStatus.Invalid)]
    public void StatusOf_EachEligibility_TheSameValue(Eligibility eligibility, RowStatus expected)
    {
        Assert.Equal(expected, StatusNames.StatusOf(eligibility));
        Assert.Equal(StatusNames.Name(expected), StatusNames.Name(eligibility));
    }

    [Fact]
    public void StatusOf_NoVerdict_Invalid() => Assert.Equal(RowStatus.Invalid, StatusNames.StatusOf(null));
}
