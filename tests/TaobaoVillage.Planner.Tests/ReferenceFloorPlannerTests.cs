using System.Text;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Floor;
using TaobaoVillage.Planner;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Tests;

public class ReferenceFloorPlannerTests
{
    [Fact]
    public void Run_GeneratedFile_SameVerdictsAsThePlanner()
    {
        using var folder = new TempFolder();
        var input = folder.File("generated.csv");
        using (var writer = new StreamWriter(input))
        {
            NationalRecords.Write(writer, new NationalRecordsOptions { Seed = 5, Rows = 3_000 });
        }

        var planned = folder.File("v.jsonl");
        var (code, _, err, _) = PlannerRun.Run("score", "--input", input, "--rules", "aliresearch", "--detail", "verdict", "--output", planned);
        Assert.True(code == PlannerApp.Ok, err);
        using var floor = new MemoryStream();

        ReferenceFloor.Run(input, floor);

        var expected = File.ReadLines(planned).Select(JObject.Parse).Select(o => $"{o["line"]} {o["village_code"]} {o["verdict"]}").ToList();
        var actual = Encoding.UTF8.GetString(floor.ToArray()).TrimEnd('\n').Split('\n').Select(JObject.Parse).Select(o => $"{o["line"]} {o["village_code"]} {o["verdict"]}").ToList();
        Assert.Equal(3_000, actual.Count);
        Assert.Equal(expected, actual);
        Assert.Contains(actual, l => l.EndsWith(" eligible", StringComparison.Ordinal));
        Assert.Contains(actual, l => l.EndsWith(" indeterminate", StringComparison.Ordinal));
    }
}
