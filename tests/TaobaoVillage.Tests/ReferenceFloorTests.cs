using System.Text;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Floor;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Tests;

/// <summary>The benchmarks' floor is issue 12's: code and verdict only, and the same verdicts the library gives.</summary>
public class ReferenceFloorTests
{
    [Fact]
    public void Run_ThreeRows_WritesTheCompactLineOfIssue12()
    {
        using var folder = new TempFolder();
        var input = folder.File("villages.csv");
        File.WriteAllText(input, """
            village_code,committee,households,active_shops,annual_sales_cny
            330782001001,village,400,120,12000000
            330782001002,residents,400,120,12000000
            330782001003,village,400,,12000000

            """.ReplaceLineEndings("\n"));
        using var output = new MemoryStream();

        var rows = ReferenceFloor.Run(input, output);

        Assert.Equal(3, rows);
        Assert.Equal(
            "{\"line\":2,\"village_code\":\"330782001001\",\"verdict\":\"eligible\"}\n"
            + "{\"line\":3,\"village_code\":\"330782001002\",\"verdict\":\"not_eligible\"}\n"
            + "{\"line\":4,\"village_code\":\"330782001003\",\"verdict\":\"indeterminate\"}\n",
            Encoding.UTF8.GetString(output.ToArray()));
    }

}
