using TaobaoVillage.Engine;

namespace TaobaoVillage.NRules.Tests;

/// <summary>A figure in a user's rule is three-valued: missing is unknown, never "no".</summary>
public class FigureTests
{
    [Theory]
    [InlineData(99, Outcome.Fail)]
    [InlineData(100, Outcome.Pass)]
    public void AtLeast_KnownFigure_PassOrFail(long shops, Outcome expected) => Assert.Equal(expected, new Figure<long>(shops).AtLeast(100));

    [Fact]
    public void Comparisons_UnknownFigure_AllUnknown()
    {
        var unknown = default(Figure<decimal>);

        Assert.Equal([Outcome.Unknown, Outcome.Unknown, Outcome.Unknown, Outcome.Unknown], [unknown.AtLeast(0m), unknown.GreaterThan(0m), unknown.AtMost(0m), unknown.LessThan(0m)]);
        Assert.False(unknown.TryGetValue(out _));
        Assert.Equal("unknown", unknown.ToString());
    }

    [Fact]
    public void ValueOr_UnknownFigure_TheFallbackTheRuleChose() => Assert.Equal(-1m, default(Figure<decimal>).ValueOr(-1m));

    [Fact]
    public void FigureType_NoConversionOrComparisonToBool_SoAMissingFigureCannotReadAsNo()
    {
        // Only identity (==, !=) returns bool; no implicit/explicit conversion, no true/false operator, no < or >=.
        var operators = typeof(Figure<long>).GetMethods().Where(m => m.IsSpecialName && m.Name.StartsWith("op_", StringComparison.Ordinal)).Select(m => m.Name).Order();

        Assert.Equal(["op_Equality", "op_Inequality"], operators);
    }

    [Theory]
    [InlineData(5, 5, true)]
    [InlineData(5, 6, false)]
    public void Equals_KnownFigures_ByValue(long a, long b, bool equal) => Assert.Equal(equal, new Figure<long>(a) == new Figure<long>(b));

    [Fact]
    public void Equals_KnownAndUnknown_Differ() => Assert.NotEqual(default, new Figure<long>(0));
}
