using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

public partial class TerminalFitTests
{
    /// <summary>Codes, amounts (CN¥68,562.76, 73.75 万元), counts and shares (10.5%): a number with what is glued to it (not a piece of a hash).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(CN¥|￥)?\d[\d,.]*%?(?![0-9A-Za-z])")]
    private static partial Regex Number();

    public static TheoryData<string, int> Runs()
    {
        var runs = new TheoryData<string, int>();
        foreach (var command in new[] { "score --format table", "near-misses", "towns --input " + Inputs.SamplePath, "counties --input " + Inputs.SamplePath, "plan --villages 5", "explain 东高庄村" })
        {
            runs.Add(command, 60);
            runs.Add(command, 80);
        }

        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Run_NarrowTerminal_NoNumberOrCodeSplitAcrossLines(string command, int width)
    {
        var wide = Console(command, 220);
        var narrow = Console(command, width);

        var whole = Number().Matches(wide).Select(m => m.Value).ToHashSet();
        var cut = Number().Matches(narrow).Select(m => m.Value).Where(t => !whole.Contains(t)).ToList();
        Assert.True(cut.Count == 0, $"cut at {width}: {string.Join(" ", cut.Take(10))}\n{narrow}");
        Assert.Matches(@"\d{4}", narrow);
    }

    [Fact]
    public void Run_ScoreTableAt60_CodesWholeAndTheCriteriaLeftOutNamed()
    {
        var narrow = Console("score --format table", 60);

        Assert.Contains("130534100011", narrow, StringComparison.Ordinal);
        Assert.Contains("CN¥4,892,733.75", narrow, StringComparison.Ordinal);
        Assert.Contains("Not shown, the terminal being too narrow: annual-sales", narrow, StringComparison.Ordinal);
        Assert.All(narrow.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 60, line));
    }

    [Fact]
    public void Fit_WordsLongerThanTheirShare_EveryWordWholeTextWrapped()
    {
        var table = new Table();
        table.AddColumn("code");
        table.AddColumn("amount");
        table.AddColumn("note");
        table.AddRow("130534100215", "CN¥68,562.76", "a long note that can wrap between its words as much as it needs to");
        var console = new TestConsole().Width(46);

        console.Write(Terminal.Fit(table, RenderOptions.Create(console, console.Profile.Capabilities), 46));

        Assert.Contains("130534100215", console.Output, StringComparison.Ordinal);
        Assert.Contains("CN¥68,562.76", console.Output, StringComparison.Ordinal);
        Assert.Contains("between", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shown", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooNarrowForEveryColumn_OptionalColumnLeftOutAndNamed()
    {
        var table = new Table();
        table.AddColumn("code");
        table.AddColumn(Terminal.Optional(new TableColumn("ecommerce-households-share"), 1));
        table.AddColumn("amount");
        table.AddRow("130534100215", "pass", "CN¥68,562.76");

        var fitted = Terminal.Fit(table, RenderOptions.Create(new TestConsole(), new TestConsole().Profile.Capabilities), 40);

        Assert.Equal(2, fitted.Columns.Count);
        Assert.NotNull(fitted.Caption);
    }

    [Fact]
    public void Fit_TableThatFits_Unchanged()
    {
        var table = new Table();
        table.AddColumn("code");
        table.AddRow("130534100215");

        Assert.Same(table, Terminal.Fit(table, RenderOptions.Create(new TestConsole(), new TestConsole().Profile.Capabilities), 80));
    }

    private static string Console(string command, int width)
    {
        var console = new TestConsole().Width(width);
        PlannerApp.Run([.. command.Split(' '), "--lang", "en"], new StringWriter(), new StringWriter(), console);
        return console.Output;
    }
}
