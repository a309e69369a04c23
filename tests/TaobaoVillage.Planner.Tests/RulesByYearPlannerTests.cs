using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Tests;

public class OfficialNamesPlannerTests
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
