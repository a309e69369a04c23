using TaobaoVillage.Metrics;

namespace TaobaoVillage.Tests.MetricsTests;

public class ColumnNamesDocsTests
{
    [Fact]
    public void FormatsDoc_ColumnNamesTable_ListsEveryBuiltInNameOfEveryField()
    {
        var rows = Table();
        var fields = RecordFields.All.Select(f => (f.Name, (IReadOnlyList<string>)f.Aliases))
            .Concat(Metric.BuiltIn.Where(m => m.Aliases.Count > 0).Select(m => (m.Name, m.Aliases)));

        foreach (var (name, aliases) in fields)
        {
            Assert.True(rows.TryGetValue(name, out var listed), $"docs/formats.md has no row for {name}");
            Assert.All(aliases, alias => Assert.Contains(alias, listed!, StringComparison.Ordinal));
        }
    }

    /// <summary>The "Column names" table of docs/formats.md: field → the cell of names.</summary>
    private static Dictionary<string, string> Table()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "docs", "formats.md")))
        {
            dir = dir.Parent;
        }

        var text = File.ReadAllText(Path.Combine(dir.FullName, "docs", "formats.md"));
        var section = text[text.IndexOf("### Column names", StringComparison.Ordinal)..];
        return section.Split('\n').TakeWhile(l => !l.StartsWith("### Workbooks", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => cells[2]);
    }
}
