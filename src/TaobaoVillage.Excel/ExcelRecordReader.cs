using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Excel.Xlsx;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Excel;

/// <summary>
/// Reads village records from an Excel workbook (<c>.xlsx</c>), streaming: the header row names the columns (the
/// same names and aliases as CSV: 村代码, 户数, 年销售额（万元）…), every later row with a value is a record. Cells are
/// read from the text the workbook stores, never through <see cref="double"/>: a number cell holding
/// <c>9999999.9999999999</c> is that number, a 12-digit code stored as a number is the code <c>330782100000</c>, and
/// a text that is not a number is refused as it is in a CSV. An empty cell is a missing value.
/// </summary>
/// <remarks>
/// <para>The sheet is the one <see cref="ExcelRecordReaderOptions.Sheet"/> names, else the first visible sheet whose
/// first 20 rows name a village-code column (hidden and very hidden sheets are never read unless named). The header is
/// the first of those rows that names one (rows above it are a title; <see cref="ExcelRecordReaderOptions.HeaderRow"/>
/// decides when given). Columns with a blank header are not part of the table and are ignored.</para>
/// <para>Every row below the header comes out as one <see cref="InputRow"/> whose line is the sheet's own row number,
/// or as a rejected row saying why (a row number that is not one or out of order, a cell twice, a shared string that
/// is not there, a cell over <see cref="ExcelRecordReaderOptions.MaxFieldLength"/>, a code stored as a number Excel
/// cannot hold exactly); a file that is not a workbook, or a sheet that is not there, is one rejected row saying so.
/// Time is linear in the file and memory bounded by a row and the shared strings (at most 16,777,216). Static members
/// are thread-safe.</para>
/// </remarks>
public static class ExcelRecordReader
{
    /// <summary>The most digits a number cell can give a code exactly: Excel keeps 15 significant digits of a number.</summary>
    public const int MaxDigitsOfANumberCode = 15;

    /// <summary>Reads records from a workbook file.</summary>
    /// <param name="path">The file; also the source named in problems.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per sheet row below the header, read lazily; it can be enumerated again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static IEnumerable<InputRow> ReadFile(string path, ExcelRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TotalRows.CompareWithSums(Read(path, options ?? ExcelRecordReaderOptions.Default));
    }

    /// <summary>What the reader reads of a workbook: the sheet, the header row and its columns, the sheets passed over.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidDataException">The file is not a workbook that can be read, or has no such sheet; the message says why and names the sheets.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ExcelWorkbookInfo Describe(string path, ExcelRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var table = SheetTable.Open(path, options ?? ExcelRecordReaderOptions.Default);
        return table.Info;
    }

    /// <summary>The header row of the sheet the reader reads, as texts; empty when it cannot be read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>The column names (blank columns left out).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static IReadOnlyList<string> ReadHeader(string path, ExcelRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Describe(path, options).Header;
        }
        catch (Exception ex) when (Workbook.IsUnreadable(ex))
        {
            return [];
        }
    }

    private static IEnumerable<InputRow> Read(string path, ExcelRecordReaderOptions options)
    {
        var table = Open(path, options, out var failure);
        if (table is null)
        {
            yield return InputRow.Unreadable(1, path, RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "reason", ("reason", failure!)));
            yield break;
        }

        using (table)
        {
            var rows = new SheetRecords(table, path, options);
            while (rows.Next() is { } row)
            {
                yield return row;
            }
        }
    }

    private static SheetTable? Open(string path, ExcelRecordReaderOptions options, out string? failure)
    {
        failure = null;
        try
        {
            return SheetTable.Open(path, options);
        }
        catch (Exception ex) when (Workbook.IsUnreadable(ex))
        {
            failure = ex.Message;
            return null;
        }
    }
}
