using System.Globalization;
using Newtonsoft.Json.Linq;
using Parquet;
using TaobaoVillage.IO;
using TaobaoVillage.Parquet;
using TaobaoVillage.Planner;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Tests;

public class ParquetVerdictWriterPlannerTests
{
    // One file, three formats: every row's verdict, outcomes and shortfalls read back the same from each.
    [Fact]
    public async Task Score_GeneratedFileAsJsonLinesCsvAndParquet_SameVerdictsAndShortfalls()
    {
        using var folder = new TempFolder();
        var input = folder.File("generated.csv");
        using (var writer = new StreamWriter(input))
        {
            NationalRecords.Write(writer, new NationalRecordsOptions { Seed = 11, Rows = 3_000, BrokenRate = 0.01 });
        }

        var outputs = new[] { "v.jsonl", "v.csv", "v.parquet" }.Select(folder.File).ToArray();
        foreach (var output in outputs)
        {
            var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--output", output);
            Assert.True(code == PlannerApp.Ok, err);
        }

        var fromJson = File.ReadLines(outputs[0]).Select(ParquetVerdictWriterTests.FromJson).ToList();
        var fromCsv = ParquetVerdictWriterTests.FromCsv(outputs[1]);
        var fromParquet = await ParquetVerdictWriterTests.FromParquet(outputs[2]);

        Assert.Equal(3_000, fromJson.Count);
        Assert.Contains(fromJson, r => r.StartsWith("invalid", StringComparison.Ordinal));
        Assert.Contains(fromJson, r => r.StartsWith("eligible", StringComparison.Ordinal));
        Assert.Equal(fromJson, fromCsv);
        Assert.Equal(fromJson, fromParquet);
    }

    [Theory]
    [InlineData("9999999.0000000000000000001")]
    [InlineData("0.0000000000000000001")]
    [InlineData("170141183460469231732")]
    [InlineData("100000000000000000000")]
    public void Score_SalesDecimalParquetCannotHold_RefusedInOneLineNoFileLeft(string sales)
    {
        using var folder = new TempFolder();
        var input = folder.File("v.csv");
        File.WriteAllText(input, $"village_code,committee,households,active_shops,annual_sales_cny\n330782100201,village,400,150,{sales}\n");
        var output = folder.File("v.parquet");

        var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--output", output);

        Assert.Equal(1, code);
        Assert.Contains("cannot hold exactly", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Write_SalesWithEighteenPlaces_HeldExactly()
    {
        using var folder = new TempFolder();
        var input = folder.File("v.csv");
        File.WriteAllText(input, "village_code,committee,households,active_shops,annual_sales_cny\n330782100201,village,400,150,9999999999.000000000000000001\n");
        var output = folder.File("v.parquet");

        var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--output", output);

        Assert.True(code == PlannerApp.Ok, err);
        Assert.Contains("|9999999999.000000000000000001", Assert.Single(await ParquetVerdictWriterTests.FromParquet(output)), StringComparison.Ordinal);
    }
}
