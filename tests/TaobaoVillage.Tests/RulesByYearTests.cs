using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

/// <summary>Every year by its own rules: the periods of docs/domain.md, and what codes and official names say.</summary>
public class OfficialNamesTests
{
    // Real rows of the NBS 2016 codes (shared/data/nbs-2016-village-codes.csv.gz): code, village name, township.
    [Theory]
    [InlineData("110101001001", "多福巷社区居委会", "东华门街道办事处", CommitteeKind.Residents, TownshipKind.Subdistrict)]
    [InlineData("130921211219", "儒林藻村委会", "高川乡", CommitteeKind.Village, TownshipKind.Township)]
    [InlineData("150521105226", "大五间房村村委会", "架玛吐镇", CommitteeKind.Village, TownshipKind.Township)]
    [InlineData("231226100034", "车站社区第四居委会", "绥棱镇", CommitteeKind.Residents, TownshipKind.Township)]
    [InlineData("420117005228", "罗大湾村委会", "李集街道办事处", CommitteeKind.Village, TownshipKind.Subdistrict)]
    [InlineData("511722224210", "扇坡村民委员会", "龙泉土家族乡", CommitteeKind.Village, TownshipKind.Township)]
    [InlineData("540227202201", "春哲村", "春哲乡", null, TownshipKind.Township)]
    [InlineData("640205005009", "荷花居委会", "河滨街道办事处", CommitteeKind.Residents, TownshipKind.Subdistrict)]
    public void KindsOf_RealNbsRows_FromTheNameAndTheCode(string code, string village, string township, CommitteeKind? committee, TownshipKind kind)
    {
        Assert.Equal(committee, OfficialNames.CommitteeKindOf(village));
        Assert.Equal(kind, OfficialNames.TownshipKindOf(code[..9], null));
        Assert.Equal(kind, OfficialNames.TownshipKindOf(null, township));
    }

    [Theory]
    [InlineData("330782001", null, TownshipKind.Subdistrict)]
    [InlineData("330782099", "佛堂镇", TownshipKind.Subdistrict)]
    [InlineData("330782100", "稠城街道", TownshipKind.Township)]
    [InlineData("330782399", null, TownshipKind.Township)]
    [InlineData("330782400", null, TownshipKind.Other)]
    [InlineData("330782599", null, TownshipKind.Other)]
    [InlineData("330782600", "稠城街道", TownshipKind.Subdistrict)]
    [InlineData("330782000", "佛堂镇", TownshipKind.Township)]
    [InlineData(null, "某开发区", null)]
    [InlineData(null, "", null)]
    [InlineData(null, null, null)]
    public void TownshipKindOf_CodeFirstThenName_ElseUnknown(string? code, string? name, TownshipKind? expected) =>
        Assert.Equal(expected, OfficialNames.TownshipKindOf(code, name));

    [Theory]
    [InlineData("前岙村", null)]
    [InlineData("前岙", null)]
    [InlineData("前岙村民委员会", CommitteeKind.Village)]
    [InlineData("潘寨社区居民委员会", CommitteeKind.Residents)]
    [InlineData("村委会大院", null)]
    public void CommitteeKindOf_OnlyTheOfficialSuffixesSpeak(string name, CommitteeKind? expected) =>
        Assert.Equal(expected, OfficialNames.CommitteeKindOf(name));
}

public class BatchScorerForYearsTests
{
    private static readonly Gen<int?> Years = Gen.Frequency((1, Gen.Constant<int?>(null)), (8, Gen.Choose(2000, 2030).Select(y => (int?)y)),
        (6, Gen.Elements<int?>(2013, 2014, 2019, 2020)));

    [Property(MaxTest = 300)]
    public Property Score_AnyRecordAnyYear_JudgedByTheSetOfItsYear() => Prop.ForAll(
        VillageArbitraries.Records(),
        Arb.From(Years),
        (record, year) =>
        {
            var row = BatchScorer.ForYears().Score([InputRow.FromRecord(record with { Year = year })]).Single();
            var expected = year switch
            {
                null or >= 2020 => "aliresearch",
                >= 2014 => "aliresearch-2014",
                >= 2009 => "classic",
                _ => null,
            };
            var beforeAnySet = expected is null && row.Verdict is null && row.Problems.Any(p => p.Field == FieldNames.Year && p.Code == RecordProblemCodes.OutOfRange);
            return (beforeAnySet || (expected is not null && (row.Verdict is null || row.Verdict.RuleSet.Id.Value == expected))).Label($"{year}: {row.Verdict?.RuleSet}");
        });

    [Property(MaxTest = 300)]
    public Property Score_ResidentsCommitteeWithStrongFigures_EligibleExactly2014To2019() => Prop.ForAll(
        Arb.From(Gen.Choose(2014, 2030)),
        Arb.From(Gen.Choose(100, 5_000)),
        Arb.From(Gen.Choose(10_000, 100_000)),
        (year, shops, tenThousands) =>
        {
            var record = new VillageRecord(new VillageCode("330782100001"))
            {
                Year = year, Committee = CommitteeKind.Residents, Households = 400, ActiveShops = shops, AnnualSales = Cny.FromTenThousandYuan(tenThousands),
            };
            var status = BatchScorer.ForYears().ScoreOne(record).Status;
            var villagers = BatchScorer.ForYears().ScoreOne(record with { Committee = CommitteeKind.Village }).Status;
            return (status == (year <= 2019 ? Eligibility.Eligible : Eligibility.NotEligible) && villagers == Eligibility.Eligible).Label($"{year}: {status}, villagers {villagers}");
        });

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2008)]
    public void Score_YearBeforeAnySet_RejectedNotJudgedByClassic(int year)
    {
        var record = new VillageRecord(new VillageCode("330782100001")) { Year = year, Committee = CommitteeKind.Village, Households = 400, ActiveShops = 150, AnnualSales = Cny.FromYuan(20_000_000m) };

        var row = BatchScorer.ForYears().ScoreOne(record);

        Assert.Equal(Eligibility.Invalid, row.Status);
        Assert.Contains("No rule set covers the year", Assert.Single(row.Problems).Message, StringComparison.Ordinal);
        Assert.NotNull(new BatchScorer(BuiltInRuleSets.Classic).ScoreOne(record).Verdict);
    }

    [Theory]
    [InlineData(2013, "classic")]
    [InlineData(2014, "aliresearch-2014")]
    [InlineData(2019, "aliresearch-2014")]
    [InlineData(2020, "aliresearch")]
    [InlineData(null, "aliresearch")]
    public void RuleSetFor_Year_TheSetInForce(int? year, string id) =>
        Assert.Equal(id, BatchScorer.ForYears().RuleSetFor(year).Id.Value);

    [Fact]
    public void ScoreOne_ForYearsUsesTheVerdictsOwnRuleSet_NotTheNewest() =>
        Assert.Equal("aliresearch-2014", BatchScorer.ForYears().ScoreOne(new VillageRecord(new VillageCode("1")) { Year = 2016 }).Verdict!.RuleSet.Id.Value);
}

public class TownRulesByYearTests
{
    [Property(MaxTest = 300)]
    public Property Decide_SubdistrictWithThreeTaobaoVillages_TownUntil2019OnlyTownshipsAfter() => Prop.ForAll(
        Arb.From(from year in Gen.Choose(2014, 2030)
                 from subdistrict in Gen.Choose(1, 99)
                 from township in Gen.Choose(100, 599)
                 from villages in Gen.Choose(3, 40)
                 select (year, subdistrict, township, villages)),
        t =>
        {
            var (year, subdistrict, township, villages) = t;
            static TownshipFigures Township(int part, int year, int villages) =>
                new(FormattableString.Invariant($"330782{part:D3}")) { Year = year, TaobaoVillages = villages };
            var rules = BuiltInRuleSets.ForTownshipYear(year);
            var sub = TownAggregator.Decide(Township(subdistrict, year, villages), rules).Verdict.Eligibility;
            var town = TownAggregator.Decide(Township(township, year, villages), rules).Verdict.Eligibility;
            return (sub == (year <= 2019 ? Eligibility.Eligible : Eligibility.NotEligible) && town == Eligibility.Eligible).Label($"{year}: sub-district {sub}, township {town}");
        });

    [Theory]
    [InlineData(2018, "aliresearch-town-2014")]
    [InlineData(2019, "aliresearch-town-2019")]
    [InlineData(2020, "aliresearch-town")]
    public void Towns_FromVillagesByYear_JudgedByTheTownSetOfThatYear(int year, string id)
    {
        var villages = Enumerable.Range(1, 3).Select(i => new VillageResult(new Region("浙江省", "金华市", "义乌市", "稠城街道") { TownshipCode = "330782001" }, $"村{i}", year, Eligibility.Eligible) { Code = $"330782001{i:D3}" });

        var town = TownAggregator.Towns(villages, BuiltInRuleSets.ForTownshipYear(year)).Single();

        Assert.Equal(id, town.Verdict.RuleSet.Id.Value);
        Assert.Equal(year < 2020, town.IsTaobaoTown);
    }
}

/// <summary>The issue's acceptance runs, through the planner as a planner would run them.</summary>
public class RulesByYearPlannerTests
{
    [Fact]
    public void Score_AutoOnResidentsCommittees_EligibleUntil2019NotFrom2020VillagersAlways()
    {
        using var folder = new TempFolder();
        var input = folder.File("years.csv");
        File.WriteAllLines(input, [
            "village_code,year,committee,households,active_shops,annual_sales_cny",
            .. new[] { 2016, 2019, 2020, 2021 }.SelectMany(y => new[] { $"3307821{y}01,{y},residents,400,150,15000000", $"3307821{y}02,{y},village,400,150,15000000" }),
        ]);

        var lines = PlannerRun.Run("score", "--input", input, "--rules", "auto", "--format", "csv").Out.TrimEnd('\n').Split('\n').Skip(1)
            .Select(l => l.Split(',')).Select(c => $"{c[2]} {c[1][^1]} {c[3]} {c[4]}").ToList();

        Assert.Equal([
            "2016 1 eligible aliresearch-2014", "2016 2 eligible aliresearch-2014",
            "2019 1 eligible aliresearch-2014", "2019 2 eligible aliresearch-2014",
            "2020 1 not_eligible aliresearch", "2020 2 eligible aliresearch",
            "2021 1 not_eligible aliresearch", "2021 2 eligible aliresearch"], lines);
    }

    [Fact]
    public void Score_NoCommitteeColumn_OfficialNamesDecideAndSaySo()
    {
        using var folder = new TempFolder();
        var input = folder.File("names.csv");
        File.WriteAllLines(input, [
            "village_code,village_name,year,households,active_shops,annual_sales_cny",
            "330782100201,前岙村民委员会,2021,400,150,15000000",
            "330782100202,后宅村委会,2021,400,150,15000000",
            "330782100203,江湾社区居民委员会,2021,400,150,15000000",
            "330782100204,稠城居委会,2021,400,150,15000000",
            "330782100205,前岙村,2021,400,150,15000000",
        ]);

        var lines = PlannerRun.Run("score", "--input", input, "--format", "jsonl").Out.TrimEnd('\n').Split('\n').Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();
        var off = PlannerRun.Run("score", "--input", input, "--format", "jsonl", "--no-name-inference").Out.TrimEnd('\n').Split('\n').Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();

        Assert.Equal(["eligible", "eligible", "not_eligible", "not_eligible", "indeterminate"], lines.Select(l => (string)l["verdict"]!));
        Assert.Equal(["village_name", "village_name", "village_name", "village_name", null], lines.Select(l => (string?)l["criteria"]![0]!["source"]));
        Assert.All(off, l => Assert.Equal("indeterminate", (string)l["verdict"]!));
        Assert.Contains("(read from the name 前岙村民委员会)", PlannerRun.Run("explain", "330782100201", "--input", input).Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Towns_Given2019And2021_SubdistrictCodeOutIn2021TownshipsIn()
    {
        using var folder = new TempFolder();
        var input = folder.File("townships.csv");
        File.WriteAllLines(input, [
            "township_code,township,year,taobao_villages",
            "330782001,稠城街道,2019,5",
            "330782001,稠城街道,2021,5",
            "330782002,,2021,5",
            "330782101,佛堂镇,2021,3",
            "330782201,某乡,2021,3",
        ]);

        var towns = PlannerRun.Run("towns", "--townships", input, "--all", "--format", "jsonl").Out.TrimEnd('\n').Split('\n').Select(Newtonsoft.Json.Linq.JObject.Parse).ToList();

        Assert.Equal(["2019 330782001 eligible 5", "2021 330782001 not_eligible 5", "2021 330782002 not_eligible 5", "2021 330782101 eligible 3", "2021 330782201 eligible 3"],
            towns.Select(t => $"{t["year"]} {t["township_code"]} {t["verdict"]} {t["taobao_villages"]}"));
    }
}
