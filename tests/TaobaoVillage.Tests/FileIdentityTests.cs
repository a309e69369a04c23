using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class FileIdentityTests
{
    [Fact]
    public void AreSame_SpellingsOfOnePath_True()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.csv");
        File.WriteAllText(file, "x");
        Directory.CreateDirectory(folder.File("d"));

        Assert.True(FileIdentity.AreSame(file, file));
        Assert.True(FileIdentity.AreSame(file, Path.Combine(folder.Path, ".", "a.csv")));
        Assert.True(FileIdentity.AreSame(file, Path.Combine(folder.Path, "d", "..", "a.csv")));
    }

    [Fact]
    public void AreSame_SymbolicLink_True()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.csv");
        File.WriteAllText(file, "x");
        var link = folder.File("link.csv");
        File.CreateSymbolicLink(link, file);

        Assert.True(FileIdentity.AreSame(link, file));
    }

    [Fact]
    public void AreSame_HardLink_True()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.csv");
        File.WriteAllText(file, "x");

        Assert.True(FileIdentity.AreSame(folder.HardLink(file, "hard.csv"), file));
    }

    [Fact]
    public void AreSame_CopyWithSameContent_False()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.csv");
        File.WriteAllText(file, "x");
        File.Copy(file, folder.File("b.csv"));

        Assert.False(FileIdentity.AreSame(file, folder.File("b.csv")));
    }

    [Fact]
    public void AreSame_EitherMissing_False()
    {
        using var folder = new TempFolder();
        var file = folder.File("a.csv");
        File.WriteAllText(file, "x");

        Assert.False(FileIdentity.AreSame(file, folder.File("missing.csv")));
        Assert.False(FileIdentity.AreSame(folder.File("missing.csv"), folder.File("missing.csv")));
    }
}
