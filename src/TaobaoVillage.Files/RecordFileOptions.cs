using System.Text;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Files;

/// <summary>How <see cref="RecordFiles.Open"/> reads a file: the options every reader shares, and those of one format.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecordFileOptions
{
    /// <summary>The defaults: the encoding found (CSV), the sheet and header found (<c>.xlsx</c>), committees read from official names.</summary>
    public static RecordFileOptions Default { get; } = new();

    /// <summary>The encoding of a CSV or JSON file; null to find it (UTF-8 when the bytes are, else GB18030).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The sheet of a workbook to read, by name; null for the first visible one naming a village-code column.</summary>
    public string? Sheet { get; init; }

    /// <summary>The row of a workbook that names the columns (1 for the first); null to find it among the first 20.</summary>
    public int? HeaderRow { get; init; }

    /// <summary>Whether a record without a committee value takes it from its official name (…村委会, …居委会); on by default.</summary>
    public bool InferCommitteeFromName { get; init; } = true;

    /// <summary>Further names for the contract's fields, beyond the built-in aliases.</summary>
    public ColumnMap Columns { get; init; } = ColumnMap.Empty;
}
