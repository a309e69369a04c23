using TaobaoVillage.Batch;

namespace TaobaoVillage.Files;

/// <summary>
/// What <see cref="RecordFiles.Open"/> reads of a file, before any row: its format; for a workbook the sheet read, the
/// sheets passed over, the header row, the title rows above it and the blank columns ignored; and for every format the
/// header, the columns read under another name (户数 → households) and those kept as attributes (序号, 备注).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecordFileReport
{
    /// <summary>The file, as given.</summary>
    public required string Path { get; init; }

    /// <summary>The format, from the extension.</summary>
    public required RecordFileFormat Format { get; init; }

    /// <summary>The sheet read (a workbook); null for other formats.</summary>
    public string? Sheet { get; init; }

    /// <summary>The other sheets of a workbook, not read, in order.</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = [];

    /// <summary>The row that names the columns (1 for the first line of a CSV or the first row of a sheet); 0 when there is none (an empty file, or JSON).</summary>
    public long HeaderRow { get; init; }

    /// <summary>The rows above the header, skipped as a title (1 to <see cref="HeaderRow"/> − 1).</summary>
    public long TitleRows => Math.Max(0, HeaderRow - 1);

    /// <summary>The header's column names, in order (blank columns of a workbook left out); for JSON, the keys of the first record.</summary>
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>The workbook's columns between the named ones that have no header (A for the first), ignored.</summary>
    public IReadOnlyList<string> BlankColumns { get; init; } = [];

    /// <summary>The columns read as a contract field under another name, in header order.</summary>
    public IReadOnlyList<RenamedColumn> Renamed { get; init; } = [];

    /// <summary>The columns no field recognises (序号, 备注…), kept as attributes, in header order.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];
}
