using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using TaobaoVillage.Batch;
using TaobaoVillage.Aggregation;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Excel;

/// <summary>
/// Writes scored rows as an Excel workbook (<c>.xlsx</c>), streaming: one sheet "verdicts" with a frozen, filtered
/// header row and the columns of <see cref="VerdictTable"/> (the same as the CSV writer's): outcomes per criterion,
/// one numeric shortfall column per numeric criterion (<c>annual-sales shortfall</c>, in the criterion's lever unit:
/// CN¥, shops, households), <c>needs</c> and <c>errors</c>. Numbers are numbers, never text.
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
        var table = new VerdictTable(ruleSets);
        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true, EnableWriteNullValueCell = true };
        MiniExcel.SaveAs(stream, rows.Select(row => Cells(table.Row(row))), printHeader: true, sheetName: "verdicts", excelType: ExcelType.XLSX, configuration: configuration);
    }

    /// <summary>The row as MiniExcel takes it: numbers stay numbers, so a workbook sorts and sums them.</summary>
    private static Dictionary<string, object?> Cells(IReadOnlyList<OutputField> fields)
    {
        var cells = new Dictionary<string, object?>(fields.Count, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            cells[field.Name] = field.Value;
        }

        return cells;
    }
}
