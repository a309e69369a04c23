using Newtonsoft.Json.Linq;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.IO;
using TaobaoVillage.Planning;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>Towns and regions compared between years, on a small hand-built input whose answers are counted by hand.</summary>
public class YearComparisonEdgeTests
{
    // Zhejiang, county Yiwu: A is a town in both years, B only in 2016, C only in 2015; Jiangsu, county Shuyang: D only
    // in 2015. A town needs three Taobao Villages under the 2014 township rules.
    internal static readonly IReadOnlyList<TownVerdict> Towns = TownAggregator.Towns(
    [
        .. Villages("浙江省", "义乌市", "A镇", 2015, 3), .. Villages("浙江省", "义乌市", "A镇", 2016, 4),
        .. Villages("浙江省", "义乌市", "B镇", 2015, 2), .. Villages("浙江省", "义乌市", "B镇", 2016, 3),
        .. Villages("浙江省", "义乌市", "C镇", 2015, 3), .. Villages("浙江省", "义乌市", "C镇", 2016, 1),
        .. Villages("江苏省", "沭阳县", "D镇", 2015, 5),
        .. Villages("江苏省", "沭阳县", "E镇", 2014, 3),
    ], BuiltInRuleSets.AliResearchTown2014);

    private static IEnumerable<VillageResult> Villages(string province, string county, string township, int year, int count) =>
        Enumerable.Range(1, count).Select(i => new VillageResult(new Region(province, "某市", county, township), $"{township}{i}村", year, Eligibility.Eligible));

    [Fact]
    public void Towns_TwoYears_NewThenKeptThenLostOutsideYearsIgnored()
    {
        var changes = YearComparison.Towns(Towns, 2015, 2016);

        // Within a kind by key, ordinally: 江苏 (U+6C5F) before 浙江 (U+6D59).
        Assert.Equal(["B镇 New", "A镇 Kept", "D镇 Lost", "C镇 Lost"], changes.Select(c => $"{c.Name} {c.Change}"));
        Assert.All(changes, c => Assert.Equal((2015, 2016), (c.From, c.To)));
        Assert.Equal("义乌市", changes[0].Region.County);
    }

    [Fact]
    public void Counties_TwoYears_CountsEachKindByHand()
    {
        var counties = YearComparison.Counties(Towns, 2015, 2016);

        // Yiwu: 8 villages in 2015 (3+2+3), 8 in 2016 (4+3+1); Shuyang: 5 → 0, the larger change, so first.
        Assert.Equal(["沭阳县", "义乌市"], counties.Select(c => c.Region.County));
        var shuyang = counties[0];
        Assert.Equal((5, 0, 0, 0, 5, 1, 0), (shuyang.VillagesFrom, shuyang.VillagesTo, shuyang.New, shuyang.Kept, shuyang.Lost, shuyang.TownsFrom, shuyang.TownsTo));
        var yiwu = counties[1];
        Assert.Equal((8, 8, 2, 6, 2, 2, 2), (yiwu.VillagesFrom, yiwu.VillagesTo, yiwu.New, yiwu.Kept, yiwu.Lost, yiwu.TownsFrom, yiwu.TownsTo));
        Assert.Equal((2015, 2016), (yiwu.From, yiwu.To));
    }

    [Fact]
    public void Provinces_SameChange_OrderedByKey()
    {
        var provinces = YearComparison.Provinces(Towns, 2015, 2016);

        Assert.Equal(["江苏", "浙江"], provinces.Select(p => p.Key));
        Assert.Equal(string.Empty, provinces[1].Region.County);
        Assert.Equal((8, 8), (provinces[1].VillagesFrom, provinces[1].VillagesTo));
    }

    [Fact]
    public void Counties_EqualChange_OrderedByKey()
    {
        var towns = TownAggregator.Towns([.. Villages("江苏省", "沭阳县", "D镇", 2015, 5), .. Villages("江苏省", "F县", "G镇", 2015, 5)], BuiltInRuleSets.AliResearchTown2014);

        // Both lose five: by key, ordinally (F before 沭).
        Assert.Equal(["F县", "沭阳县"], YearComparison.Counties(towns, 2015, 2016).Select(c => c.Region.County));
    }

    [Fact]
    public void Villages_EqualChanges_OrderedByKeyWithinEachKind()
    {
        var changes = YearComparison.Villages(Towns.SelectMany(t => t.QualifyingVillages), 2015, 2016);

        foreach (var kind in changes.GroupBy(c => c.Change))
        {
            Assert.Equal(kind.Select(c => c.Key).Order(StringComparer.Ordinal), kind.Select(c => c.Key));
        }

        Assert.Equal([Change.New, Change.Kept, Change.Lost], changes.Select(c => c.Change).Distinct());
    }
}

/// <summary>The output rows' exact fields, names and order: the contract every format writes.</summary>
public class OutputRowEdgeTests
{
    [Fact]
    public void Of_RegionChange_EveryFieldInOrder()
    {
        var change = new RegionChange("k", new Region("浙江省", "金华市", "义乌市", "x"), 2015, 2016)
        {
            VillagesFrom = 1, VillagesTo = 2, New = 3, Kept = 4, Lost = 5, TownsFrom = 6, TownsTo = 7,
        };

        var county = OutputRow.Of(change, RegionLevel.County);
        var province = OutputRow.Of(change, RegionLevel.Province);

        Assert.Equal("province=浙江省 city=金华市 county=义乌市 from=2015 to=2016 villages_from=1 villages_to=2 new=3 kept=4 lost=5 towns_from=6 towns_to=7",
            string.Join(' ', county.Select(f => $"{f.Name}={f.Value}")));
        Assert.Equal("province from to villages_from villages_to new kept lost towns_from towns_to", string.Join(' ', province.Select(f => f.Name)));
    }

    [Theory]
    [InlineData(ClusterCandidate.None, "none")]
    [InlineData(ClusterCandidate.Cluster, "cluster")]
    [InlineData(ClusterCandidate.VeryLarge, "very-large")]
    public void ClusterName_EachCandidate_ContractName(ClusterCandidate cluster, string name) => Assert.Equal(name, OutputRow.ClusterName(cluster));

    [Fact]
    public void Of_TownVerdict_EveryFieldInOrder()
    {
        var village = new VillageResult(new Region("浙江省", "金华市", "义乌市", "甲镇") { TownshipCode = "330782001" }, "村", 2016, Eligibility.Eligible);
        var town = Assert.Single(TownAggregator.Towns([village], BuiltInRuleSets.AliResearchTown2014));

        var fields = OutputRow.Of(town);

        Assert.Equal("province city county township township_code year taobao_villages undecided_villages annual_sales_cny active_shops verdict rule_set criteria villages",
            string.Join(' ', fields.Select(f => f.Name)));
        Assert.Equal(["浙江省", "金华市", "义乌市", "甲镇", "330782001", 2016, 1L, 0], fields.Take(8).Select(f => f.Value));
        Assert.Equal(Eligibility.NotEligible, fields[10].Value);
        Assert.Same(town.Verdict, fields[12].Value);
        Assert.Equal([village], (IReadOnlyList<VillageResult>)fields[13].Value!);
    }

    [Fact]
    public void Of_RegionSummary_CountyWithClusterProvinceWithout()
    {
        var summary = new RegionSummary(new Region("浙江省", "金华市", "义乌市", string.Empty), "k", 2016) { TaobaoVillages = 12, UndecidedVillages = 2, TaobaoTowns = 1 };

        Assert.Equal("year=2016 rank=3 province=浙江省 city=金华市 county=义乌市 taobao_villages=12 undecided_villages=2 taobao_towns=1 cluster_candidate=cluster",
            string.Join(' ', OutputRow.Of(summary, 3, RegionLevel.County).Select(f => $"{f.Name}={f.Value}")));
        Assert.Equal("year=2016 rank=1 province=浙江省 taobao_villages=12 undecided_villages=2 taobao_towns=1",
            string.Join(' ', OutputRow.Of(summary, 1, RegionLevel.Province).Select(f => $"{f.Name}={f.Value}")));
    }

    [Fact]
    public void DisplayName_EachLevel()
    {
        var region = new Region("浙江省", "金华市", "义乌市", "甲镇");

        Assert.Equal(("浙江省", "浙江省 金华市 义乌市"), (OutputRow.DisplayName(region, RegionLevel.Province), OutputRow.DisplayName(region, RegionLevel.County)));
    }

    [Fact]
    public void Name_DefaultField_Empty() => Assert.Equal(string.Empty, default(OutputField).Name);

    [Fact]
    public void Of_DesignationChange_ChangeNameFirst()
    {
        var row = OutputRow.Of(new DesignationChange("k", new Region("p", "c", "k", "t"), "村", 2015, 2016, Change.Lost));

        Assert.Equal("change=lost name=村 province=p city=c county=k township=t from=2015 to=2016", string.Join(' ', row.Select(f => $"{f.Name}={f.Value}")));
    }
}

public class RegionTallyEdgeTests
{
    [Theory]
    [InlineData(RegionLevel.County)]
    [InlineData(RegionLevel.Province)]
    public void Level_AsCreated_Kept(RegionLevel level) => Assert.Equal(level, new RegionTally(level).Level);

    [Fact]
    public void Rows_ManyRegions_MostEligibleFirstThenByKey()
    {
        var tally = new RegionTally(RegionLevel.County);
        var scorer = new BatchScorer(BuiltInRuleSets.AliResearch);
        void Add(string county, bool eligible) => tally.Add(scorer.ScoreOne(new VillageRecord(new VillageCode($"{county}{Guid.NewGuid():N}"))
        {
            Province = "浙江省", City = "金华市", County = county, Committee = CommitteeKind.Village, Households = 400, ActiveShops = 150,
            AnnualSales = Cny.FromYuan(eligible ? 20_000_000m : 1m),
        }));
        Add("C县", true);
        Add("B县", false);
        Add("A县", false);
        Add("C县", false);
        Add("D县", true);

        Assert.Equal(["C县 1 1 0", "D县 1 0 0", "A县 0 1 0", "B县 0 1 0"], tally.Rows().Select(r => $"{r.Region.County} {r.Eligible} {r.NotEligible} {r.Indeterminate}"));
        Assert.Throws<ArgumentNullException>(() => tally.Add(null!));
    }
}

public class TownAggregatorEdgeTests
{
    [Fact]
    public void Decide_VillageRuleSet_RefusedNamingTheRuleSet()
    {
        var ex = Assert.Throws<ArgumentException>(() => TownAggregator.Decide(new TownshipFigures("330782001"), BuiltInRuleSets.AliResearch));

        Assert.Equal("rules", ex.ParamName);
        Assert.StartsWith($"The rule set {BuiltInRuleSets.AliResearch} decides about villages; towns need a township rule set.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_VillageRuleSet_RefusedNamingTheRuleSet()
    {
        var village = new VillageResult(new Region("p", "c", "k", "t"), "v", 2016, Eligibility.Eligible);

        var ex = Assert.Throws<ArgumentException>(() => TownAggregator.Towns([village], BuiltInRuleSets.Classic));

        Assert.StartsWith($"The rule set {BuiltInRuleSets.Classic} decides about villages; towns need a township rule set.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("330782001", "330782001")]
    [InlineData("33078200X", null)]
    [InlineData("3307820011", null)]
    public void Decide_Township_RegionFromItsNamesCodeOnlyWhenNineDigits(string code, string? townshipCode)
    {
        var named = TownAggregator.Decide(new TownshipFigures(code) { Name = "稠城街道", Province = "浙江省", City = "金华市", County = "义乌市", TaobaoVillages = 3 }, BuiltInRuleSets.AliResearchTown2014);
        var bare = TownAggregator.Decide(new TownshipFigures(code) { TaobaoVillages = 3 }, BuiltInRuleSets.AliResearchTown2014);

        Assert.Equal(new Region("浙江省", "金华市", "义乌市", "稠城街道") { TownshipCode = townshipCode }, named.Region);
        Assert.Equal(new Region(string.Empty, string.Empty, string.Empty, code) { TownshipCode = townshipCode }, bare.Region);
        Assert.True(named.IsTaobaoTown);
    }

    private static VillageResult Scored(string province, string city, string county, string township, int year, int index, long? shops = 100, long? households = 400, long? engaged = 50, decimal? sales = 5_000_000m)
    {
        var record = new VillageRecord(new VillageCode($"v{year}{township}{index}"))
        {
            Year = year, Province = province, City = city, County = county, Township = township, Committee = CommitteeKind.Village,
            Households = households, EcommerceHouseholds = engaged, ActiveShops = shops, AnnualSales = sales is { } s ? Cny.FromYuan(s) : null,
        };
        return VillageResult.FromScored(BatchScorer.ForYears().ScoreOne(record))!;
    }

    [Fact]
    public void Towns_FiguresComplete_SummedIntoTheTownship()
    {
        var town = Assert.Single(TownAggregator.Towns([Scored("浙江省", "金华市", "义乌市", "甲镇", 2019, 1), Scored("浙江省", "金华市", "义乌市", "甲镇", 2019, 2, shops: 50, households: 300, engaged: 20, sales: 1_000_000m)], BuiltInRuleSets.ForTownshipYear));

        Assert.Equal((6_000_000m, 150L, 700L, 70L, 2), (town.Figures.AnnualSales!.Value.Yuan, town.Figures.ActiveShops, town.Figures.Households, town.Figures.EcommerceHouseholds, town.Villages));
    }

    [Theory]
    // One figure missing in one village, the town not reached on what is known: that figure is unknown, the others kept.
    [InlineData("shops")]
    [InlineData("households")]
    [InlineData("engaged")]
    public void Towns_OneFigureMissingAndNotReached_ThatFigureUnknownOthersSummed(string missing)
    {
        var second = Scored("浙江省", "金华市", "义乌市", "甲镇", 2019, 2,
            shops: missing == "shops" ? null : 50, households: missing == "households" ? null : 300, engaged: missing == "engaged" ? null : 20, sales: 1_000_000m);

        var town = Assert.Single(TownAggregator.Towns([Scored("浙江省", "金华市", "义乌市", "甲镇", 2019, 1), second], BuiltInRuleSets.ForTownshipYear));

        Assert.Equal(6_000_000m, town.Figures.AnnualSales!.Value.Yuan);
        Assert.Equal(missing == "shops" ? null : 150L, town.Figures.ActiveShops);
        Assert.Equal(missing == "households" ? null : 700L, town.Figures.Households);
        Assert.Equal(missing == "engaged" ? null : 70L, town.Figures.EcommerceHouseholds);
        Assert.False(town.IsTaobaoTown);
    }

    [Fact]
    public void Towns_FiguresCompleteButOneVillageUndecided_UndecidedNotNo()
    {
        // Two Taobao Villages and one whose committee is unknown, every figure known: under "3 or more" the town is open.
        var villages = new[] { 1, 2, 3 }.Select(i => Scored("浙江省", "金华市", "义乌市", "甲镇", 2021, i, sales: 20_000_000m)).ToList();
        villages[2] = VillageResult.FromScored(BatchScorer.ForYears().ScoreOne(villages[2].Record! with { Committee = null }))!;

        var town = Assert.Single(TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown2014));

        Assert.Equal((2, 1), (town.QualifyingVillages.Count, town.UndecidedVillages.Count));
        Assert.Equal(Eligibility.Indeterminate, town.Verdict.Eligibility);
    }

    [Fact]
    public void Towns_NoVillageWithSales_SalesUnknownNotZero()
    {
        var town = Assert.Single(TownAggregator.Towns([Scored("浙江省", "金华市", "义乌市", "甲镇", 2019, 1, sales: null), Scored("浙江省", "金华市", "义乌市", "甲镇", 2019, 2, sales: null)], BuiltInRuleSets.ForTownshipYear));

        Assert.Null(town.Figures.AnnualSales);
        Assert.Equal(200L, town.Figures.ActiveShops);
    }

    [Fact]
    public void Towns_ManyPlaces_OrderedByYearProvinceCityCountyTownship()
    {
        string[] keys = ["2020 浙江 金华市 义乌市 乙镇", "2020 浙江 金华市 义乌市 甲镇", "2020 浙江 金华市 东阳市 甲镇", "2020 浙江 杭州市 义乌市 甲镇", "2020 江苏 金华市 义乌市 甲镇", "2019 浙江 金华市 义乌市 甲镇"];
        var villages = keys.Select(k => k.Split(' ')).Select((p, i) => Scored(p[1] + "省", p[2], p[3], p[4], int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), i));

        var towns = TownAggregator.Towns(villages, BuiltInRuleSets.ForTownshipYear);

        var expected = keys.Select(k => k.Split(' ')).OrderBy(p => p[0], StringComparer.Ordinal).ThenBy(p => p[1], StringComparer.Ordinal).ThenBy(p => p[2], StringComparer.Ordinal)
            .ThenBy(p => p[3], StringComparer.Ordinal).ThenBy(p => p[4], StringComparer.Ordinal).Select(p => string.Join(' ', p));
        Assert.Equal(expected, towns.Select(t => $"{t.Year} {t.Region.ProvinceKey} {t.Region.City} {t.Region.County} {t.Region.Township}"));
        Assert.Equal("2019 浙江 金华市 义乌市 甲镇", $"{towns[0].Year} {towns[0].Region.ProvinceKey} {towns[0].Region.City} {towns[0].Region.County} {towns[0].Region.Township}");
    }

    [Fact]
    public void Counties_SeveralTownships_SumsCountsAndOrder()
    {
        // County A: one town of 3 Taobao Villages, one township with 1 and 2 undecided; counties B and D: one township with 2
        // each (equal: by key); county C in 2015 (years first); 2014 township rules.
        VillageResult V(string county, string township, string name, Eligibility e) => new(new Region("浙江省", "金华市", county, township), name, 2016, e);
        var villages = new[]
        {
            V("A县", "甲镇", "1", Eligibility.Eligible), V("A县", "甲镇", "2", Eligibility.Eligible), V("A县", "甲镇", "3", Eligibility.Eligible), V("A县", "甲镇", "5", Eligibility.Indeterminate),
            V("A县", "乙镇", "1", Eligibility.Eligible), V("A县", "乙镇", "2", Eligibility.Indeterminate), V("A县", "乙镇", "3", Eligibility.Indeterminate), V("A县", "乙镇", "4", Eligibility.NotEligible),
            V("D县", "戊镇", "1", Eligibility.Eligible), V("D县", "戊镇", "2", Eligibility.Eligible),
            V("B县", "丙镇", "1", Eligibility.Eligible), V("B县", "丙镇", "2", Eligibility.Eligible),
            new(new Region("浙江省", "金华市", "C县", "丁镇"), "1", 2015, Eligibility.Eligible),
        };

        var counties = RegionAggregator.Counties(TownAggregator.Towns(villages, BuiltInRuleSets.AliResearchTown2014));

        Assert.Equal(["2015 C县", "2016 A县", "2016 B县", "2016 D县"], counties.Select(c => $"{c.Year} {c.Region.County}"));
        var a = counties[1];
        Assert.Equal((4, 3, 1, 1, 2, 8), (a.TaobaoVillages, a.UndecidedVillages, a.TaobaoTowns, a.UndecidedTowns, a.Townships, a.Villages));
        Assert.Equal((2, 0, 0, 0, 1, 2), (counties[2].TaobaoVillages, counties[2].UndecidedVillages, counties[2].TaobaoTowns, counties[2].UndecidedTowns, counties[2].Townships, counties[2].Villages));
    }

    [Fact]
    public void Add_EachVillage_Counted()
    {
        var aggregator = new RegionAggregator();
        aggregator.AddRange([new VillageResult(new Region("p", "c", "k", "t"), "v", 2016, Eligibility.Eligible), new VillageResult(new Region("p", "c", "k", "t"), "w", 2016, Eligibility.NotEligible)]);

        Assert.Equal(2, aggregator.Count);
        Assert.Throws<ArgumentNullException>(() => aggregator.AddRange(null!));
    }

    [Fact]
    public void Years_VillagesOfThreeYearsInAnyOrder_EachOnceInOrder()
    {
        var aggregator = new RegionAggregator();
        foreach (var year in new[] { 2016, 2014, 2016, 2015 })
        {
            aggregator.Add(new VillageResult(new Region("p", "c", "k", "t" + year), "v", year, Eligibility.Eligible));
        }

        Assert.Equal([2014, 2015, 2016], aggregator.Years);
        Assert.Equal(4, aggregator.Count);
    }
}

public class JsonRecordReaderEdgeTests
{
    [Fact]
    public void ReadJsonLines_CommentAfterTheObject_RejectedKeepingTheKey()
    {
        // Other text after the object is Newtonsoft's own error; a comment is a token it hands back.
        var row = Assert.Single(JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"330782100001\",\"households\":4} /* c */\n"), "in.jsonl"));

        var problem = Assert.Single(row.Problems);
        Assert.Equal(("*", RecordProblemCodes.Malformed, "Unexpected content after the object."), (problem.Field, problem.Code, problem.Message));
        Assert.Equal("{\"village_code\":\"330782100001\",\"households\":4} /* c */", problem.Value);
        Assert.Equal((1L, "in.jsonl"), (row.Line, row.Source));
        Assert.Equal("330782100001", row.Parsed.Key);
    }

    [Fact]
    public void ReadJsonArray_CommentAfterTheArray_OneRejectedRowThenStops()
    {
        var rows = JsonRecordReader.ReadJsonArray(new StringReader("[{\"village_code\":\"1\",\"households\":4}]\n/* c */ [{\"village_code\":\"2\"}]")).ToList();

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsValid);
        var problem = Assert.Single(rows[1].Problems);
        Assert.Equal(("*", RecordProblemCodes.Malformed, "Unexpected content after the array."), (problem.Field, problem.Code, problem.Message));
        Assert.Equal(2, rows[1].Line);
    }

    [Fact]
    public void ReadJsonArray_StringLongerThanTheLimit_FieldNamedAndValueDropped()
    {
        var options = new JsonRecordReaderOptions { MaxLineLength = 40 };
        var element = "{\"village_code\":\"1\",\"note\":\"" + new string('x', 41) + "\"}";

        var row = Assert.Single(JsonRecordReader.ReadJsonArray(new StringReader("[" + element + "]"), options: options));

        var problem = Assert.Single(row.Problems);
        Assert.Equal(("note", RecordProblemCodes.Malformed, "The string is too long."), (problem.Field, problem.Code, problem.Message));
        Assert.Equal("1", row.Parsed.Key);
    }

    [Fact]
    public void ReadJsonArray_StringExactlyAtTheLimit_Kept()
    {
        var row = Assert.Single(JsonRecordReader.ReadJsonArray(new StringReader("[{\"village_code\":\"1\",\"households\":4,\"note\":\"" + new string('x', 40) + "\"}]"),
            options: new JsonRecordReaderOptions { MaxLineLength = 40 }));

        Assert.Equal(new string('x', 40), row.Value!.Attributes["note"]);
    }

    [Fact]
    public void ReadJsonArray_TwoBadValuesInOneObject_TheFirstNamed()
    {
        var text = "[{\"village_code\":\"1\",\"a\":\"" + new string('x', 41) + "\",\"b\":\"" + new string('y', 41) + "\"},{\"village_code\":\"2\",\"c\":[[[1]]],\"d\":[[[1]]]}]";

        var rows = JsonRecordReader.ReadJsonArray(new StringReader(text), options: new JsonRecordReaderOptions { MaxLineLength = 40, MaxDepth = 2 }).ToList();

        Assert.Equal(["a", "c"], rows.Select(r => Assert.Single(r.Problems).Field));
    }

    [Fact]
    public void ReadJsonLines_BooleanValues_ReadAsTrueAndFalseText()
    {
        var rows = JsonRecordReader.ReadJsonLines(new StringReader("{\"village_code\":\"1\",\"households\":4,\"flag\":true}\n{\"village_code\":\"2\",\"households\":4,\"flag\":false}\n")).ToList();

        Assert.Equal(["true", "false"], rows.Select(r => r.Value!.Attributes["flag"]));
    }
}

public class OutputRowJsonWriterEdgeTests
{
    [Fact]
    public void Format_Booleans_JsonLiterals() =>
        Assert.Equal("{\"yes\":true,\"no\":false}", OutputRowJsonWriter.FormatLine([new("yes", true), new("no", false)]));

    [Fact]
    public void Format_ValueNoFormatWrites_RefusedNamingFieldAndType()
    {
        var ex = Assert.Throws<ArgumentException>(() => OutputRowJsonWriter.FormatLine([new("when", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc))]));

        Assert.StartsWith("The field 'when' holds a DateTime, which no output format writes.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("field", ex.ParamName);
    }

    [Fact]
    public void FormatLine_EachKindOfValue_WrittenItsOneWay()
    {
        var verdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(new VillageRecord(new VillageCode("1")) { Households = 400 });

        var line = OutputRowJsonWriter.FormatLine([new("none", null), new("money", 1.5m), new("count", 3L), new("rules", BuiltInRuleSets.AliResearch), new("criteria", verdict)]);

        Assert.Equal($"{{\"none\":null,\"money\":1.5,\"count\":3,\"rules\":{VerdictJsonWriter.FormatRuleSet(BuiltInRuleSets.AliResearch)},\"criteria\":{VerdictJsonWriter.FormatCriteria(verdict)}}}", line);
    }
}

public class VerdictTableEdgeTests
{
    private static readonly VerdictTable Table = new(BatchScorer.ForYears().RuleSets);

    private static ScoredRow Score(VillageRecord record) => BatchScorer.ForYears().ScoreOne(record);

    private static VillageRecord Village(int? year, long? households = 400, long? shops = 150, decimal sales = 20_000_000m, CommitteeKind committee = CommitteeKind.Village) =>
        new(new VillageCode("330782100001")) { Name = "某村", Year = year, Committee = committee, Households = households, ActiveShops = shops, AnnualSales = Cny.FromYuan(sales) };

    [Fact]
    public void Row_Eligible_EveryFieldNamedAndFilled()
    {
        var fields = Table.Row(Score(Village(2021)));

        Assert.Equal(Table.Columns, fields.Select(f => f.Name));
        Assert.Equal(["line", "village_code", "year", "verdict", "rule_set", "rule_set_version"], fields.Take(6).Select(f => f.Name));
        Assert.Equal([0L, "330782100001", 2021, "eligible", "aliresearch", BuiltInRuleSets.AliResearch.Version], fields.Take(6).Select(f => f.Value));
        var byName = fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(("pass", null, null, "某村"), (byName["annual-sales"], byName["needs"], byName["errors"], byName["village_name"]));
        Assert.Equal(20_000_000m, byName["annual-sales value"]);
        Assert.Null(byName["annual-sales shortfall"]);
    }

    [Fact]
    public void Row_ResidentsCommittee_CannotPassByRaisingFigures() =>
        Assert.Equal("cannot pass by raising figures", Table.Row(Score(Village(2021, committee: CommitteeKind.Residents))).Single(f => f.Name == "needs").Value);

    [Fact]
    public void Row_SeveralWaysToPass_JoinedWithOr()
    {
        var row = Score(Village(2021, households: null, shops: 50));

        var needs = (string)Table.Row(row).Single(f => f.Name == "needs").Value!;

        Assert.Equal(string.Join(" | or | ", row.Verdict!.PathsToPass(3).Select(p => p.ToString())), needs);
        Assert.Contains(" | or | ", needs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2016, "aliresearch-2014")]
    [InlineData(2021, "aliresearch")]
    [InlineData(null, "aliresearch")]
    public void Row_Invalid_RuleSetOfItsYearAndEveryError(int? year, string ruleSet)
    {
        var fields = Table.Row(Score(Village(year, households: 0)));

        var byName = fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(("invalid", ruleSet, null), (byName["verdict"], byName["rule_set"], byName["annual-sales"]));
        Assert.Equal("households: Households must be greater than zero. [zero-households]", byName["errors"]);
    }

    [Fact]
    public void Constructor_NoRuleSets_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VerdictTable([]));

        Assert.Equal("ruleSets", ex.ParamName);
        Assert.StartsWith("At least one rule set is needed.", ex.Message, StringComparison.Ordinal);
    }
}

public class ColumnMapJsonEdgeTests
{
    [Fact]
    public void Parse_NotJson_SaysWhereAndWhy()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ColumnMapJson.Parse("{\"户数\": ", "map.json"));

        Assert.StartsWith("map.json: not JSON (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedPastFourLevels_NotJson()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ColumnMapJson.Parse("{\"a\": [[[[[1]]]]]}"));

        Assert.StartsWith("column map: not JSON (", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDepth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Null_Refused() => Assert.Throws<ArgumentNullException>(() => ColumnMapJson.LoadFile(null!));

    [Fact]
    public void Parse_TargetNoSchemaKnows_InvalidDataNamingSourceWithoutParameterNote()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ColumnMapJson.Parse("{\"户数\": \"households\", \"网店\": \"shops_online\"}", "map.json"));

        Assert.StartsWith("map.json: The column map is invalid: '网店' → 'shops_online': no such field", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(ex.InnerException);
    }
}

public class RuleSetJsonEdgeTests
{
    [Fact]
    public void Save_NotIndentedWithoutTranslations_TheCanonicalForm() =>
        Assert.Equal(BuiltInRuleSets.Classic.CanonicalForm, RuleSetJson.Load(Untranslated(RuleSetJson.Save(BuiltInRuleSets.Classic))).RuleSet!.CanonicalForm);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Save_EitherForm_LoadsBackWithItsTranslations(bool indented)
    {
        var ruleSet = BuiltInRuleSets.AliResearch;

        var loaded = RuleSetJson.Load(RuleSetJson.Save(ruleSet, indented)).RuleSet!;

        Assert.Equal(ruleSet.CanonicalForm, loaded.CanonicalForm);
        Assert.Equal(ruleSet.Titles, loaded.Titles);
        Assert.Equal(ruleSet.Citation!.Quotes, loaded.Citation!.Quotes);
        Assert.Equal(ruleSet.Criteria.Titles, loaded.Criteria.Titles);
    }

    [Fact]
    public void Save_NotIndented_TheCanonicalFormWithTranslationsBesideTheirTexts()
    {
        var compact = RuleSetJson.Save(BuiltInRuleSets.AliResearch, indented: false);

        Assert.Equal(BuiltInRuleSets.AliResearch.CanonicalForm, Untranslated(compact));
        Assert.Equal(Parse(RuleSetJson.Save(BuiltInRuleSets.AliResearch)).ToString(Newtonsoft.Json.Formatting.None), compact);
    }

    private static JObject Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }

    /// <summary>The JSON without its translations (titles, sources, quotes), in the same order, compact.</summary>
    private static string Untranslated(string json)
    {
        var root = Parse(json);
        foreach (var property in root.Descendants().OfType<JProperty>().Where(p => p.Name is "titles" or "sources" or "quotes").ToList())
        {
            property.Remove();
        }

        return root.ToString(Newtonsoft.Json.Formatting.None);
    }

    [Fact]
    public void Save_Indented_TwoSpacesAndLineFeeds()
    {
        var json = RuleSetJson.Save(BuiltInRuleSets.AliResearch);

        Assert.StartsWith("{\n  \"", json, StringComparison.Ordinal);
        Assert.Contains("\n  \"id\": \"aliresearch\",\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.Equal(BuiltInRuleSets.AliResearch, RuleSetJson.Parse(json));
    }

    [Theory]
    [InlineData(40, "1000000000000000000000000000000000000000")]
    [InlineData(41, "10000000000000000000…0000000000")]
    public void Load_ThresholdOutOfRange_QuotedWholeUpTo40Characters(int digits, string quoted)
    {
        var json = "{ \"id\": \"x\", \"version\": \"1\", \"title\": \"X\", \"target\": \"village\", \"effectiveYears\": { \"from\": 2020 }, \"criteria\": "
            + $"{{ \"id\": \"c\", \"metric\": \"households\", \"comparison\": \"atLeast\", \"threshold\": 1{new string('0', digits - 1)}, \"unit\": \"households\" }} }}";

        Assert.Equal($"The threshold {quoted} is beyond the range of a decimal.", Assert.Single(RuleSetJson.Load(json).Problems).Message);
    }

    private static RuleSet Cited(string source, string? url = null, string? quote = null) => TestRules.Village("cited", 2020).CitedTo(source, url, quote).AllOf("root", all => all.Require("ok", Metrics.Metric.ActiveShops, c => c.AtLeast(1))).Build();

    [Fact]
    public void Save_CitationWithUrlAndQuote_WrittenInOrderAndReadBack()
    {
        var json = RuleSetJson.Save(Cited("AliResearch 2020", "https://example.org/r", "at least CN¥10M"), indented: false);

        Assert.Contains("\"citation\":{\"source\":\"AliResearch 2020\",\"url\":\"https://example.org/r\",\"quote\":\"at least CN¥10M\"}", json, StringComparison.Ordinal);
        Assert.Equal(new Citation("AliResearch 2020", "https://example.org/r", "at least CN¥10M"), RuleSetJson.Parse(json).Citation);
    }

    [Fact]
    public void Save_CitationSourceOnly_NoUrlNoQuote() =>
        Assert.Contains("\"citation\":{\"source\":\"AliResearch 2020\"}", RuleSetJson.Save(Cited("AliResearch 2020"), indented: false), StringComparison.Ordinal);
}

/// <summary>A village's result and its region: keys, names and levels, written out by hand.</summary>
public class VillageResultEdgeTests
{
    private static readonly Region Yiwu = new("浙江省", "金华市", "义乌市", "甲镇");

    [Fact]
    public void Key_WithoutCode_RegionAndName() =>
        Assert.Equal(("浙江/金华市/义乌市/甲镇/村一", "330782100001"), (new VillageResult(Yiwu, "村一", 2016, Eligibility.Eligible).Key, new VillageResult(Yiwu, "村一", 2016, Eligibility.Eligible) { Code = "330782100001" }.Key));

    [Theory]
    [InlineData(2019, null, 2019)]
    [InlineData(2019, 2020, 2019)]
    [InlineData(null, 2020, 2020)]
    public void FromScored_Year_RecordsOwnElseTheDefault(int? recordYear, int? defaultYear, int year)
    {
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("330782100001")) { Year = recordYear, Households = 4 });

        var result = VillageResult.FromScored(row, defaultYear)!;

        Assert.Equal(year, result.Year);
        Assert.Equal("330782100001", result.Village);
        Assert.Equal(new Region(string.Empty, string.Empty, string.Empty, string.Empty) { TownshipCode = "330782100" }, result.Region);
    }

    [Fact]
    public void FromScored_Named_TheNameNotTheCode() =>
        Assert.Equal("某村", VillageResult.FromScored(new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("330782100001")) { Name = "某村", Year = 2020, Households = 4 }))!.Village);

    [Fact]
    public void RegionKey_TownshipCodeElseNames() =>
        Assert.Equal(("330782001", "浙江/金华市/义乌市/甲镇"), ((Yiwu with { TownshipCode = "330782001" }).Key, Yiwu.Key));

    [Fact]
    public void FromScored_NoYearAnywhere_Null() =>
        Assert.Null(VillageResult.FromScored(new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("1")) { Households = 4 })));

    [Theory]
    [InlineData("330782001", "330782")]
    [InlineData("33078200X", "浙江/金华市/义乌市")]
    [InlineData(null, "浙江/金华市/义乌市")]
    public void CountyKey_NineDigitTownshipCodeElseNames(string? code, string key) => Assert.Equal(key, (Yiwu with { TownshipCode = code }).CountyKey);

    [Fact]
    public void At_EachLevel_CutToIt()
    {
        var region = Yiwu with { TownshipCode = "330782001" };

        Assert.Equal(new Region("浙江省", string.Empty, string.Empty, string.Empty), region.At(RegionLevel.Province));
        Assert.Equal(new Region("浙江省", "金华市", "义乌市", string.Empty), region.At(RegionLevel.County));
    }

    [Theory]
    [InlineData("省", "省")]
    [InlineData(" 浙江省 ", "浙江")]
    [InlineData("广西壮族自治区", "广西")]
    public void NormalizeProvince_SuffixOnlyWhenSomethingIsLeft(string province, string normalized) => Assert.Equal(normalized, Region.NormalizeProvince(province));
}

/// <summary>The verdict line's parts no other test pins: the rule-set object, the errors of a rejected row, a value not known.</summary>
public class VerdictJsonWriterEdgeTests
{
    [Fact]
    public void FormatRuleSet_IdVersionHashInOrder() =>
        Assert.Equal($"{{\"id\":\"aliresearch\",\"version\":\"{BuiltInRuleSets.AliResearch.Version}\",\"hash\":\"{BuiltInRuleSets.AliResearch.ContentHash}\"}}",
            VerdictJsonWriter.FormatRuleSet(BuiltInRuleSets.AliResearch));

    [Fact]
    public void FormatLine_TwoProblems_BothErrorsEachAtItsLine()
    {
        var problem = new RecordProblem("households", "x", RecordProblemCodes.NotANumber, "Not a number.");
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).Score([InputRow.Unreadable(7, "f.csv", problem with { Line = 3 }), InputRow.Unreadable(8, "f.csv", problem)]).ToList();

        var first = VerdictJsonWriter.FormatLine(row[0], BuiltInRuleSets.AliResearch);
        var second = VerdictJsonWriter.FormatLine(row[1], BuiltInRuleSets.AliResearch);

        var ruleSet = VerdictJsonWriter.FormatRuleSet(BuiltInRuleSets.AliResearch);
        Assert.Equal($"{{\"line\":7,\"village_code\":null,\"year\":null,\"verdict\":\"invalid\",\"rule_set\":{ruleSet},\"errors\":[{{\"line\":3,\"field\":\"households\",\"code\":\"not-a-number\",\"value\":\"x\",\"message\":\"Not a number.\"}}]}}", first);
        Assert.Contains("\"errors\":[{\"line\":8,", second, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLine_InvalidWithTwoProblems_CommaBetween()
    {
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("1")) { Households = 0, ActiveShops = -1 });

        var errors = Newtonsoft.Json.Linq.JObject.Parse(VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch))["errors"]!;

        Assert.Equal(["active_shops negative", "households zero-households"], errors.Select(e => $"{e["field"]} {e["code"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FormatLine_ValueMissing_ActualNull()
    {
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("1")) { Committee = CommitteeKind.Village, Households = 400, ActiveShops = 150 });

        Assert.Contains("{\"id\":\"annual-sales\",\"outcome\":\"unknown\",\"actual\":null,\"threshold\":10000000,\"unit\":\"cny\",\"shortfall\":null}",
            VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch), StringComparison.Ordinal);
    }

    [Fact]
    public void FormatLine_UndefinedDetail_RefusedNamingTheChoices()
    {
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("1")) { Households = 4 });

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch, (VerdictDetail)9));

        Assert.StartsWith("All, Failing or Verdict.", ex.Message, StringComparison.Ordinal);
        Assert.Equal("detail", ex.ParamName);
    }

    [Fact]
    public void FormatLine_LineLongerThanTheScratchBuffer_WrittenWholeThenShortOnesStill()
    {
        var row = new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode(new string('7', 100_000))) { Households = 4 });

        Assert.Contains(new string('7', 100_000), VerdictJsonWriter.FormatLine(row, BuiltInRuleSets.AliResearch), StringComparison.Ordinal);
        Assert.StartsWith("{\"line\":0,\"village_code\":\"1\"", VerdictJsonWriter.FormatLine(new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(new VillageRecord(new VillageCode("1")) { Households = 4 }), BuiltInRuleSets.AliResearch), StringComparison.Ordinal);
    }
}

public class SupportPlanJsonEdgeTests
{
    [Fact]
    public void FormatLine_PlannedVillage_EveryFieldInOrderEffortRoundedUp()
    {
        var village = new PlannedVillage(7, "330782100001", "某村", "330782100", 2016, 0.3333332m,
            [new Shortfall("annual-sales", Metrics.Metric.AnnualSales, 2_500_000m, Metrics.Unit.Cny), new Shortfall("active-shop-share", Metrics.Metric.ActiveShopShare, 20m, Metrics.Unit.Shops)],
            "330782100");

        Assert.Equal(
            "{\"village_code\":\"330782100001\",\"village_name\":\"某村\",\"township_code\":\"330782100\",\"year\":2016,\"line\":7,\"effort\":0.333334,"
            + "\"shortfalls\":[{\"criterion\":\"annual-sales\",\"metric\":\"annual_sales_cny\",\"amount\":2500000,\"unit\":\"cny\"},"
            + "{\"criterion\":\"active-shop-share\",\"metric\":\"active_shop_share\",\"amount\":20,\"unit\":\"shops\"}],\"completes_town\":\"330782100\"}",
            SupportPlanJson.FormatLine(village));
    }
}

/// <summary>The window that gives back a number's text as written, by Newtonsoft's line and position.</summary>
public class TextWindowTests
{
    private static TextWindow ReadAll(string text, int budget = 1 << 16)
    {
        var window = new TextWindow(new StringReader(text), budget);
        var buffer = new char[7];
        while (window.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return window;
    }

    [Theory]
    [InlineData(1, 5, "1.25")]
    [InlineData(1, 11, "-3e2")]
    [InlineData(3, 4, "0.5")]
    [InlineData(4, 2, "42")]
    public void NumberEndingAt_LinesEndedEachWay_TheDigitsAsWritten(long line, int position, string number) =>
        Assert.Equal(number, ReadAll("[1.25, -3e2,\r\n\n 0.5,\r42]").NumberEndingAt(line, position));

    [Theory]
    [InlineData(9, 1)]
    [InlineData(1, 1)]
    [InlineData(1, 40)]
    [InlineData(1, 6)]
    public void NumberEndingAt_NoNumberThereOrNotYetRead_Null(long line, int position) => Assert.Null(ReadAll("[1.25, -3e2]").NumberEndingAt(line, position));

    [Fact]
    public void NumberEndingAt_LeftTheWindow_Null()
    {
        // The window holds 64 Ki characters: a number that far back has been written over.
        var window = new TextWindow(new StringReader("[1," + new string(' ', 70_000) + "2]"), 1 << 16);
        var buffer = new char[1000];
        while (window.Read(buffer, 0, buffer.Length) > 0)
        {
            window.ResetBudget();
        }

        Assert.Null(window.NumberEndingAt(1, 2));
        Assert.Equal("2", window.NumberEndingAt(1, 70_004));
    }

    [Fact]
    public void Read_PastTheBudget_ElementTooLongUntilReset()
    {
        var window = new TextWindow(new StringReader(new string('x', 100)), 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal('x', window.Read());
        }

        window.ResetBudget();
        Assert.Equal('x', window.Read());
        Assert.Equal('x', window.Peek());
        for (var i = 0; i < 9; i++)
        {
            window.Read();
        }

        Assert.Equal(10, Assert.Throws<ElementTooLongException>(() => window.Read()).Limit);
    }

    [Fact]
    public void Dispose_ClosesTheInner()
    {
        var inner = new StringReader("x");
        new TextWindow(inner, 10).Dispose();

        Assert.Throws<ObjectDisposedException>(() => inner.Read());
    }
}

public class JsonNumberTextTests
{
    [Theory]
    [InlineData("123", 3, "123")]
    [InlineData("a 12", 10, "12")]
    [InlineData("x:-1.5e+3,", 9, "-1.5e+3")]
    [InlineData("x: 1", 3, null)]
    public void EndingAt_Line_TheNumberBeforeTheEnd(string line, int end, string? number) => Assert.Equal(number, JsonNumberText.EndingAt(line, end));
}
