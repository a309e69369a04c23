using System.Text;
using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class AtomicFileTests
{
    [Fact]
    public void Commit_AfterWriting_TargetReplacedNoTemporaryLeft()
    {
        using var folder = new TempFolder();
        var target = folder.File("out.jsonl");
        File.WriteAllText(target, "old");

        using (var file = AtomicFile.Create(target))
        {
            file.Stream.Write("new"u8);
            Assert.Equal("old", File.ReadAllText(target));
            file.Commit();
            Assert.True(file.IsCommitted);
        }

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(["out.jsonl"], folder.Names());
    }

    [Fact]
    public void Dispose_WithoutCommit_TargetUnchangedNoTemporaryLeft()
    {
        using var folder = new TempFolder();
        var target = folder.File("out.csv");
        File.WriteAllText(target, "old");

        using (var file = AtomicFile.Create(target))
        {
            file.Stream.Write(Encoding.UTF8.GetBytes(new string('x', 100_000)));
            Assert.True(File.Exists(file.TemporaryPath));
        }

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["out.csv"], folder.Names());
    }

    [Fact]
    public void Dispose_WithoutCommitAndNoEarlierFile_NoFileCreated()
    {
        using var folder = new TempFolder();
        using (var file = AtomicFile.Create(folder.File("new.csv")))
        {
            file.Stream.Write("half"u8);
        }

        Assert.Empty(folder.Names());
    }

    [Fact]
    public void Commit_AfterAbort_ThrowsAndTargetUnchanged()
    {
        using var folder = new TempFolder();
        var target = folder.File("out.csv");
        File.WriteAllText(target, "old");
        using var file = AtomicFile.Create(target);
        file.Stream.Write("new"u8);

        file.Abort();

        Assert.Throws<InvalidOperationException>(file.Commit);
        Assert.False(file.IsCommitted);
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["out.csv"], folder.Names());
    }

    [Fact]
    public void Abort_AfterCommit_KeepsTheCommittedFile()
    {
        using var folder = new TempFolder();
        var target = folder.File("out.csv");
        var file = AtomicFile.Create(target);
        file.Stream.Write("new"u8);
        file.Commit();

        file.Abort();
        file.Dispose();

        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public void Create_TargetIsAnInput_ThrowsOutputConflictAndTouchesNothing()
    {
        using var folder = new TempFolder();
        var input = folder.File("in.csv");
        File.WriteAllText(input, "village_code\n1\n");
        var sameByAnotherName = Path.Combine(folder.Path, ".", "sub", "..", "in.csv");
        Directory.CreateDirectory(folder.File("sub"));

        var ex = Assert.Throws<OutputConflictException>(() => AtomicFile.Create(sameByAnotherName, [null, folder.File("other.csv"), input]));

        Assert.Contains("in.csv", ex.Message, StringComparison.Ordinal);
        Assert.Equal("village_code\n1\n", File.ReadAllText(input));
        Assert.Equal(["in.csv"], folder.Names());
    }

    [Fact]
    public void Create_TargetIsAFolder_ThrowsArgumentException()
    {
        using var folder = new TempFolder();

        Assert.Throws<ArgumentException>(() => AtomicFile.Create(folder.Path));
    }

    [Fact]
    public void Create_FolderMissing_ThrowsDirectoryNotFound()
    {
        using var folder = new TempFolder();

        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Create(Path.Combine(folder.Path, "missing", "out.csv")));
    }

    [Fact]
    public void Create_DeviceTarget_WrittenInPlaceDeviceKept()
    {
        using (var file = AtomicFile.Create("/dev/null"))
        {
            Assert.Null(file.TemporaryPath);
            file.Stream.Write("discarded"u8);
            file.Commit();
        }

        // Still the device: a regular file would keep what was written.
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        Assert.Empty(Directory.GetFiles("/dev", ".null.*"));
    }

    [Fact]
    public void Commit_TargetIsSymbolicLink_LinkKeptItsFileReplaced()
    {
        using var folder = new TempFolder();
        var real = folder.File("real.csv");
        File.WriteAllText(real, "old");
        var link = folder.File("link.csv");
        File.CreateSymbolicLink(link, real);

        using (var file = AtomicFile.Create(link))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
        Assert.Equal(["link.csv", "real.csv"], folder.Names());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Commit_TargetMode600_ReplacementKeepsMode600WhileWrittenAndAfter()
    {
        using var folder = new TempFolder();
        var target = folder.File("secret.csv");
        File.WriteAllText(target, "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        using (var file = AtomicFile.Create(target))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.TemporaryPath!));
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public void Commit_TargetOwnedByNobody_ReplacementKeepsOwnerAndGroup()
    {
        using var folder = new TempFolder();
        var target = folder.File("theirs.csv");
        File.WriteAllText(target, "old");
        Command("chown", "65534:65534", target);

        using (var file = AtomicFile.Create(target))
        {
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal("65534:65534", Command("stat", "-c", "%u:%g", target));
    }

    [Fact]
    public void Commit_TargetNameOf250Characters_Replaced()
    {
        using var folder = new TempFolder();
        var target = folder.File(new string('v', 246) + ".csv");
        File.WriteAllText(target, "old");

        using (var file = AtomicFile.Create(target))
        {
            Assert.Equal(folder.Path, Path.GetDirectoryName(file.TemporaryPath));
            file.Stream.Write("new"u8);
            file.Commit();
        }

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal([Path.GetFileName(target)], folder.Names());
    }

    /// <summary>Runs a command (the suite runs as root, so chown works), returning its trimmed output.</summary>
    private static string Command(string file, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(file, args) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
