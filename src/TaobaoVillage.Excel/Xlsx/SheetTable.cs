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
    private readonly SheetRowReader _reader;
    private readonly IEnumerator<SheetRow> _rows;
    private int _skip;

    private SheetTable(Workbook workbook, ExcelWorkbookInfo info, int[] columns, SheetRowReader reader, int skip)
    {
        HeaderColumns = columns;
        _workbook = workbook;
        Info = info;
        _reader = reader;
        _rows = reader.Rows().GetEnumerator();
        _skip = skip;
    }

    /// <summary>Which sheet, which header.</summary>
    public ExcelWorkbookInfo Info { get; }

    /// <summary>For each of <see cref="ExcelWorkbookInfo.Header"/>'s names, its column in the sheet (1 for A).</summary>
    public IReadOnlyList<int> HeaderColumns { get; }

    /// <summary>The number of the last row the sheet's reader has passed.</summary>
    public long LastRow => _reader.LastRow;

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
    /// <exception cref="System.Xml.XmlException">The sheet stops being readable.</exception>
    public SheetRow? Next()
    {
        for (; _skip > 0; _skip--)
        {
            if (!_rows.MoveNext())
            {
                _skip = 0;
                return null;
            }
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

    /// <summary>
    /// Finds the header in a first pass over the top rows, holding one row at a time (and the header), then streams the
    /// sheet again from its start, past the header: memory stays bounded by a row however wide the top rows are.
    /// </summary>
    private static SheetTable Read(Workbook workbook, string sheet, SharedStrings strings, ExcelRecordReaderOptions options)
    {
        var top = Scan(workbook, sheet, strings, options);
        var header = top.Header;
        if (header?.Row.Problem is { } problem)
        {
            throw new InvalidDataException($"The header of sheet '{sheet}', row {header.Value.Row.Number}, cannot be read: {problem.Message}");
        }

        var named = header?.Row.Cells.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList() ?? [];
        var info = new ExcelWorkbookInfo(sheet, workbook.SheetNames, workbook.HiddenSheets, header?.Row.Number ?? 0, named.ConvertAll(c => c.Text.Trim()))
        {
            BlankColumns = BlankBetween(named.ConvertAll(c => c.Column)),
        };
        var reader = new SheetRowReader(workbook.OpenSheet(sheet), strings, options.MaxFieldLength);
        return new SheetTable(workbook, info, [.. named.Select(c => c.Column)], reader, header is { } h ? h.Index + 1 : 0);
    }

    /// <summary>The first visible worksheet whose top rows name a village-code column; else the first visible worksheet.</summary>
    /// <exception cref="InvalidDataException">No sheet is visible (hidden ones are read only when named).</exception>
    private static string Choose(Workbook workbook, SharedStrings strings, ExcelRecordReaderOptions options)
    {
        var worksheets = workbook.VisibleSheets.Where(workbook.IsWorksheet).ToList();
        var scanned = new HashSet<Uri>();
        foreach (var name in worksheets)
        {
            // Each part once: 300 sheets naming one part with a long prelude would otherwise read it 300 times.
            if (scanned.Add(workbook.WorksheetUri(name)!) && Scan(workbook, name, strings, options).NamesCode)
            {
                return name;
            }
        }

        return worksheets.Count > 0 ? worksheets[0]
            : workbook.VisibleSheets.Count > 0 ? workbook.VisibleSheets[0]
            : throw new InvalidDataException($"The workbook has no visible sheet; its hidden sheets ({Names(workbook.HiddenSheets)}) are read only when named.");
    }

    /// <summary>
    /// The top rows, one at a time: the first <see cref="HeaderSearchRows"/>, or down to the header row asked for. Gives
    /// the header (the row asked for; else the first that names a village-code column; else the first with a value) with
    /// its place among the sheet's rows (also when it cannot be read: the table then cannot be), and whether any of them names a village-code column. A sheet unreadable before
    /// then gives what was found before.
    /// </summary>
    private static TopRows Scan(Workbook workbook, string sheet, SharedStrings strings, ExcelRecordReaderOptions options)
    {
        (SheetRow Row, int Index)? code = null, asked = null, first = null;
        var namesCode = false;
        using var rows = new SheetRowReader(workbook.OpenSheet(sheet), strings, options.MaxFieldLength).Rows().GetEnumerator();
        try
        {
            long last = 0;
            for (var index = 0; (options.HeaderRow is { } h ? index == 0 || last < h : index < HeaderSearchRows) && rows.MoveNext(); index++)
            {
                var row = rows.Current;
                last = row.Number;
                var hasCode = row.Cells.Exists(c => IsCodeColumn(c.Text, options.Columns));
                namesCode |= hasCode;
                // A row that cannot be read is still the header when it is where the header is: taking the next row instead would read a village as the header.
                asked ??= row.Number == options.HeaderRow ? (row, index) : null;
                code ??= hasCode ? (row, index) : null;
                first ??= row.IsEmpty ? null : (row, index);
            }
        }
        catch (Exception ex) when (Workbook.IsUnreadable(ex))
        {
            // The second pass meets the same failure where it is, after the rows before it.
        }

        return new TopRows(options.HeaderRow is null ? code ?? first : asked, namesCode);
    }

    /// <summary>The columns between the first and the last named one that have no name, as letters.</summary>
    private static List<string> BlankBetween(List<int> named) => named.Count == 0 ? []
        : [.. Enumerable.Range(named.Min(), named.Max() - named.Min() + 1).Except(named).Select(SheetRowReader.ColumnName)];

    private static string Names(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private readonly record struct TopRows((SheetRow Row, int Index)? Header, bool NamesCode);
}
