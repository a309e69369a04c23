using System.Globalization;
using Spectre.Console;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using TaobaoVillage.Domain;
using TaobaoVillage.Excel;

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
        var table = new Table().Title(Words.Format("Verdicts under {0}", Terminal.Text(string.Join(", ", ruleSets))));
        // A narrow terminal leaves out the criteria first (the verdict and what it needs say the most), then the line.
        table.AddColumn(Terminal.Optional(new TableColumn(Words.Get("line")), 2));
        table.AddColumn(Words.Get("village"));
        table.AddColumn(Words.Get("verdict"));
        foreach (var id in CriterionIds(ruleSets))
        {
            table.AddColumn(Terminal.Optional(new TableColumn(Terminal.Text(Resource("criterion " + id) ?? id)).Centered(), 1));
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

        cells.Add(Terminal.Text(row.Verdict is { } verdict ? Needs(verdict) : Words.List(row.Problems.Select(Words.Problem))));
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

    /// <summary>
    /// The verdicts workbook's headers and words in the run's language: in English the column names and codes of
    /// docs/formats.md (for programs too); in Chinese the resources' words (村代码, 符合, 达标) and the advice in Chinese.
    /// </summary>
    /// <returns>The labels.</returns>
    public static ExcelVerdictLabels WorkbookLabels()
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "zh")
        {
            return ExcelVerdictLabels.Machine;
        }

        var words = Enum.GetValues<Eligibility>().ToDictionary(StatusNames.Name, Words.Verdict);
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            words[StatusNames.Name(outcome)] = Words.Get(StatusNames.Name(outcome));
        }

        string Criterion(string id) => Resource("criterion " + id) ?? id;
        return new ExcelVerdictLabels
        {
            Column = name => Resource(name) ?? name,
            Criterion = Criterion,
            Shortfall = id => Words.Format("{0} shortfall", Criterion(id)),
            Value = id => Words.Format("{0} value", Criterion(id)),
            Word = code => words.GetValueOrDefault(code, code),
            Needs = verdict => verdict.PathsToPass(3) is { Count: > 0 } paths ? string.Join(Words.Get(", or "), paths.Select(Words.Path)) : Words.Get("cannot pass by raising figures"),
        };
    }

    /// <summary>A resource by name, or null when there is none.</summary>
    private static string? Resource(string name) => Words.Get(name) is var text && text != name ? text : null;

    /// <summary>A problem's reason and, when there is one, the value that caused it: for tables with a field column.</summary>
    public static string ReasonWithValue(RecordProblem problem) =>
        Words.Reason(problem) + (problem.Value is null ? string.Empty : Words.Format(" (value '{0}')", problem.Value));
}
