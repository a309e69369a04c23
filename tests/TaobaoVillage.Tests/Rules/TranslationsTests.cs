using System.Globalization;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class TranslationsTests
{
    private const string Rules = """
        { "id": "t", "version": "1", "title": "Test", "titles": { "zh-Hans": "测试" }, "target": "village", "effectiveYears": { "from": 2020, "to": null },
          "criteria": { "id": "sales", "title": "sales", "titles": { "zh-CN": "销售额" }, "metric": "annual_sales_cny", "comparison": "atLeast", "threshold": 10000000, "unit": "cny" } }
        """;

    private static RuleSet Parsed(string json) => RuleSetJson.Parse(json);

    [Fact]
    public void TitleIn_ChineseCultures_TheirTranslationThroughTheParents()
    {
        var ruleSet = Parsed(Rules);

        Assert.Equal("测试", ruleSet.TitleIn(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("测试", ruleSet.TitleIn(CultureInfo.GetCultureInfo("zh-SG")));
        Assert.Equal("销售额", ruleSet.Criteria.TitleIn(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("sales", ruleSet.Criteria.TitleIn(CultureInfo.GetCultureInfo("zh-SG")));
    }

    [Fact]
    public void TitleIn_NoTranslation_TheTitle()
    {
        var ruleSet = Parsed(Rules);

        Assert.Equal("Test", ruleSet.TitleIn(CultureInfo.InvariantCulture));
        Assert.Equal("Test", ruleSet.TitleIn(CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void ContentHash_TranslationsAddedOrChanged_Unchanged()
    {
        var without = Parsed(Rules.Replace(""", "titles": { "zh-Hans": "测试" }""", string.Empty, StringComparison.Ordinal));
        var other = Parsed(Rules.Replace("测试", "另一个", StringComparison.Ordinal));

        Assert.Equal(without.ContentHash, Parsed(Rules).ContentHash);
        Assert.Equal(other.ContentHash, Parsed(Rules).ContentHash);
    }

    [Fact]
    public void Save_Translations_ReadBackTheSame()
    {
        var ruleSet = Parsed(Rules);

        var again = Parsed(RuleSetJson.Save(ruleSet));

        Assert.Equal(ruleSet.Titles, again.Titles);
        Assert.Equal(ruleSet.Criteria.Titles, again.Criteria.Titles);
        Assert.Equal(1, again.Titles.Count);
    }

    [Theory]
    [InlineData("""{ "zh Hans": "测试" }""", "$.titles.zh Hans", RuleProblemCodes.InvalidLanguage)]
    [InlineData("""{ "zh-Hans": "" }""", "$.titles.zh-Hans", RuleProblemCodes.WrongType)]
    [InlineData("""{ "zh-Hans": 3 }""", "$.titles.zh-Hans", RuleProblemCodes.WrongType)]
    [InlineData("\"测试\"", "$.titles", RuleProblemCodes.WrongType)]
    public void Load_BadTitles_ProblemAtItsPath(string titles, string path, string code)
    {
        var result = RuleSetJson.Load(Rules.Replace("""{ "zh-Hans": "测试" }""", titles, StringComparison.Ordinal));

        Assert.Null(result.RuleSet);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((path, code), (problem.Path, problem.Code));
    }

    [Fact]
    public void BuiltIns_EverySetAndCriterion_HasASimplifiedChineseTitle()
    {
        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        var untranslated = BuiltInRuleSets.All
            .SelectMany(r => r.Criteria.DescendantsAndSelf().Select(c => (r.Id.Value, c.Id, Title: c.TitleIn(chinese))).Append((r.Id.Value, "$", Title: r.TitleIn(chinese))))
            .Where(t => t.Title is null || t.Title.Any(char.IsAsciiLetter))
            .ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void BuiltIns_EveryQuote_HasASimplifiedChineseQuote()
    {
        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        var citations = BuiltInRuleSets.All.SelectMany(r => r.Criteria.DescendantsAndSelf().Select(c => c.Citation).Append(r.Citation)).OfType<Citation>().Where(c => c.Quote is not null).ToList();

        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.DoesNotContain(c.QuoteIn(chinese)!, char.IsAsciiLetterLower));
        Assert.All(citations, c => Assert.Equal(c.Quote, c.QuoteIn(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void BuiltIns_EverySource_HasASimplifiedChineseSource()
    {
        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        var citations = BuiltInRuleSets.All.SelectMany(r => r.Criteria.DescendantsAndSelf().Select(c => c.Citation).Append(r.Citation)).OfType<Citation>().ToList();

        Assert.All(citations, c => Assert.NotEqual(c.Source, c.SourceIn(chinese)));
        Assert.All(citations, c => Assert.Equal(c.Source, c.SourceIn(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Save_CitationQuotes_ReadBackTheSameAndOutsideTheHash()
    {
        var ruleSet = BuiltInRuleSets.AliResearch;

        var again = RuleSetJson.Parse(RuleSetJson.Save(ruleSet));

        Assert.Equal(ruleSet.Citation!.Quotes, again.Citation!.Quotes);
        Assert.Equal(ruleSet.ContentHash, again.ContentHash);
        Assert.DoesNotContain("quotes", ruleSet.CanonicalForm, StringComparison.Ordinal);
    }

    [Fact]
    public void With_NotALanguageTag_Throws() =>
        Assert.Throws<ArgumentException>(() => Translations.None.With("chinese!", "测试"));
}
