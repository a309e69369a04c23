using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Planner;

/// <summary>Terminal tables of verdicts.</summary>
public static class Tables
{
    /// <summary>The most rows a table shows.</summary>
    public const int MaxRows = 200;

    /// <summary>An empty verdict table with one column per criterion.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The table.</returns>
    public static Table Verdicts(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var table = new Table().Title($"Verdicts under {Terminal.Text(ruleSet.ToString())}");
        table.AddColumn("line");
        table.AddColumn("village");
        table.AddColumn("verdict");
        foreach (var c in ruleSet.ExplainedCriteria)
        {
            table.AddColumn(new TableColumn(Terminal.Text(c.Id)).Centered());
        }

        table.AddColumn("needs / why");
        return table;
    }

    /// <summary>Adds one scored row to a verdict table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="row">The row.</param>
    public static void AddVerdict(Table table, ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var cells = new List<string>
        {
            row.Line.ToString(CultureInfo.InvariantCulture),
            Terminal.Text($"{row.Key} {row.Record?.Name}".Trim()),
            Verdict(row.Status),
        };
        var criteria = table.Columns.Count - 4;
        for (var i = 0; i < criteria; i++)
        {
            cells.Add(row.Verdict is { } v ? OutcomeMark(v.Criteria[i + v.RuleSet.FirstExplainedIndex].Outcome) : string.Empty);
        }

        cells.Add(Terminal.Text(row.Verdict is { } verdict ? Needs(verdict) : string.Join("; ", row.Problems.Select(p => $"{p.Field}: {p.Message}"))));
        table.AddRow(cells.ToArray());
    }

    /// <summary>The verdict as coloured markup.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Markup.</returns>
    public static string Verdict(RowStatus status) => status switch
    {
        RowStatus.Eligible => "[green]eligible[/]",
        RowStatus.NotEligible => "[red]not eligible[/]",
        RowStatus.Indeterminate => "[yellow]indeterminate[/]",
        _ => "[grey]invalid[/]",
    };

    /// <summary>An outcome as a mark: ✓ pass, ✗ fail, ? unknown.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Markup.</returns>
    public static string OutcomeMark(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "[green]pass[/]",
        Outcome.Fail => "[red]fail[/]",
        _ => "[yellow]?[/]",
    };

    /// <summary>What a verdict needs to pass, in words: the cheapest paths.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>Text.</returns>
    public static string Needs(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.IsEligible)
        {
            return string.Empty;
        }

        var paths = verdict.PathsToPass(2);
        return paths.Count == 0 ? "cannot pass by raising figures" : "needs " + string.Join(", or ", paths);
    }
}
