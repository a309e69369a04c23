using TaobaoVillage.Metrics;

namespace TaobaoVillage.Parquet;

/// <summary>How <see cref="ParquetRecordReader"/> reads a file.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ParquetRecordReaderOptions
{
    /// <summary>The defaults: committees read from official names, the built-in column names.</summary>
    public static ParquetRecordReaderOptions Default { get; } = new();

    /// <summary>Whether a record without a committee value takes it from its official name (…村委会, …居委会); on by default.</summary>
    public bool InferCommitteeFromName { get; init; } = true;

    /// <summary>Further names for the contract's fields, beyond the built-in aliases.</summary>
    public ColumnMap Columns { get; init; } = ColumnMap.Empty;
}
