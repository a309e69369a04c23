using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// An open workbook, read-only: its sheets in order with their visibility, its shared strings, and a stream for each
/// sheet's rows. The Open XML SDK finds the parts; every part with data in it is read with <see cref="XmlReader"/>s
/// of our own (<see cref="SheetRowReader"/>, <see cref="SharedStrings"/>), so nothing goes through a number type.
/// </summary>
internal sealed class Workbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly List<(string Name, bool Visible, string Id)> _sheets;

    private Workbook(SpreadsheetDocument document, List<(string Name, bool Visible, string Id)> sheets)
    {
        _document = document;
        _sheets = sheets;
    }

    /// <summary>The sheets' names, in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames => _sheets.ConvertAll(s => s.Name);

    /// <summary>The names of the hidden and very hidden sheets.</summary>
    public IReadOnlyList<string> HiddenSheets => _sheets.Where(s => !s.Visible).Select(s => s.Name).ToList();

    /// <summary>The visible sheets' names, in order.</summary>
    public IReadOnlyList<string> VisibleSheets => _sheets.Where(s => s.Visible).Select(s => s.Name).ToList();

    /// <summary>Opens a workbook file.</summary>
    /// <exception cref="InvalidDataException">The file is not a workbook that can be read; the message says why.</exception>
    public static Workbook Open(string path)
    {
        SpreadsheetDocument? document = null;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { AutoSave = false });
            var workbook = document.WorkbookPart?.Workbook ?? throw new InvalidDataException("it has no workbook part");
            var sheets = workbook.Sheets?.Elements<Sheet>().Select(Describe).ToList() ?? [];
            return sheets.Count == 0 ? throw new InvalidDataException("it has no sheets") : new Workbook(document, sheets);
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            document?.Dispose();
            throw new InvalidDataException($"The file is not an Excel workbook (.xlsx) that can be read: {ex.Message}", ex);
        }
    }

    /// <summary>Whether an exception from the SDK or the XML reader means the file cannot be read (rather than a bug).</summary>
    public static bool IsUnreadable(Exception ex) =>
        ex is InvalidDataException or IOException or System.Xml.XmlException or OpenXmlPackageException or FormatException
            or KeyNotFoundException or ArgumentException or InvalidOperationException or NotSupportedException or UnauthorizedAccessException;

    /// <summary>Whether the workbook has a sheet of that name (exactly).</summary>
    public bool HasSheet(string name) => _sheets.Exists(s => s.Name == name);

    /// <summary>The workbook's shared strings, bounded (see <see cref="SharedStrings"/>).</summary>
    public SharedStrings Strings(int maxLength)
    {
        var part = _document.WorkbookPart!.SharedStringTablePart;
        if (part is null)
        {
            return SharedStrings.Empty;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return SharedStrings.Read(stream, maxLength);
    }

    /// <summary>A stream over the named sheet's part.</summary>
    /// <exception cref="InvalidDataException">The sheet's part is missing or is not a worksheet.</exception>
    public Stream OpenSheet(string name)
    {
        var id = _sheets.Find(s => s.Name == name).Id;
        var part = _document.WorkbookPart!.GetPartById(id) as WorksheetPart
            ?? throw new InvalidDataException($"The sheet '{name}' is not a worksheet (a chart sheet or a macro sheet); it holds no table.");
        return part.GetStream(FileMode.Open, FileAccess.Read);
    }

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();

    private static (string Name, bool Visible, string Id) Describe(Sheet sheet) =>
        (sheet.Name?.Value ?? string.Empty, sheet.State?.InnerText is null or "visible", sheet.Id?.Value ?? string.Empty);
}
