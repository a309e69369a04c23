using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>Every command's --output: never an input, written all or nothing, in the format asked.</summary>
public class PlannerOutputTests
{
    private static readonly string[] Spellings = ["same", "dot", "dotdot", "symlink", "hardlink"];

    // Found in issue 12: with --bom the text writer's byte-order mark was flushed after the binary file's last byte,
    // so a Parquet file no longer ended with its magic and a workbook had three stray bytes after its directory.
    [Theory]
    [InlineData("verdicts.parquet", new byte[] { (byte)'P', (byte)'A', (byte)'R', (byte)'1' })]
    [InlineData("verdicts.xlsx", new byte[] { 0, 0 })]
    public void BinaryStream_WithBom_FileEndsWithItsFormatsLastBytes(string name, byte[] ending)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, name);

        var (code, _, stderr, _) = PlannerRun.Run("score", "--input", TestData.File("mixed.csv"), "--output", path, "--bom");

        Assert.True(code == 0, stderr);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(ending, bytes[^ending.Length..]);
        Assert.NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[^3..]);
    }

    [Theory]
    [InlineData("verdicts.jsonl")]
    [InlineData("verdicts.csv")]
    public void Score_GzipExtension_SameBytesCompressedAndFormatFromTheInnerExtension(string name)
    {
        using var folder = new TempFolder();
        var plain = folder.File(name);
        var gzip = folder.File(name + ".gz");

        var (plainCode, _, _, _) = PlannerRun.Run("score", "--input", TestData.File("mixed.csv"), "--output", plain);
        var (gzipCode, _, _, _) = PlannerRun.Run("score", "--input", TestData.File("mixed.csv"), "--output", gzip);

        Assert.Equal((PlannerApp.Ok, PlannerApp.Ok), (plainCode, gzipCode));
        using var unzipped = new System.IO.Compression.GZipStream(File.OpenRead(gzip), System.IO.Compression.CompressionMode.Decompress);
        var bytes = new MemoryStream();
        unzipped.CopyTo(bytes);
        Assert.Equal(File.ReadAllBytes(plain), bytes.ToArray());
        Assert.True(new FileInfo(gzip).Length < new FileInfo(plain).Length);
        Assert.StartsWith(name.EndsWith(".csv", StringComparison.Ordinal) ? "line," : "{\"line\":", File.ReadAllText(plain), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CommandsBySpelling()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "score", "report", "towns", "counties", "compare-years" })
        {
            foreach (var spelling in Spellings)
            {
                data.Add(command, spelling);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandsBySpelling))]
    public void Open_OutputIsTheInput_RefusedWithOneLineAndInputUntouched(string command, string spelling)
    {
        using var folder = new TempFolder();
        var usesList = command is "towns" or "counties" or "compare-years";
        var input = folder.File("in.csv");
        File.Copy(usesList ? TestData.File("taobao-villages-2014-2016.csv") : Inputs.SamplePath, input);
        var before = File.ReadAllBytes(input);
        Directory.CreateDirectory(folder.File("d"));
        var output = spelling switch
        {
            "same" => input,
            "dot" => Path.Combine(folder.Path, ".", "in.csv"),
            "dotdot" => Path.Combine(folder.Path, "d", "..", "in.csv"),
            "symlink" => File.CreateSymbolicLink(folder.File("link.csv"), input).FullName,
            _ => folder.HardLink(input, "hard.csv"),
        };
        string[] args = command switch
        {
            "score" => ["score", "--input", input, "--format", "csv", "--output", output],
            "report" => ["report", "--input", input, "--output", output],
            "compare-years" => ["compare-years", "--list", input, "--from", "2015", "--to", "2016", "--format", "csv", "--output", output],
            _ => [command, "--list", input, "--format", "csv", "--output", output],
        };

        var (code, stdout, stderr, _) = PlannerRun.Run(args);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("is the same file as the input", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.DoesNotContain(folder.Names(), n => n.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_RuleFileAsOutput_Refused()
    {
        using var folder = new TempFolder();
        var rules = folder.File("rules.json");
        File.WriteAllText(rules, TaobaoVillage.Json.RuleSetJson.Save(TaobaoVillage.RuleSets.BuiltInRuleSets.Classic));
        var before = File.ReadAllText(rules);

        var (code, _, stderr, _) = PlannerRun.Run("score", "--rules", rules, "--format", "jsonl", "--output", rules);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("rules.json", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(rules));
    }

    [Theory]
    [InlineData("score")]
    [InlineData("near-misses")]
    [InlineData("plan --villages 3")]
    [InlineData("report")]
    public void Open_ColumnMapAsOutput_RefusedAndMapUntouched(string command)
    {
        using var folder = new TempFolder();
        var map = folder.File("map.json");
        File.WriteAllText(map, "{\"户籍人口户数\": \"households\"}");
        var before = File.ReadAllBytes(map);

        var (code, stdout, stderr, _) = PlannerRun.Run([.. command.Split(' '), "--columns", map, "--output", map]);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("is the same file as the input", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(map));
        Assert.Equal(["map.json"], folder.Names());
    }

    public static TheoryData<string[]> TableCommands() => new()
    {
        { ["score", "--input", Inputs.SamplePath] },
        { ["towns", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--year", "2016"] },
        { ["counties", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--year", "2016", "--top", "5"] },
        { ["compare-years", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--from", "2015", "--to", "2016"] },
    };

    [Theory]
    [MemberData(nameof(TableCommands))]
    public void Open_TableFormatWithOutput_TableWrittenToTheFileNotTheTerminal(string[] args)
    {
        using var folder = new TempFolder();
        var output = folder.File("table.txt");
        File.WriteAllText(output, "earlier");

        var (code, _, stderr, console) = PlannerRun.Run([.. args, "--output", output]);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Equal(string.Empty, stderr);
        var text = File.ReadAllText(output);
        Assert.Contains("┌", text, StringComparison.Ordinal);
        Assert.DoesNotContain("earlier", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        Assert.DoesNotContain("┌", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ScoreSummaryWithOutput_SummaryInTheFile()
    {
        using var folder = new TempFolder();
        var output = folder.File("summary.txt");

        var (code, _, _, console) = PlannerRun.Run("score", "--output", output);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains("Taobao Villages by province", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.DoesNotContain("Taobao Villages by province", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OutputFolderMissing_OneLineErrorNothingCreated()
    {
        using var folder = new TempFolder();

        var (code, _, stderr, _) = PlannerRun.Run("score", "--format", "jsonl", "--output", Path.Combine(folder.Path, "missing", "out.jsonl"));

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Open_DashAsOutput_WritesStandardOutput()
    {
        var (code, stdout, _, _) = PlannerRun.Run("score", "--format", "jsonl", "--output", "-");

        Assert.Equal(PlannerApp.Ok, code);
        Assert.StartsWith("{\"line\":2,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_UnreadableCodes_EarlierOutputUntouchedOneLine()
    {
        using var folder = new TempFolder();
        var codes = folder.File("bad.gz");
        File.WriteAllText(codes, "not gzip at all");
        var output = folder.File("g.csv");
        File.WriteAllText(output, "earlier");

        var (code, _, stderr, _) = PlannerRun.Run("generate", "--codes", codes, "--output", output);

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Contains("bad.gz", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal("earlier", File.ReadAllText(output));
        Assert.Equal(["bad.gz", "g.csv"], folder.Names());
    }

    [Fact]
    public void Run_StandardOutputFailsMidWrite_NonZeroOneLineNoStackTrace()
    {
        var stdout = new FailingWriter(afterChars: 2_000);
        var stderr = new StringWriter();

        var code = PlannerApp.Run(["score", "--format", "jsonl", "--parallel", "2", "--lang", "en"], stdout, stderr, new Spectre.Console.Testing.TestConsole());

        Assert.Equal(PlannerApp.Failed, code);
        Assert.Equal("error: Broken pipe", stderr.ToString().TrimEnd('\n'));
    }

    /// <summary>A pipe whose reader went away after some characters.</summary>
    private sealed class FailingWriter(int afterChars) : StringWriter
    {
        private int written;

        public override void Write(char value) => Count(1);

        public override void Write(string? value) => Count(value?.Length ?? 0);

        public override void Write(ReadOnlySpan<char> buffer) => Count(buffer.Length);

        private void Count(int n)
        {
            written += n;
            if (written > afterChars)
            {
                throw new IOException("Broken pipe");
            }
        }
    }
}

public class PlannerInputsTests
{
    [Fact]
    public void Records_DashAsInput_ReadsCsvFromStandardInput()
    {
        var stdin = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("village_code,committee,households,active_shops,annual_sales_cny\n330782100201,village,400,150,12000000\n"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = PlannerApp.Run(["score", "--input", "-", "--format", "jsonl", "--lang", "en"], new PlannerIO(stdout, stderr, new Spectre.Console.Testing.TestConsole()) { In = stdin }, redirected: true);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.StartsWith("{\"line\":2,\"village_code\":\"330782100201\",\"year\":null,\"verdict\":\"eligible\"", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("-: read 1, scored 1", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("score", "--input")]
    [InlineData("towns", "--list")]
    [InlineData("score", "--rules")]
    public void Run_FolderWhereAFileBelongs_SaysItIsAFolder(string command, string option)
    {
        using var folder = new TempFolder();

        var (code, _, stderr, _) = PlannerRun.Run(command, option, folder.Path);

        Assert.Equal(PlannerApp.Failed, code);
        Assert.EndsWith("is a folder, not a file.", stderr.TrimEnd('\n'), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_StandardInput_RefusedItIsReadTwice()
    {
        var (code, _, stderr, _) = PlannerRun.Run("what-if", "--input", "-", "--min-sales", "1");

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("give a file", stderr, StringComparison.Ordinal);
    }
}

public class OutputEncodingTests
{
    [Fact]
    public void Score_Bom_Utf8ByteOrderMarkFirst()
    {
        using var folder = new TempFolder();
        var output = folder.File("v.csv");

        Assert.Equal(PlannerApp.Ok, PlannerRun.Run("score", "--format", "csv", "--output", output, "--bom").Code);

        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(output)[..3]);
    }

    [Fact]
    public void Score_OutputEncodingGb18030_ChineseNamesInGb18030()
    {
        using var folder = new TempFolder();
        var output = folder.File("t.txt");

        Assert.Equal(PlannerApp.Ok, PlannerRun.Run("score", "--output", output, "--output-encoding", "gb18030").Code);

        var bytes = File.ReadAllBytes(output);
        Assert.Contains("浙江省", TaobaoVillage.Csv.CsvRecordReaderOptions.Gb18030.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("浙江省", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}

public class OutputEverywhereTests
{
    public static TheoryData<string[], string> Commands() => new()
    {
        { ["explain", "330782002226"], "下湾村" },
        { ["what-if", "--min-sales", "8000000", "--format", "csv"], "line,village_code,village_name,before,after" },
        { ["near-misses", "--top", "3"], "Near misses under" },
        { ["plan", "--villages", "2"], "Support plan for" },
        { ["rules", "show", "aliresearch"], "\"id\": \"aliresearch\"" },
        { ["counties", "--list", TestData.File("taobao-villages-2014-2016.csv"), "--year", "2016", "--top", "2"], "Taobao Villages and Towns by county" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_EveryCommand_WritesTheFileNotTheTerminal(string[] args, string expected)
    {
        using var folder = new TempFolder();
        var output = folder.File("out.txt");

        var (code, stdout, _, console) = PlannerRun.Run([.. args, "--output", output]);

        Assert.Equal(PlannerApp.Ok, code);
        Assert.Contains(expected, File.ReadAllText(output), StringComparison.Ordinal);
        Assert.DoesNotContain(expected, stdout + console, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesShow_OutputIsTheRuleFileItself_Refused()
    {
        using var folder = new TempFolder();
        var rules = folder.File("mine.json");
        File.WriteAllText(rules, TaobaoVillage.Json.RuleSetJson.Save(TaobaoVillage.RuleSets.BuiltInRuleSets.Classic));
        var before = File.ReadAllText(rules);

        var (code, _, stderr, _) = PlannerRun.Run("rules", "show", rules, "--output", rules);

        Assert.Equal(PlannerApp.Usage, code);
        Assert.Contains("is the same file as the input", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(rules));
    }
}
