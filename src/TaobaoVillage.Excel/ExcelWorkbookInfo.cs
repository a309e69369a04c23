namespace TaobaoVillage.Excel;

/// <summary>What <see cref="ExcelRecordReader"/> reads of a workbook: which sheet, where its header is, which sheets it passed over.</summary>
/// <param name="Sheet">The sheet read.</param>
/// <param name="Sheets">Every sheet of the workbook, in order.</param>
/// <param name="HiddenSheets">The hidden and very hidden sheets (never read unless named).</param>
/// <param name="HeaderRow">The row that names the columns (1 for the first); 0 when the sheet has no row with a value.</param>
/// <param name="Header">The header's column names, in order (blank columns left out).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ExcelWorkbookInfo(string Sheet, IReadOnlyList<string> Sheets, IReadOnlyList<string> HiddenSheets, long HeaderRow, IReadOnlyList<string> Header)
{
    /// <summary>The rows above the header (a title, a date, a unit line): 1 to <see cref="HeaderRow"/> − 1, skipped.</summary>
    public long TitleRows => Math.Max(0, HeaderRow - 1);

    /// <summary>The columns (A for the first) between the first and the last named one whose header is blank: not part of the table, ignored.</summary>
    public IReadOnlyList<string> BlankColumns { get; init; } = [];
}
