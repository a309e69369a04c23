using System.Diagnostics;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>
/// The built planner as a child of a shell, its standard descriptors redirected, appended to, shared and closed: the
/// planner writes at the shell's offset, and a closed descriptor neither crashes it nor changes its result.
/// </summary>
[Collection("processes")]
public class StandardStreamsTests
{
    private static readonly string PlannerDll = Path.Combine(AppContext.BaseDirectory, "taobao-planner.dll");

    [Fact]
    public void RulesList_TwoRunsIntoOneRedirect_BothOutputsKept()
    {
        using var folder = new TempFolder();
        var once = Shell("\"$P\" rules list > one.txt", folder);
        var twice = Shell("{ \"$P\" rules list; \"$P\" rules list; } > two.txt", folder);

        Assert.Equal((0, 0), (once.Code, twice.Code));
        var lines = File.ReadAllLines(folder.File("one.txt"));
        Assert.Equal([.. lines, .. lines], File.ReadAllLines(folder.File("two.txt")));
    }

    [Fact]
    public void RulesList_AppendRedirect_EarlierLinesKept()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("log.txt"), "earlier\n");

        var run = Shell("\"$P\" rules list >> log.txt", folder);

        Assert.Equal(0, run.Code);
        var lines = File.ReadAllLines(folder.File("log.txt"));
        Assert.Equal("earlier", lines[0]);
        Assert.True(lines.Length > 10, string.Join('\n', lines));
    }

    [Fact]
    public void Score_CsvWithStderrIntoSameFile_HeaderAndSummaryBothKept()
    {
        using var folder = new TempFolder();

        var run = Shell($"\"$P\" score --input '{Inputs.SamplePath}' --format csv > both.txt 2>&1", folder);

        Assert.Equal(0, run.Code);
        var lines = File.ReadAllLines(folder.File("both.txt"));
        Assert.StartsWith("line,village_code,", lines[0], StringComparison.Ordinal);
        Assert.Equal(332, lines.Count(l => l.Length > 0 && char.IsAsciiDigit(l[0])));
        Assert.Contains(lines, l => l.Contains("read 332, scored 330", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_StderrClosedGb18030InputToFile_FileWrittenExitZero()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("gb.csv"), TaobaoVillage.Csv.CsvRecordReaderOptions.Gb18030.GetBytes(File.ReadAllText(Inputs.SamplePath)));

        var run = Shell("\"$P\" score --input gb.csv --format csv --output out.csv 2>&-", folder);

        Assert.Equal(0, run.Code);
        Assert.Equal(333, File.ReadAllLines(folder.File("out.csv")).Length);
        Assert.DoesNotContain("Exception", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_StdoutClosedOutputFile_FileCommittedExitZero()
    {
        using var folder = new TempFolder();

        var run = Shell($"\"$P\" score --input '{Inputs.SamplePath}' --format csv --output out.csv >&-", folder);

        Assert.Equal(0, run.Code);
        Assert.Equal(string.Empty, run.Err);
        Assert.Equal(333, File.ReadAllLines(folder.File("out.csv")).Length);
    }

    [Fact]
    public void Score_StdinClosed_ExitOneOneLine()
    {
        using var folder = new TempFolder();

        var run = Shell("\"$P\" score --input - <&-", folder);

        Assert.Equal(1, run.Code);
        Assert.Equal("error: standard input is closed; give a file with --input, or pipe the records in.", run.Err.TrimEnd('\n'));
    }

    /// <summary>Runs a bash command line in <paramref name="folder"/>, with $P the planner (in English).</summary>
    private static (int Code, string Out, string Err) Shell(string command, TempFolder folder)
    {
        var info = new ProcessStartInfo("bash", ["-c", "P() { dotnet \"$0\" \"$@\" --lang en; }; " + command.Replace("\"$P\"", "P", StringComparison.Ordinal), PlannerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder.Path,
        };
        info.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the planner did not end within 30 s");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
