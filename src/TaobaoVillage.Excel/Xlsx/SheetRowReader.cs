using System.Globalization;
using System.Xml;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// Streams the rows of a worksheet part with an <see cref="XmlReader"/>, in time linear in the part and memory
/// bounded by one row: cell texts exactly as stored (numbers from their <c>&lt;v&gt;</c> text, never a
/// <see cref="double"/>), each row with the sheet's own row number. A row that cannot be read — a row number that is
/// not one or comes out of order, a cell beyond XFD or given twice, a shared string that is not there, a cell over the
/// limit — still comes out, with its problem, so that every row of the sheet is accounted for.
/// </summary>
internal sealed class SheetRowReader
{
    /// <summary>Excel's last row.</summary>
    public const long MaxRow = 1_048_576;

    /// <summary>Excel's last column (XFD).</summary>
    public const int MaxColumn = 16_384;

    /// <summary>The most characters a row's cells may hold together, as a CSV line (16 Mi): a row of 16,384 cells that each name one long shared string would otherwise cost gigabytes from a file of kilobytes.</summary>
    public const int MaxRowCharacters = 16 << 20;

    private readonly Stream _part;
    private readonly XmlReader _reader;
    private readonly SharedStrings _strings;
    private readonly BoundedText _text;
    private readonly int _maxLength;
    private readonly HashSet<int> _columns = [];
    private long _last;
    private long _rowCharacters;
    private string _namespace = string.Empty;

    public SheetRowReader(Stream part, SharedStrings strings, int maxLength)
    {
        _part = part;
        _reader = XlsxXml.Create(part);
        _strings = strings;
        _maxLength = maxLength;
        _text = new BoundedText(maxLength);
    }

    /// <summary>The number of the last row read (0 before the first).</summary>
    public long LastRow => _last;

    /// <summary>The rows, one at a time, read lazily.</summary>
    /// <exception cref="XmlException">The part is not well-formed XML.</exception>
    public IEnumerable<SheetRow> Rows()
    {
        using (_part)
        using (_reader)
        {
            // Only the rows of <sheetData>: a <row> inside <extLst> or any other element is not shown by Excel and is not read.
            var inData = false;
            while (XlsxXml.Read(_reader))
            {
                if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == 0)
                {
                    _namespace = _reader.NamespaceURI;
                }
                else if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == 1)
                {
                    inData = IsOurs("sheetData");
                }
                else if (inData && _reader.NodeType == XmlNodeType.Element && _reader.Depth == 2 && IsOurs("row"))
                {
                    var row = new SheetRow();
                    ReadRow(row);
                    yield return row;
                }
            }
        }
    }

    /// <summary>Whether the reader is on an element of this name in the worksheet's own namespace (an element of another namespace is not Excel's, and Excel does not show it).</summary>
    private bool IsOurs(string name) => _reader.LocalName == name && _reader.NamespaceURI == _namespace;

    private void ReadRow(SheetRow row)
    {
        row.Hidden = _reader.GetAttribute("hidden") is "1" or "true";
        row.Number = NumberOf(_reader.GetAttribute("r"), row);
        _columns.Clear();
        _rowCharacters = 0;
        if (_reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        var column = 0;
        XlsxXml.Read(_reader);
        while (_reader.Depth > depth && !_reader.EOF)
        {
            if (_reader.NodeType == XmlNodeType.Element && IsOurs("c"))
            {
                column = ReadCell(row, column);
            }
            else if (_reader.NodeType == XmlNodeType.Element)
            {
                XlsxXml.Skip(_reader);
            }
            else
            {
                XlsxXml.Read(_reader);
            }
        }
    }

    /// <summary>The row's number: its <c>r</c>, or the next after the last; a bad or out-of-order one is the row's problem.</summary>
    private long NumberOf(string? r, SheetRow row)
    {
        var next = _last + 1;
        if (r is null)
        {
            _last = next;
            if (next > MaxRow)
            {
                row.Problem = Malformed("row-past-last", ("limit", Count(MaxRow)));
            }

            return next;
        }

        if (!long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > MaxRow)
        {
            _last = next;
            row.Problem = Malformed("row-number", ("row", (next - 1).ToString(CultureInfo.InvariantCulture)), ("number", Shorten(r)), ("limit", Count(MaxRow)));
            return next;
        }

        if (number <= _last)
        {
            row.Problem = Malformed("rows-out-of-order", ("row", number.ToString(CultureInfo.InvariantCulture)), ("previous", _last.ToString(CultureInfo.InvariantCulture)));
            return number;
        }

        _last = number;
        return number;
    }

    /// <summary>Reads one <c>&lt;c&gt;</c>, leaving the reader after it; returns its column.</summary>
    private int ReadCell(SheetRow row, int previous)
    {
        var reference = _reader.GetAttribute("r");
        var type = _reader.GetAttribute("t");
        var column = reference is null ? previous + 1 : ColumnOf(reference);
        if (column is < 1 or > MaxColumn)
        {
            row.Problem ??= Malformed("beyond-xfd", ("row", row.Number.ToString(CultureInfo.InvariantCulture)), ("cell", Shorten(reference ?? string.Empty)));
            XlsxXml.Skip(_reader);
            return previous;
        }

        if (!_columns.Add(column))
        {
            row.Problem ??= Malformed("cell-twice", ("row", row.Number.ToString(CultureInfo.InvariantCulture)), ("cell", CellName(column, row.Number)));
        }

        var text = CellText(type, row, column);
        XlsxXml.Read(_reader);
        if (text is not null)
        {
            _rowCharacters += text.Length;
            if (_rowCharacters > MaxRowCharacters)
            {
                row.Cells.Clear();
                row.Problem = RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "row", ("row", row.Number.ToString(CultureInfo.InvariantCulture)), ("limit", Count(MaxRowCharacters)));
            }
            else
            {
                row.Cells.Add(new SheetCell(column, text, type is null or "n"));
            }
        }

        return column;
    }

    /// <summary>The cell's text, as Excel shows a value of its type; null when it has none.</summary>
    private string? CellText(string? type, SheetRow row, int column)
    {
        _text.Clear();
        string? value = null;
        if (_reader.IsEmptyElement)
        {
            return null;
        }

        var depth = _reader.Depth;
        XlsxXml.Read(_reader);
        while (_reader.Depth > depth && !_reader.EOF)
        {
            if (_reader.NodeType == XmlNodeType.Element && (IsOurs("v") || IsOurs("is")))
            {
                ReadValue();
                value = _text.ToString();
                XlsxXml.Read(_reader);
            }
            else if (_reader.NodeType == XmlNodeType.Element)
            {
                XlsxXml.Skip(_reader);
            }
            else
            {
                XlsxXml.Read(_reader);
            }
        }

        if (value is null)
        {
            return null;
        }

        if (_text.TooLong)
        {
            return TooLong(row, column);
        }

        return type switch
        {
            "s" => Shared(value, row, column),
            "b" => value.Trim() is "1" or "true" ? "true" : value.Trim() is "0" or "false" ? "false" : value,
            null or "n" => NumberText.Plain(value.Trim()),
            _ => value,
        };
    }

    private void ReadValue()
    {
        _text.Clear();
        if (_reader.LocalName == "v")
        {
            _text.AppendElement(_reader);
        }
        else
        {
            RichText.Append(_reader, _text);
        }
    }

    /// <summary>Makes the cell over the limit the row's problem (the first one counts); the cell gives no text.</summary>
    private string? TooLong(SheetRow row, int column)
    {
        row.Problem ??= RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "sheet-cell", ("cell", CellName(column, row.Number)), ("limit", Count(_maxLength)));
        return null;
    }

    private string? Shared(string index, SheetRow row, int column)
    {
        if (long.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && _strings.At(i) is { } text)
        {
            return text.Length > _maxLength ? TooLong(row, column) : text;
        }

        row.Problem ??= Malformed("shared-string", ("cell", CellName(column, row.Number)), ("index", Shorten(index)), ("count", Count(_strings.Count)));
        return null;
    }

    /// <summary>The column of a cell reference (<c>B5</c> is 2); 0 when it names none.</summary>
    public static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
                if (column > MaxColumn)
                {
                    return MaxColumn + 1;
                }
            }
            else
            {
                break;
            }
        }

        return column;
    }

    /// <summary>A column's letters (2 is B).</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private static RecordProblem Malformed(string detail, params (string Name, string Value)[] arguments) =>
        RecordProblem.Create("*", null, RecordProblemCodes.Malformed, detail, arguments);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string CellName(int column, long row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
