using DocumentFormat.OpenXml.Packaging;
using System.IO.Compression;
using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// An open workbook, read-only: its sheets in order with their visibility, its shared strings, and a stream for each
/// sheet's rows. The Open XML SDK finds the parts; every part with data in it is read with <see cref="XmlReader"/>s
/// of our own (<see cref="SheetRowReader"/>, <see cref="SharedStrings"/>), so nothing goes through a number type.
/// </summary>
internal sealed class Workbook : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";

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
            CheckPackageParts(path);
            document = SpreadsheetDocument.Open(path, isEditable: false, new OpenSettings { AutoSave = false });
            var part = document.WorkbookPart ?? throw new InvalidDataException("it has no workbook part");
            List<(string Name, bool Visible, string Id)> sheets;
            using (var stream = part.GetStream(FileMode.Open, FileAccess.Read))
            {
                sheets = ReadSheets(stream);
            }

            if (sheets.Count == 0)
            {
                throw new InvalidDataException("it has no sheets");
            }

            // Excel's sheet names are unique in any case; two of one name would let a hidden sheet be read as the visible one.
            var twice = sheets.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            return twice is null ? new Workbook(document, sheets) : throw new InvalidDataException($"it has two sheets named '{twice.Key}'");
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

    /// <summary>How many sheet parts this thread has opened: lets a test count passes over a sheet instead of timing them.</summary>
    [ThreadStatic]
    internal static long SheetsOpenedOnThisThread;

    /// <summary>A stream over the named sheet's part.</summary>
    /// <exception cref="InvalidDataException">The sheet's part is missing or is not a worksheet.</exception>
    public Stream OpenSheet(string name)
    {
        SheetsOpenedOnThisThread++;
        var id = _sheets.Find(s => s.Name == name).Id;
        if (!_document.WorkbookPart!.TryGetPartById(id, out var found))
        {
            throw new InvalidDataException($"The sheet '{name}' has no part in the workbook (its relationship '{id}' names none); it holds no table.");
        }

        var part = found as WorksheetPart
            ?? throw new InvalidDataException($"The sheet '{name}' is not a worksheet (a chart sheet or a macro sheet); it holds no table.");
        return part.GetStream(FileMode.Open, FileAccess.Read);
    }

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();

    /// <summary>
    /// Reads the package's own parts (relationships, content types) with the bounded reader before the SDK does: the
    /// SDK's parser takes time quadratic in their nesting (80,000 nested elements in a 2 KB zipped <c>.rels</c>: 12 s,
    /// 300,000: minutes), where no real one nests deeper than two.
    /// </summary>
    private static void CheckPackageParts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || entry.FullName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
            {
                using var stream = entry.Open();
                using var reader = XlsxXml.Create(stream);
                while (XlsxXml.Read(reader))
                {
                }
            }
        }
    }

    /// <summary>
    /// The workbook part's <c>&lt;sheet&gt;</c> entries, read with our own bounded <see cref="XmlReader"/> rather than the
    /// SDK's DOM, which builds the whole part in memory and recurses into nested elements until the stack overflows.
    /// </summary>
    private static List<(string Name, bool Visible, string Id)> ReadSheets(Stream part)
    {
        var sheets = new List<(string Name, bool Visible, string Id)>();
        using var reader = XlsxXml.Create(part);
        var inSheets = false;
        while (XlsxXml.Read(reader))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                inSheets = reader.LocalName == "sheets";
            }
            else if (inSheets && reader.NodeType == XmlNodeType.Element && reader.Depth == 2 && reader.LocalName == "sheet")
            {
                var state = reader.GetAttribute("state");
                var id = reader.GetAttribute("id", Relationships) ?? reader.GetAttribute("id", StrictRelationships);
                sheets.Add((reader.GetAttribute("name") ?? string.Empty, state is null or "visible", id ?? string.Empty));
            }
        }

        return sheets;
    }

    /// <summary>Whether the sheet's part is there and is a worksheet (not a chart sheet, a dialog or macro sheet, or nothing).</summary>
    public bool IsWorksheet(string name) => WorksheetUri(name) is not null;

    /// <summary>The sheet's worksheet part (several sheets may name one); null when it is not a worksheet.</summary>
    public Uri? WorksheetUri(string name)
    {
        var id = _sheets.Find(s => s.Name == name).Id;
        return _document.WorkbookPart!.TryGetPartById(id ?? string.Empty, out var part) && part is WorksheetPart ? part.Uri : null;
    }
}
