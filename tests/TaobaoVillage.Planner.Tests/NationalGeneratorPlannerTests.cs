using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.IO;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Tests;

public class NationalGeneratorPlannerTests
{
    [Fact]
    public void Score_Generated100kRowsWithBrokenRows_EveryLineAccountedFor()
    {
        var input = Path.Combine(Path.GetTempPath(), $"tv-100k-{Guid.NewGuid():N}.csv");
        var output = Path.ChangeExtension(input, ".jsonl");
        try
        {
            GeneratedRows generated;
            using (var writer = new StreamWriter(input))
            {
                generated = NationalRecords.Write(writer, new NationalRecordsOptions { Seed = 42, Rows = 100_000, BrokenRate = 0.002 });
            }

            var stdout = new StringWriter();
            var code = TaobaoVillage.Planner.PlannerApp.Run(["score", "--input", input, "--format", "jsonl", "--output", output, "--parallel", "2", "--lang", "en"], stdout, new StringWriter(), new Spectre.Console.Testing.TestConsole());

            Assert.Equal(0, code);
            var lines = 0L;
            var invalid = 0L;
            var expectedLine = 2L;
            foreach (var text in File.ReadLines(output))
            {
                var json = Newtonsoft.Json.Linq.JObject.Parse(text);
                Assert.Equal(expectedLine++, (long)json["line"]!);
                if ((string?)json["verdict"] == "invalid")
                {
                    invalid++;
                    Assert.All(json["errors"]!, e => Assert.Equal((long)json["line"]!, (long)e["line"]!));
                }

                lines++;
            }

            // The generator says which rows it broke: exactly those, and no others, come out invalid.
            Assert.Equal(100_000, generated.Rows);
            Assert.InRange(generated.Broken, 100, 300);
            Assert.Equal(100_000, lines);
            Assert.Equal(generated.Broken, invalid);
            Assert.Contains($"read 100000, scored {100_000 - generated.Broken} ", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains($"rejected {generated.Broken} ", stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }
}
