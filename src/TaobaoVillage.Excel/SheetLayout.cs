using TaobaoVillage.Batch;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Excel;

/// <summary>What a sheet column holds: plain values, the verdict code, or a criterion's outcome code.</summary>
internal enum SheetColumnKind
{
    Plain,
    Verdict,
    Outcome,
}

/// <summary>
/// The sheet's columns, once the rows are known: those of the rule sets some row was judged by (or the newest set
/// when none was), the village code and name first, each with its header in the labels' words.
/// </summary>
internal sealed class SheetLayout
{
    /// <summary>The columns first in the sheet, for people: what a village is, then the rest in table order.</summary>
    private static readonly string[] First = ["village_code", "village_name"];

    private SheetLayout(int[] source, string[] headers, SheetColumnKind[] kinds) => (Source, Headers, Kinds) = (source, headers, kinds);

    /// <summary>Each sheet column's index in the full table's row.</summary>
    public int[] Source { get; }

    public string[] Headers { get; }

    public SheetColumnKind[] Kinds { get; }

    /// <summary>The layout of the rule sets used, out of the full table's columns.</summary>
    public static SheetLayout Of(VerdictTable full, IReadOnlyList<RuleSet> used, ExcelVerdictLabels labels)
    {
        var kept = new HashSet<string>(new VerdictTable(used).Columns, StringComparer.Ordinal);
        var names = full.Columns.ToList();
        var order = First.Where(kept.Contains).Concat(names.Where(n => kept.Contains(n) && !First.Contains(n))).ToList();
        var criteria = Criteria(used, labels);
        (string Header, SheetColumnKind Kind) Of(string name) =>
            criteria.TryGetValue(name, out var column) ? column : (labels.Column(name), name == "verdict" ? SheetColumnKind.Verdict : SheetColumnKind.Plain);
        var columns = order.Select(Of).ToList();
        return new SheetLayout([.. order.Select(n => names.IndexOf(n))], [.. columns.Select(c => c.Header)], [.. columns.Select(c => c.Kind)]);
    }

    /// <summary>The criteria's columns (outcome, and for numeric ones shortfall and value) by column name, with their headers.</summary>
    private static Dictionary<string, (string, SheetColumnKind)> Criteria(IReadOnlyList<RuleSet> used, ExcelVerdictLabels labels)
    {
        var columns = new Dictionary<string, (string, SheetColumnKind)>(StringComparer.Ordinal);
        foreach (var id in RuleSet.ExplainedCriteriaOf(used).Select(c => c.Id))
        {
            columns[id] = (labels.Criterion(id), SheetColumnKind.Outcome);
            columns.TryAdd(VerdictTable.ShortfallColumn(id), (labels.Shortfall(id), SheetColumnKind.Plain));
            columns.TryAdd(VerdictTable.ValueColumn(id), (labels.Value(id), SheetColumnKind.Plain));
        }

        return columns;
    }
}

/// <summary>The rule sets the rows were judged by, gathered as they pass.</summary>
internal sealed class UsedRuleSets(IReadOnlyList<RuleSet> ruleSets)
{
    private readonly HashSet<RuleSet> _used = new(ReferenceEqualityComparer.Instance);
    private RuleSet? _last;

    public void Add(ScoredRow row)
    {
        if (row.Verdict?.RuleSet is { } set && !ReferenceEquals(set, _last))
        {
            _used.Add(set);
            _last = set;
        }
    }

    /// <summary>The sets used, in the order given; the newest when no row was judged (an empty or all-invalid file).</summary>
    public IReadOnlyList<RuleSet> Sets()
    {
        var used = ruleSets.Where(r => _used.Contains(r) || _used.Any(u => u.Equals(r))).ToList();
        return used.Count > 0 ? used : [ruleSets[^1]];
    }
}
