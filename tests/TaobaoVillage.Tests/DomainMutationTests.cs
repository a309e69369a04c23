using System.Globalization;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

/// <summary>Tests for the Domain mutants Stryker found surviving (issue 15): each pins one behaviour a mutant changed.</summary>
public class DomainMutationTests
{
    private static readonly VillageRecord Full = new(new VillageCode("330782100001"))
    {
        Name = "前岙村", Province = "浙江省", City = "金华市", County = "义乌市", Township = "江东街道", TownshipCode = "330782001",
        Year = 2016, Committee = CommitteeKind.Village, CommitteeFromName = true, Households = 400, EcommerceHouseholds = 40,
        ActiveShops = 150, AnnualSales = Cny.FromYuan(12_000_000m), MainPlatform = Platform.Taobao,
        Figures = System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty.Add("livestream_sales_cny", 5m).Add("a_figure", 1m),
        Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("村支书", "张三").Add("备注", "x"),
    };

    public static TheoryData<string> Changes() => [.. Variants().Keys];

    private static Dictionary<string, VillageRecord> Variants() => new()
    {
        ["code"] = Full with { Code = new VillageCode("330782100002") },
        ["name"] = Full with { Name = "后岙村" },
        ["province"] = Full with { Province = "江苏省" },
        ["city"] = Full with { City = "x" },
        ["county"] = Full with { County = "x" },
        ["township"] = Full with { Township = "x" },
        ["township code"] = Full with { TownshipCode = "330782002" },
        ["year"] = Full with { Year = 2017 },
        ["committee"] = Full with { Committee = CommitteeKind.Residents },
        ["committee from name"] = Full with { CommitteeFromName = false },
        ["households"] = Full with { Households = 401 },
        ["engaged households"] = Full with { EcommerceHouseholds = 41 },
        ["shops"] = Full with { ActiveShops = 151 },
        ["sales"] = Full with { AnnualSales = Cny.FromYuan(12_000_000.01m) },
        ["platform"] = Full with { MainPlatform = Platform.Tmall },
        ["a figure's value"] = Full with { Figures = Full.Figures.SetItem("a_figure", 2m) },
        ["one figure more"] = Full with { Figures = Full.Figures.Add("b_figure", 1m) },
        ["an attribute's value"] = Full with { Attributes = Full.Attributes.SetItem("备注", "y") },
        ["one attribute more"] = Full with { Attributes = Full.Attributes.Add("z", "1") },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Equals_OneFieldDiffers_NotEqual(string change)
    {
        var other = Variants()[change];

        Assert.False(Full.Equals(other));
        Assert.False(other.Equals(Full));
        Assert.True(Full.Equals(Full with { }));
        Assert.False(Full.Equals(null));
    }

    [Fact]
    public void ToString_EveryField_EachNamedInItsOrder()
    {
        Assert.Equal(
            "330782100001 前岙村 (2016): households=400, ecommerce_households=40, active_shops=150, annual_sales_cny=12000000, main_platform=taobao, "
            + "committee=village (from the name), township_code=330782001, a_figure=1, livestream_sales_cny=5, 备注='x', 村支书='张三'",
            Full.ToString());
        Assert.Equal("330782100009: no figures", new VillageRecord(new VillageCode("330782100009")).ToString());
        Assert.Equal("330782100009 (2016): committee=residents", new VillageRecord(new VillageCode("330782100009")) { Year = 2016, Committee = CommitteeKind.Residents }.ToString());
    }

    [Theory]
    [InlineData("闲鱼", Platform.Xianyu)]
    [InlineData("抖音", Platform.Douyin)]
    [InlineData("其他", Platform.Other)]
    public void TryParsePlatform_ChineseName_ThePlatform(string text, Platform expected)
    {
        Assert.True(DomainNames.TryParsePlatform(text, out var platform));
        Assert.Equal(expected, platform);
    }

    [Theory]
    [InlineData("村民委员会", CommitteeKind.Village)]
    [InlineData("villagers", CommitteeKind.Village)]
    [InlineData("居民委员会", CommitteeKind.Residents)]
    public void TryParseCommittee_OtherNames_TheKind(string text, CommitteeKind expected)
    {
        Assert.True(DomainNames.TryParseCommittee(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("township", TownshipKind.Township)]
    [InlineData("乡镇", TownshipKind.Township)]
    [InlineData("镇", TownshipKind.Township)]
    [InlineData("乡", TownshipKind.Township)]
    [InlineData("subdistrict", TownshipKind.Subdistrict)]
    [InlineData("街道", TownshipKind.Subdistrict)]
    [InlineData("other", TownshipKind.Other)]
    public void TryParseTownshipKind_EachName_TheKindAndItsNameBack(string text, TownshipKind expected)
    {
        Assert.True(DomainNames.TryParseTownshipKind(text, out var kind));
        Assert.Equal(expected, kind);
        Assert.True(DomainNames.TryParseTownshipKind(DomainNames.Name(kind), out var again));
        Assert.Equal(kind, again);
        Assert.False(DomainNames.TryParseTownshipKind("村", out _));
    }

    [Fact]
    public void Name_TownshipKinds_TheirCodes() =>
        Assert.Equal(["township", "subdistrict", "other"], new[] { TownshipKind.Township, TownshipKind.Subdistrict, TownshipKind.Other }.Select(DomainNames.Name));

    [Fact]
    public void Comparisons_CnyAndShareAtEqualValues_StrictAndInclusiveDiffer()
    {
        var (a, b, c) = (Cny.FromYuan(10m), Cny.FromYuan(10m), Cny.FromYuan(10.01m));
        Assert.False(a < b);
        Assert.False(a > b);
        Assert.True(a <= b);
        Assert.True(a >= b);
        Assert.True(c > a);
        Assert.False(c <= a);
        var (s, t, u) = (Share.FromFraction(0.1m), Share.FromPercent(10m), Share.FromFraction(0.11m));
        Assert.False(s < t);
        Assert.False(s > t);
        Assert.True(s <= t);
        Assert.True(s >= t);
        Assert.True(u > s);
        Assert.False(u <= s);
        Assert.False(s >= u);
    }

    [Fact]
    public void Share_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Share.FromFraction(-0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Share.FromPercent(-1m));
    }

    [Fact]
    public void ToString_ProblemWithAndWithoutPlace_EachForm()
    {
        var problem = new RecordProblem("households", "-5", RecordProblemCodes.Negative, "Must not be negative.");

        Assert.Equal("households '-5': Must not be negative. [negative]", problem.ToString());
        Assert.Equal("line 7: households '-5': Must not be negative. [negative]", (problem with { Line = 7 }).ToString());
        Assert.Equal("f.csv: households '-5': Must not be negative. [negative]", (problem with { Source = "f.csv" }).ToString());
        Assert.Equal("f.csv:7: households: Must not be negative. [negative]", (problem with { Source = "f.csv", Line = 7, Value = null }).ToString());
    }

    [Fact]
    public void VillageCode_EmptyOrNotAllDigits_RefusedOrNotStatistical()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VillageCode(""));
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
        Assert.False(new VillageCode("33078210000a").IsStatisticalCode);
        Assert.True(new VillageCode("330782100001").IsStatisticalCode);
        Assert.Equal(string.Empty, default(VillageCode).Value);
    }

    [Fact]
    public void EffectiveKind_KindGiven_OverridesTheName() =>
        Assert.Equal(TownshipKind.Other, new TownshipFigures("330782001") { Name = "江东街道", Kind = TownshipKind.Other }.EffectiveKind);

    [Fact]
    public void MessageOf_ValueMissingAndTemplatesOfOtherCodes_NothingLeaksBetweenCodes()
    {
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var messages = ProblemMessages.English.With(zh, "a", "A{value}A");

        Assert.Equal("AA", messages.MessageOf(new RecordProblem("f", null, "a", "english"), zh));
        Assert.Equal("english b", messages.MessageOf(new RecordProblem("f", null, "b", "english b"), zh));
        Assert.Throws<ArgumentNullException>(() => messages.MessageOf(null!, zh));
        Assert.Throws<ArgumentNullException>(() => messages.MessageOf(new RecordProblem("f", null, "a", "x"), null!));
        Assert.Throws<ArgumentNullException>(() => messages.Describe(null!, zh));
    }

    // The one JSON writer escapes by hand: every escape, lone surrogates, and a pair left whole. One fact, not a
    // theory: xUnit's serialisation of theory data would replace the lone surrogates before the test saw them.
    [Fact]
    public void FormatLine_HostileCodes_EscapedExactlyAndReadBack()
    {
        (string Code, string Escaped)[] cases =
        [
            ("a\"b", "a\\\"b"),
            ("a\\b", "a\\\\b"),
            ("a\nb\rc\td", "a\\nb\\rc\\td"),
            ("a\bb\fc", "a\\bb\\fc"),
            ("a\u0001b\u001fc", "a\\u0001b\\u001fc"),
            ("a\u0085b\u2028c\u2029d", "a\\u0085b\\u2028c\\u2029d"),
            ("a\ud800", "a\\ud800"),
            ("\udc00b", "\\udc00b"),
            ("a\ud800\ud800b", "a\\ud800\\ud800b"),
            ("x\ud83d\ude00y村", "x\ud83d\ude00y村"),
            ("a b~\u007f", "a b~\u007f"),
        ];
        foreach (var (code, escaped) in cases)
        {
            var row = new BatchScorer(BuiltInRuleSets.AliResearch).Score([InputRow.FromRecord(new VillageRecord(new VillageCode(code)) { Households = 1 })]).Single();

            var line = VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch);

            Assert.Contains("\"village_code\":\"" + escaped + "\"", line, StringComparison.Ordinal);
            // Newtonsoft reads a lone surrogate escape as U+FFFD; everything else comes back as it was.
            var read = (string)JObject.Parse(line)["village_code"]!;
            Assert.Equal(code.Length, read.Length);
            if (code.Replace("\ud83d\ude00", "", StringComparison.Ordinal).All(c => !char.IsSurrogate(c)))
            {
                Assert.Equal(code, read);
            }
        }
    }

    [Fact]
    public void Quote_HostileText_EscapedAsJson()
    {
        Assert.Equal("\"t\\\"\\\\\\n\\r\\t\\b\\f\\u0001\"", JsonText.Quote("t\"\\\n\r\t\b\f\u0001"));
        Assert.Equal("null", JsonText.Quote(null));
        Assert.Equal("\"a\\u2028b\"", JsonText.Quote("a\u2028b"));
    }
}
