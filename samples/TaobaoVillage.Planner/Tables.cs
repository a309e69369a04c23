using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Planner;

/// <summary>Terminal tables of verdicts.</summary>
public static class Tables
{
    /// <summary>The most rows a table shows.</summary>
    public const int MaxRows = 200;

    /// <summary>An empty verdict table with one column per criterion.</summary>
    /// <param name="ruleSets">The rule sets (one, or the sets by year).</param>
    /// <returns>The table.</returns>
    public static Table Verdicts(IReadOnlyList<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        var table = new Table().Title($"Verdicts under {Terminal.Text(string.Join(", ", ruleSets))}");
        table.AddColumn(Words.Get("line"));
        table.AddColumn(Words.Get("village"));
        table.AddColumn(Words.Get("verdict"));
        foreach (var id in CriterionIds(ruleSets))
        {
            table.AddColumn(new TableColumn(Terminal.Text(id)).Centered());
        }

        table.AddColumn(Words.Get("needs / why"));
        return table;
    }

    /// <summary>The criteria shown as columns: every explained criterion of the sets, newest set first, each once.</summary>
    /// <param name="ruleSets">The rule sets.</param>
    /// <returns>The criterion ids.</returns>
    public static IReadOnlyList<string> CriterionIds(IReadOnlyList<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        return RuleSet.ExplainedCriteriaOf(ruleSets).Select(c => c.Id).ToList();
    }

    /// <summary>Adds one scored row to a verdict table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="row">The row.</param>
    /// <param name="criterionIds">The criterion columns, as <see cref="CriterionIds"/> gave them.</param>
    public static void AddVerdict(Table table, ScoredRow row, IReadOnlyList<string> criterionIds)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(criterionIds);
        var cells = new List<string>
        {
            row.Line.ToString(CultureInfo.InvariantCulture),
            Terminal.Text($"{row.Key} {row.Record?.Name}".Trim()),
            Verdict(row.Status),
        };
        foreach (var id in criterionIds)
        {
            cells.Add(row.Verdict is { } v && v.TryGet(id, out var result) ? OutcomeMark(result.Outcome) : string.Empty);
        }

        cells.Add(Terminal.Text(row.Verdict is { } verdict ? Needs(verdict) : string.Join("; ", row.Problems.Select(Words.Problem))));
        table.AddRow(cells.ToArray());
    }

    /// <summary>The verdict as coloured markup.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Markup.</returns>
    public static string Verdict(Eligibility status) => status switch
    {
        Eligibility.Eligible => $"[green]{Words.Verdict(status)}[/]",
        Eligibility.NotEligible => $"[red]{Words.Verdict(status)}[/]",
        Eligibility.Indeterminate => $"[yellow]{Words.Verdict(status)}[/]",
        _ => $"[grey]{Words.Verdict(status)}[/]",
    };

    /// <summary>An outcome as a mark: ✓ pass, ✗ fail, ? unknown.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>Markup.</returns>
    public static string OutcomeMark(Outcome outcome) => outcome switch
    {
        Outcome.Pass => $"[green]{Words.Get("pass")}[/]",
        Outcome.Fail => $"[red]{Words.Get("fail")}[/]",
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
        return paths.Count == 0 ? Words.Get("cannot pass by raising figures") : Words.Format("needs {0}", string.Join(Words.Get(", or "), paths.Select(Words.Path)));
    }

    /// <summary>A problem's reason and, when there is one, the value that caused it: for tables with a field column.</summary>
    public static string ReasonWithValue(RecordProblem problem) =>
        Words.Reason(problem) + (problem.Value is null ? string.Empty : Words.Format(" (value '{0}')", problem.Value));
}
