using TaobaoVillage.Batch;

namespace TaobaoVillage.Files;

/// <summary>A records file opened by <see cref="RecordFiles.Open"/>: what was found in it, and its rows.</summary>
/// <remarks>Immutable and thread-safe; <see cref="Rows"/> opens the file anew on each enumeration.</remarks>
public sealed class RecordFile
{
    internal RecordFile(RecordFileReport report, IEnumerable<InputRow> rows) => (Report, Rows) = (report, rows);

    /// <summary>The sheet, header, title rows and columns found, before any row is read.</summary>
    public RecordFileReport Report { get; }

    /// <summary>
    /// Every row below the header, in order, lazily: a record, or a rejected row with its problems (a total row such as
    /// 合计 among them, <see cref="TaobaoVillage.Domain.RecordProblemCodes.TotalRow"/>).
    /// </summary>
    public IEnumerable<InputRow> Rows { get; }
}
