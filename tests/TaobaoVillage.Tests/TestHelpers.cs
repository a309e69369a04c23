
namespace TaobaoVillage.Tests;

/// <summary>The test data files (TestData/), copied beside the tests.</summary>
internal static class TestData
{
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}

/// <summary>A file in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile(string extension) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tv-{Guid.NewGuid():N}{extension}");

    public void Dispose() => File.Delete(Path);
}

/// <summary>A folder in the temp folder, deleted with its contents on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tv-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file in the folder, hidden ones too, by name.</summary>
    public string[] Names() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    /// <summary>Makes a hard link with ln (.NET has no API for one).</summary>
    public string HardLink(string target, string name)
    {
        var link = File(name);
        using var ln = System.Diagnostics.Process.Start("ln", [target, link])!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
        return link;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Runs code under a given culture (and UI culture), restoring the caller's afterwards.</summary>
internal static class CultureScope
{
    /// <summary>Runs <paramref name="body"/> under <paramref name="culture"/> ("" for the invariant culture).</summary>
    public static T Run<T>(string culture, Func<T> body)
    {
        var (before, beforeUi) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            // Flows to the threads and tasks the run starts (the culture lives in the execution context).
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            return body();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}

/// <summary>One-off rule sets for tests: a village rule set with its id as its title, version 1.</summary>
internal static class TestRules
{
    public static TaobaoVillage.Rules.RuleSetBuilder Village(string id, int fromYear = 2000) =>
        new TaobaoVillage.Rules.RuleSetBuilder(id, "1").Titled(id).For(TaobaoVillage.Rules.RuleTarget.Village).EffectiveYears(fromYear);
}
