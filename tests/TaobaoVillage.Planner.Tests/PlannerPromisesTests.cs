using System.Text.RegularExpressions;
using Spectre.Console.Testing;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.Planner;
using TaobaoVillage.Testing.National;

namespace TaobaoVillage.Tests;

/// <summary>What the README and the help promise about the planner as a program: help everywhere, plain text in pipes, a progress bar for big files.</summary>
public class PlannerAppPromisesTests
{
    public static TheoryData<string> Commands() => [.. CommandNames()];

    [Fact]
    public void Help_Root_ListsEveryCommand()
    {
        Assert.Equal(["score", "generate", "towns", "counties", "compare-years", "explain", "near-misses", "what-if", "rules", "report", "plan"], CommandNames());
    }

    /// <summary>The commands the root help lists, so a new command is covered by the help test without touching it.</summary>
    private static List<string> CommandNames()
    {
        // The help's own headings follow the UI culture ("Befehle:", "命令:"): read it in English.
        var help = CultureScope.Run("", () => PlannerRun.Run("--help").Out);
        return Regex.Matches(help[help.IndexOf("Commands:", StringComparison.Ordinal)..], @"(?m)^  ([a-z-]+)\b").Select(m => m.Groups[1].Value).ToList();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_EveryCommand_UsageAndExamplesExitZero(string command)
    {
        var (code, stdout, stderr, _) = CultureScope.Run("", () => PlannerRun.Run(command, "--help"));

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains($"Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains(command, stdout, StringComparison.Ordinal);
        if (command != "rules")
        {
            Assert.Contains("Example", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_RedirectedOutput_PlainTextAt140Columns()
    {
        var stdout = new StringWriter();

        var code = PlannerApp.Run(["score"], stdout, new StringWriter(), console: null, redirected: true);

        var text = stdout.ToString();
        Assert.Equal(PlannerApp.Ok, code);
        Assert.DoesNotContain('\u001b', text);
        var widest = text.Split('\n').Max(l => l.Length);
        Assert.InRange(widest, 100, 140);
    }

    [Fact]
    public void ProgressDisplay_InteractiveAndLargeFile_DrawsABarThenClearsIt()
    {
        using var file = new TempFile(".csv");
        using (var writer = new StreamWriter(file.Path))
        {
            NationalRecords.Write(writer, new NationalRecordsOptions { Rows = 120_000 });
        }

        Assert.True(new FileInfo(file.Path).Length >= ProgressDisplay.MinimumBytes);
        var console = new TestConsole().Interactive().Width(120);
        console.Profile.Capabilities.Ansi = true;
        var reported = new List<long>();

        ProgressDisplay.Run(console, file.Path, report =>
        {
            foreach (var n in new long[] { 1_000, 60_000, 120_000 })
            {
                report(n);
                reported.Add(n);
            }
        });

        Assert.Equal([1_000, 60_000, 120_000], reported);
        Assert.Contains($"scoring {Path.GetFileName(file.Path)} (~", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressDisplay_SmallFile_NoBar()
    {
        var console = new TestConsole().Interactive();
        var ran = false;

        ProgressDisplay.Run(console, Inputs.SamplePath, _ => ran = true);

        Assert.True(ran);
        Assert.Equal(string.Empty, console.Output);
    }

    [Fact]
    public void Generate_Rows_HeaderRowsAndBrokenRowsAllRejected()
    {
        using var folder = new TempFolder();
        var output = folder.File("g.csv");

        var (code, stdout, _, _) = PlannerRun.Run("generate", "--seed", "5", "--rows", "5000", "--broken-rate", "0.01", "--codes", "/nonexistent-so-synthetic.gz", "--output", output);

        // A codes file that does not exist is an error, not a silent switch to synthetic codes.
        Assert.Equal(PlannerApp.Failed, code);
        Assert.False(File.Exists(output));

        // The message is for people and follows the culture: read it in the invariant one.
        (code, stdout, _, _) = CultureScope.Run("", () => PlannerRun.Run("generate", "--seed", "5", "--rows", "5000", "--broken-rate", "0.01", "--output", output));

        Assert.Equal(PlannerApp.Ok, code);
        var broken = long.Parse(Regex.Match(stdout, @"5,000 rows \((\d+) broken on purpose\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(broken, 20, 90);
        var lines = File.ReadAllLines(output);
        Assert.Equal(string.Join(",", NationalRecords.Columns), lines[0]);
        Assert.Equal(5_001, lines.Length);
        var rejected = CsvRecordReader.ReadFile(output).Count(r => !r.Parsed.IsValid);
        Assert.Equal(broken, rejected);
    }
}

public class GenerateOutputNameTests
{
    [Theory]
    [InlineData("gen.xlsx", ".xlsx")]
    [InlineData("gen.JSONL", ".jsonl")]
    [InlineData("gen.parquet.gz", ".parquet")]
    public void Generate_OutputNamedForAnotherFormat_RefusedNothingWritten(string name, string extension)
    {
        using var folder = new TempFolder();

        var (code, stdout, stderr, _) = PlannerRun.Run("generate", "--rows", "10", "--output", folder.File(name));

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"error: generate writes CSV only; name the output .csv (or .csv.gz), not '{extension}'.", stderr.TrimEnd('\n'));
        Assert.Empty(folder.Names());
    }
}

public class CsvRecordReaderOptionsTests
{
    [Fact]
    public void AllowLineBreaksInQuotes_Off_QuotedLineBreakRejectsOnlyItsLines()
    {
        const string text = "village_code,village_name,households\n1,\"two\nlines\",400\n2,ok,300\n";

        var rows = CsvRecordReader.Read(new StringReader(text), "q.csv").ToList();

        Assert.True(rows.Last().Parsed.IsValid);
        Assert.Equal("2", rows.Last().Parsed.Key);
        Assert.Contains(rows, r => !r.Parsed.IsValid);
    }

    [Fact]
    public void AllowLineBreaksInQuotes_On_OneRecordAcrossTwoLines()
    {
        const string text = "village_code,village_name,households\n1,\"two\nlines\",400\n2,ok,300\n";

        var rows = CsvRecordReader.Read(new StringReader(text), "q.csv", CsvRecordReaderOptions.Default with { AllowLineBreaksInQuotes = true }).ToList();

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(r.Parsed.IsValid));
        Assert.Equal("two\nlines", rows[0].Parsed.Record!.Name);
        Assert.Equal(400, rows[0].Parsed.Record!.Households);
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public void Read_YearOutsideZeroTo9999_OutOfRange(string year)
    {
        var row = CsvRecordReader.Read(new StringReader($"village_code,year\n1,{year}\n")).Single();

        var problem = Assert.Single(row.Parsed.Problems);
        Assert.Equal(("year", RecordProblemCodes.OutOfRange), (problem.Field, problem.Code));
    }
}
