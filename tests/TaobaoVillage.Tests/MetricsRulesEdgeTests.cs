using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

// Edges of the metrics and rules layers that mutation testing found unguarded: boundaries, messages users read, and
// the null checks public members document.

public class YearRangeTests
{
    [Theory]
    [InlineData(2013, false)]
    [InlineData(2014, true)]
    [InlineData(2019, true)]
    [InlineData(2020, false)]
    public void Contains_ClosedRange_BothEndsIncluded(int year, bool expected) =>
        Assert.Equal(expected, new YearRange(2014, 2019).Contains(year));

    [Theory]
    [InlineData(2019, false)]
    [InlineData(2020, true)]
    [InlineData(9999, true)]
    public void Contains_OpenRange_FromOnward(int year, bool expected) =>
        Assert.Equal(expected, new YearRange(2020).Contains(year));
}

public class RuleSetExceptionTests
{
    [Fact]
    public void Message_NoProblems_SaysInvalid() =>
        Assert.Equal("The rule set is invalid.", new RuleSetException(Array.Empty<RuleProblem>()).Message);

    [Fact]
    public void Message_Problems_CountedAndListedOnePerLine()
    {
        var problems = new[] { new RuleProblem("x", "$.id", RuleProblemCodes.Missing, "A"), new RuleProblem("x", "$.title", RuleProblemCodes.Missing, "B") };

        var message = new RuleSetException(problems).Message;

        Assert.Equal($"The rule set has 2 problem(s):{Environment.NewLine}  {problems[0]}{Environment.NewLine}  {problems[1]}", message);
    }

    [Fact]
    public void Constructors_WithoutProblems_EmptyProblemsMessageAndCauseKept()
    {
        var cause = new InvalidOperationException("cause");

        Assert.Empty(new RuleSetException().Problems);
        Assert.Equal(("m", 0), (new RuleSetException("m").Message, new RuleSetException("m").Problems.Count));
        var withCause = new RuleSetException("m", cause);
        Assert.Same(cause, withCause.InnerException);
        Assert.Empty(withCause.Problems);
    }
}

public class RuleSetEdgeTests
{
    private static RuleSet Single => TestRules.Village("one", 2020)
        .Require("sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(1m))).Build();

    [Fact]
    public void ExplainedCriteria_RootIsACondition_TheRootItself() =>
        Assert.Equal(["sales"], Single.ExplainedCriteria.Select(c => c.Id));

    [Fact]
    public void ExplainedCriteriaOf_SharedIds_TheLaterRuleSetsCriterionKept()
    {
        var later = Single.With(c => c with { Title = "later" }, "2");

        var criteria = RuleSet.ExplainedCriteriaOf([Single, later]);

        Assert.Equal("later", Assert.Single(criteria).Title);
    }

    [Fact]
    public void FindCriterion_UnknownId_Null() => Assert.Null(Single.FindCriterion("nope"));

    [Fact]
    public void Equals_Null_False() => Assert.False(Single.Equals((RuleSet?)null));

    [Fact]
    public void RuleSetId_Default_EmptyValue() => Assert.Equal(string.Empty, default(RuleSetId).Value);

    [Fact]
    public void PublicMembers_Null_ThrowArgumentNull()
    {
        var ruleSet = Single;
        Assert.Throws<ArgumentNullException>(() => RuleSet.ExplainedCriteriaOf(null!));
        Assert.Throws<ArgumentNullException>(() => ruleSet.With(null!, "2"));
        Assert.Throws<ArgumentNullException>(() => ruleSet.With(c => c, null!));
        Assert.Throws<ArgumentNullException>(() => ruleSet.WithThresholds(null!, "2"));
    }

    [Fact]
    public void Builder_NullArguments_ThrowArgumentNull()
    {
        var builder = new RuleSetBuilder("x", "1");
        Assert.Throws<ArgumentNullException>(() => builder.Require("c", null!, c => c));
        Assert.Throws<ArgumentNullException>(() => builder.Require("c", Metric.Households, null!));
        Assert.Throws<ArgumentNullException>(() => builder.AllOf("g", all => all.Require("c", null!, c => c)));
        Assert.Throws<ArgumentNullException>(() => builder.AllOf("g", all => all.Require("c", Metric.Households, null!)));
        Assert.Throws<ArgumentNullException>(() => builder.AllOf("g", null!));
    }

    [Fact]
    public void Builder_NumericCondition_HasNoCategoryValues()
    {
        var condition = (Condition)Single.Criteria;

        Assert.False(condition.Values.IsDefault);
        Assert.Empty(condition.Values);
    }
}

public class MetricEdgeTests
{
    [Fact]
    public void Attribute_NameAndDescription_FromTheColumn()
    {
        var metric = Metric.Attribute(" broadband ");

        Assert.Equal("attribute:broadband", metric.Name);
        Assert.Equal("broadband", metric.AttributeName);
        Assert.Equal("attribute broadband", metric.Description);
        Assert.Null(Metric.Households.AttributeName);
    }

    [Theory]
    [InlineData("attribute:")]
    [InlineData("attribute: ")]
    public void TryFind_PrefixWithoutName_NotFound(string name) => Assert.False(Metric.TryFind(name, out _));

    [Fact]
    public void With_ShareMetric_NamesTheInputs()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Metric.ActiveShopShare.With(new VillageRecord(new VillageCode("1")), 1m));

        Assert.Equal("active_shop_share is not a field of a village record; set the figures it is computed from (active_shops, households).", ex.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void With_CategoryIndexOutside_RefusedNamingTheValues(int index)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metric.Committee.With(new VillageRecord(new VillageCode("1")), index));

        Assert.StartsWith("committee takes an index of village, residents.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Village")]
    [InlineData(1, "Residents")]
    public void With_CategoryIndexInside_Set(int index, string kind) =>
        Assert.Equal(kind, Metric.Committee.With(new VillageRecord(new VillageCode("1")), index).Committee.ToString());

    [Theory]
    [InlineData("9223372036854775807", true)]
    [InlineData("9223372036854775808", false)]
    [InlineData("-9223372036854775808", true)]
    [InlineData("-9223372036854775809", false)]
    [InlineData("0.5", false)]
    public void With_CountAtAndBeyondLongRange_WholeCountsOnly(string text, bool accepted)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var record = new VillageRecord(new VillageCode("1"));

        if (accepted)
        {
            Assert.Equal((long)value, Metric.ActiveShops.With(record, value).ActiveShops);
        }
        else
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metric.ActiveShops.With(record, value));
            Assert.StartsWith("active_shops counts whole shops.", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PublicMembers_NullRecord_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Metric.ActiveShopShare.ValueOf(null!));
        Assert.Throws<ArgumentNullException>(() => Metric.ActiveShops.Raise(null!, 1m));
        Assert.Throws<ArgumentNullException>(() => Metric.ActiveShops.With(null!, 1m));
    }

    [Fact]
    public void CategoryParser_UnknownText_IndexMinusOne()
    {
        Assert.False(Metric.MainPlatform.CategoryParser!("no such platform", out var index));
        Assert.Equal(-1, index);
        Assert.False(Metric.TownshipKind.CategoryParser!("no such kind", out var kind));
        Assert.Equal(-1, kind);
    }

    private static readonly VillageRecord Record = new(new VillageCode("1")) { Households = 400, ActiveShops = 50 };

    [Fact]
    public void ValueOf_Share_NumeratorOverDenominator() => Assert.Equal(0.125m, Metric.ActiveShopShare.ValueOf(Record));

    [Fact]
    public void ValueOf_ShareWithoutHouseholds_Null() => Assert.Null(Metric.ActiveShopShare.ValueOf(Record with { Households = null }));

    [Fact]
    public void Raise_Share_RaisesItsCount() => Assert.Equal(55, Metric.ActiveShopShare.Raise(Record, 5)!.ActiveShops);

    [Fact]
    public void ToString_IsTheName() => Assert.Equal("active_shop_share", Metric.ActiveShopShare.ToString());

    [Fact]
    public void Attribute_NoName_RefusedSayingWhy()
    {
        var ex = Assert.Throws<ArgumentException>(() => Metric.Attribute(" "));

        Assert.StartsWith("An attribute metric needs a column name.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("column", ex.ParamName);
    }

    [Fact]
    public void Raise_Attribute_CannotBeRaised() => Assert.Null(Metric.Attribute("x").Raise(Record, 1m));

    [Fact]
    public void Equals_Null_False() => Assert.False(Metric.Households.Equals(null));

    [Theory]
    [InlineData("attribute:", false)]
    [InlineData("attribute: ", false)]
    [InlineData("attribute:x", true)]
    public void TryFind_AttributePrefix_NeedsANameAfterIt(string name, bool found) => Assert.Equal(found, Metric.TryFind(name, out _));
}
