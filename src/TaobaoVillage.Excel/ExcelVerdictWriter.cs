using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Excel;

/// <summary>
/// Writes scored rows as an Excel workbook (<c>.xlsx</c>), streaming: one sheet "verdicts" with a frozen, filtered
/// header row; per row <c>line</c>, <c>village_code</c>, <c>village_name</c>, <c>year</c>, <c>verdict</c>,
/// <c>rule_set</c>, one column per criterion with its outcome, one numeric column per numeric criterion with its
/// shortfall (<c>annual-sales shortfall</c>, in the criterion's lever unit: CN¥, shops, households), <c>needs</c> and
/// <c>errors</c>. Numbers are numbers, never text.
/// </summary>
/// <remarks>Thread-safe: every member is static and keeps no state.</remarks>
public static class ExcelVerdictWriter
{
    /// <summary>Writes the workbook.</summary>
    /// <param name="stream">Where the workbook goes; left open.</param>
    /// <param name="rows">The scored rows, in order.</param>
    /// <param name="ruleSets">The rule sets that judged them (one, or the sets by year), for the columns.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Stream stream, IEnumerable<ScoredRow> rows, IReadOnlyList<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(ruleSets);
        var criteria = RuleSet.ExplainedCriteriaOf(ruleSets);
        var numeric = criteria.OfType<Condition>().Where(c => c.Threshold is not null).Select(c => c.Id).ToList();
        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, EnableWriteNullValueCell = true };
        MiniExcel.SaveAs(stream, rows.Select(row => Row(row, criteria, numeric)), printHeader: true, sheetName: "verdicts", excelType: ExcelType.XLSX, configuration: configuration);
    }

    private static Dictionary<string, object?> Row(ScoredRow row, IReadOnlyList<Criterion> criteria, List<string> numeric)
    {
        ArgumentNullException.ThrowIfNull(row);
        var verdict = row.Verdict;
        var cells = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["line"] = row.Line,
            ["village_code"] = row.Key,
            ["village_name"] = row.Record?.Name,
            ["year"] = row.Year,
            ["verdict"] = row.StatusName,
            ["rule_set"] = verdict?.RuleSet.ToString(),
        };
        foreach (var c in criteria)
        {
            cells[c.Id] = verdict is not null && verdict.TryGet(c.Id, out var result) ? StatusNames.Name(result.Outcome) : null;
        }

        foreach (var id in numeric)
        {
            cells[id + " shortfall"] = verdict is not null && verdict.TryGet(id, out var result) ? result.Shortfall?.Amount : null;
        }

        cells["needs"] = verdict is { IsEligible: false } ? string.Join(" | or | ", verdict.PathsToPass(3)) : null;
        cells["errors"] = row.Problems.Count == 0 ? null : string.Join("; ", row.Problems.Select(p => p.Describe()));
        return cells;
    }
}
