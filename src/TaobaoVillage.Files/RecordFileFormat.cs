namespace TaobaoVillage.Files;

/// <summary>The format of a records file, as <see cref="RecordFiles.FormatOf"/> tells it from the extension.</summary>
public enum RecordFileFormat
{
    /// <summary>Comma-separated values (<c>.csv</c>, and any extension not named below).</summary>
    Csv,

    /// <summary>JSON Lines: one object per line (<c>.jsonl</c>, <c>.ndjson</c>).</summary>
    JsonLines,

    /// <summary>A JSON array of objects (<c>.json</c>).</summary>
    Json,

    /// <summary>An Excel workbook (<c>.xlsx</c>).</summary>
    Xlsx,

    /// <summary>An Apache Parquet file (<c>.parquet</c>), its columns named as a CSV's (<see cref="Parquet.ParquetRecordReader"/>).</summary>
    Parquet,
}
