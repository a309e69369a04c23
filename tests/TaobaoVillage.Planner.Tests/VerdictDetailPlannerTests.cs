using System.Buffers;
using System.Text;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.IO;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class VerdictDetailPlannerTests
{
    [Fact]
    public void Score_DetailVerdictToFileAndStdout_SameShortLines()
    {
        using var folder = new TempFolder();
        var file = folder.File("v.jsonl");

        var (code, stdout, _, _) = PlannerRun.Run("score", "--input", TestData.File("mixed.csv"), "--format", "jsonl", "--detail", "verdict");
        var (fileCode, _, _, _) = PlannerRun.Run("score", "--input", TestData.File("mixed.csv"), "--output", file, "--detail", "verdict");
        var (bad, _, err, _) = PlannerRun.Run("score", "--detail", "some");

        Assert.Equal((PlannerApp.Ok, PlannerApp.Ok), (code, fileCode));
        Assert.Equal(stdout, File.ReadAllText(file));
        Assert.DoesNotContain("\"criteria\"", stdout, StringComparison.Ordinal);
        Assert.Equal(18, stdout.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(PlannerApp.Usage, bad);
        Assert.Contains("some", err, StringComparison.Ordinal);
    }
}
