using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public class TerminalTests
{
    private const string Attack = "\u001b[2J\u001b]0;PWNED\u0007村\u009b31m\u202Egnp.exe\u0000";

    [Theory]
    [InlineData("\u001b[2J", "␛[2J")]
    [InlineData("a\u0007b", "a␇b")]
    [InlineData("\u007f", "␡")]
    [InlineData("\u009b", "<U+009B>")]
    [InlineData("\u202Eabc", "<U+202E>abc")]
    [InlineData("\u2066x\u2069", "<U+2066>x<U+2069>")]
    [InlineData("青岩刘村 (义乌)", "青岩刘村 (义乌)")]
    [InlineData(null, "")]
    public void Clean_ControlCharacters_ShownNotObeyed(string? text, string expected) =>
        Assert.Equal(expected, Terminal.Clean(text));

    public static TheoryData<string> Commands() => ["score", "explain", "near-misses", "rules validate", "towns"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Run_HostileNames_NoControlCharacterReachesTheTerminal(string command)
    {
        using var folder = new TempFolder();
        var records = folder.File("villages.csv");
        File.WriteAllLines(records, [
            "village_code,village_name,county,township,year,committee,households,active_shops,annual_sales_cny",
            $"330782100001,\"{Attack}\",\"{Attack}\",\"{Attack}\",2016,village,400,30,9000000",
            $"330782100002,\"{Attack}\",\"{Attack}\",\"{Attack}\",2016,village,400,130,19000000",
            $"330782100003,x,y,z,2016,village,400,{Attack},9000000",
        ]);
        var rules = folder.File("rules.json");
        File.WriteAllText(rules, TaobaoVillage.Json.RuleSetJson.Save(TaobaoVillage.RuleSets.BuiltInRuleSets.Classic).Replace("Taobao Village, classic criteria", "\\u001b[2J\\u0007\\u202Eevil", StringComparison.Ordinal).Replace("\"metric\": \"main_platform\"", "\"metric\": \"\\u001b[2Jmain\"", StringComparison.Ordinal));
        string[] args = command switch
        {
            "explain" => ["explain", "330782100001", "--input", records],
            "rules validate" => ["rules", "validate", rules],
            "towns" => ["towns", "--input", records, "--all"],
            _ => [command, "--input", records],
        };

        var (_, stdout, stderr, console) = PlannerRun.Run(args);

        foreach (var text in new[] { stdout, stderr, console })
        {
            Assert.DoesNotContain(text, c => (c < 0x20 && c is not '\n' and not '\r') || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e');
        }

        Assert.Contains("␛[2J", stdout + stderr + console, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_HostileNames_HtmlEscaped()
    {
        using var folder = new TempFolder();
        var records = folder.File("villages.csv");
        File.WriteAllLines(records, [
            "village_code,village_name,county,township,year,committee,households,active_shops,annual_sales_cny",
            "330782100001,<script>alert(1)</script>,\"<img src=x onerror=alert(2)>\",t,2016,village,400,30,9000000",
        ]);
        var output = folder.File("report.html");

        var (code, _, _, _) = PlannerRun.Run("report", "--input", records, "--output", output);

        Assert.Equal(PlannerApp.Ok, code);
        var html = File.ReadAllText(output);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ControlCharactersInNames_ShownAsInTheTerminalNoRawByte()
    {
        using var folder = new TempFolder();
        var records = folder.File("villages.csv");
        File.WriteAllLines(records, [
            "village_code,village_name,county,township,year,committee,households,active_shops,annual_sales_cny",
            $"330782100001,\"{Attack}\",\"{Attack}\",\"{Attack}\",2016,village,400,30,9000000",
        ]);
        var output = folder.File("report.html");

        var (code, _, _, _) = PlannerRun.Run("report", "--input", records, "--output", output);

        Assert.Equal(PlannerApp.Ok, code);
        var html = File.ReadAllText(output);
        Assert.DoesNotContain(html, c => (c < 0x20 && c is not '\n') || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e');
        Assert.Contains("␛[2J", html, StringComparison.Ordinal);
    }
}
