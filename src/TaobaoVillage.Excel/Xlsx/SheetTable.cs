using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// The table in a workbook: the sheet chosen (named, or the first visible one that names a village-code column), its
/// header row found among the first rows, and the rows below it, streamed.
/// </summary>
internal sealed class SheetTable : IDisposable
{
    /// <summary>How many rows from the top the header is looked for in.</summary>
    public const int HeaderSearchRows = 20;

    private readonly Workbook _workbook;
    private readonly IEnumerator<SheetRow> _rows;
    private readonly Queue<SheetRow> _pending;
    private readonly Func<long> _lastRow;
    private Exception? _deferred;

    private SheetTable(Workbook workbook, ExcelWorkbookInfo info, int[] columns, IEnumerator<SheetRow> rows, Queue<SheetRow> pending, Func<long> lastRow)
    {
        HeaderColumns = columns;
        _workbook = workbook;
        Info = info;
        _rows = rows;
        _pending = pending;
        _lastRow = lastRow;
    }

    /// <summary>Which sheet, which header.</summary>
    public ExcelWorkbookInfo Info { get; }

    /// <summary>For each of <see cref="ExcelWorkbookInfo.Header"/>'s names, its column in the sheet (1 for A).</summary>
    public IReadOnlyList<int> HeaderColumns { get; }

    /// <summary>The number of the last row the sheet's reader has passed.</summary>
    public long LastRow => _lastRow();

    /// <summary>Opens the table of a workbook.</summary>
    /// <exception cref="InvalidDataException">Not a workbook, no such sheet, or the sheet cannot be read; the message says why and names the sheets.</exception>
    public static SheetTable Open(string path, ExcelRecordReaderOptions options)
    {
        var workbook = Workbook.Open(path);
        try
        {
            var strings = workbook.Strings(options.MaxFieldLength);
            var sheet = options.Sheet ?? Choose(workbook, strings, options);
            if (!workbook.HasSheet(sheet))
            {
                throw new InvalidDataException($"The workbook has no sheet '{sheet}'; its sheets are {Names(workbook.SheetNames)}.");
            }

            return Read(workbook, sheet, strings, options);
        }
        catch (Exception ex) when (Workbook.IsUnreadable(ex))
        {
            workbook.Dispose();
            throw ex as InvalidDataException ?? new InvalidDataException($"The workbook cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The next row below the header, or null at the end.</summary>
    /// <exception cref="System.Xml.XmlException">The sheet stops being readable (also when that was found while looking for the header).</exception>
    public SheetRow? Next()
    {
        if (_pending.TryDequeue(out var row))
        {
            return row;
        }

        if (_deferred is { } failure)
        {
            _deferred = null;
            _rows.Dispose();
            throw failure;
        }

        return _rows.MoveNext() ? _rows.Current : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _rows.Dispose();
        _workbook.Dispose();
    }

    /// <summary>Whether a header cell names the village code, under the built-in names or the map's.</summary>
    public static bool IsCodeColumn(string text, ColumnMap map) => RecordSchema.ContractFieldOf(map.Resolve(text.Trim())) == FieldNames.VillageCode;

    private static SheetTable Read(Workbook workbook, string sheet, SharedStrings strings, ExcelRecordReaderOptions options)
    {
        var reader = new SheetRowReader(workbook.OpenSheet(sheet), strings, options.MaxFieldLength);
        var rows = reader.Rows().GetEnumerator();
        var top = Top(rows, options.HeaderRow, out var failure);
        var header = HeaderOf(top, options);
        var pending = new Queue<SheetRow>(header is null ? top : top.SkipWhile(r => r != header).Skip(1));
        var named = header?.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList() ?? [];
        var info = new ExcelWorkbookInfo(sheet, workbook.SheetNames, workbook.HiddenSheets, header?.Number ?? 0, named.ConvertAll(c => c.Text.Trim()));
        return new SheetTable(workbook, info, [.. named.Select(c => c.Column)], rows, pending, () => reader.LastRow) { _deferred = failure };
    }

    /// <summary>The first visible sheet whose top rows name a village-code column; else the first visible sheet; else the first.</summary>
    private static string Choose(Workbook workbook, SharedStrings strings, ExcelRecordReaderOptions options)
    {
        foreach (var name in workbook.VisibleSheets)
        {
            using var rows = new SheetRowReader(workbook.OpenSheet(name), strings, options.MaxFieldLength).Rows().GetEnumerator();
            if (Top(rows, options.HeaderRow, out _).Exists(r => r.Cells.Exists(c => IsCodeColumn(c.Text, options.Columns))))
            {
                return name;
            }
        }

        return workbook.VisibleSheets.Count > 0 ? workbook.VisibleSheets[0] : workbook.SheetNames[0];
    }

    /// <summary>The top rows: the first <see cref="HeaderSearchRows"/>, or down to the header row asked for; a sheet unreadable before then gives the rows before and the failure.</summary>
    private static List<SheetRow> Top(IEnumerator<SheetRow> rows, int? headerRow, out Exception? failure)
    {
        var top = new List<SheetRow>();
        failure = null;
        try
        {
            while ((headerRow is { } h ? top.Count == 0 || top[^1].Number < h : top.Count < HeaderSearchRows) && rows.MoveNext())
            {
                top.Add(rows.Current);
            }
        }
        catch (Exception ex) when (Workbook.IsUnreadable(ex))
        {
            failure = ex;
        }

        return top;
    }

    /// <summary>The header: the row asked for; else the first that names a village-code column; else the first with a value.</summary>
    private static SheetRow? HeaderOf(List<SheetRow> top, ExcelRecordReaderOptions options) => options.HeaderRow is { } asked
        ? top.Find(r => r.Number == asked && r.Problem is null)
        : top.Find(r => r.Problem is null && r.Cells.Exists(c => IsCodeColumn(c.Text, options.Columns))) ?? top.Find(r => !r.IsEmpty && r.Problem is null);

    private static string Names(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
