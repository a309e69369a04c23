using TaobaoVillage.Metrics;

namespace TaobaoVillage.Excel;

/// <summary>Options of <see cref="ExcelRecordReader"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ExcelRecordReaderOptions
{
    /// <summary>The defaults: the first visible sheet with a village-code column, its header found, committees read from official names.</summary>
    public static ExcelRecordReaderOptions Default { get; } = new();

    /// <summary>
    /// The sheet to read, by name (a hidden one too, when named); null for the first visible sheet whose first 20
    /// rows hold a village-code column (or the first visible sheet when none does).
    /// </summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// The row of the sheet that names the columns (1 for the first); null to find it: the first of the first 20 rows
    /// that names a village-code column (rows above it are a title), or the first row with a value when none does.
    /// </summary>
    public int? HeaderRow { get; init; }

    /// <summary>Whether a record without a committee value takes it from its official name (…村委会, …居委会); on by default.</summary>
    public bool InferCommitteeFromName { get; init; } = true;

    /// <summary>Further names for the contract's fields, beyond the built-in aliases (<see cref="ColumnMap"/>).</summary>
    public ColumnMap Columns { get; init; } = ColumnMap.Empty;

    /// <summary>The most characters a cell may hold (4,096 by default, as in CSV); a longer cell makes its row a rejected one, and no more than this is ever held in memory for it.</summary>
    public int MaxFieldLength { get; init; } = 4096;
}
