using TaobaoVillage.Domain;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>One row of a sheet: its own row number, its cells in the order the sheet gives them, or why it cannot be read.</summary>
internal sealed class SheetRow
{
    /// <summary>The row's number in the sheet (1 for the first).</summary>
    public long Number { get; set; }

    /// <summary>The cells with a value.</summary>
    public List<SheetCell> Cells { get; } = [];

    /// <summary>Why the row cannot be read (a row number or cell out of place, a string that is not there), or null.</summary>
    public RecordProblem? Problem { get; set; }

    /// <summary>Whether the row is hidden in the sheet.</summary>
    public bool Hidden { get; set; }

    /// <summary>Whether every cell is empty.</summary>
    public bool IsEmpty => Problem is null && Cells.TrueForAll(c => string.IsNullOrWhiteSpace(c.Text));
}
