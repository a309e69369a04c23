using System.IO.Compression;
using System.Security;
using System.Text;

namespace TaobaoVillage.Tests.Excel;

/// <summary>Workbooks written by hand as raw OpenXML (a zip of small XML parts), so that a test can say exactly what a hostile or unusual file holds.</summary>
internal static class RawXlsx
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A sheet: its name, its state (null, hidden, veryHidden) and the XML inside its <c>&lt;sheetData&gt;</c> (or the whole worksheet when it starts with &lt;worksheet).</summary>
    internal sealed record Sheet(string Name, string Rows, string? State = null);

    /// <summary>Writes a workbook with one sheet named 村.</summary>
    public static void Write(string path, string rows, IReadOnlyList<string>? sharedStrings = null) =>
        Write(path, [new Sheet("村", rows)], sharedStrings);

    /// <summary>Writes a workbook.</summary>
    public static void Write(string path, IReadOnlyList<Sheet> sheets, IReadOnlyList<string>? sharedStrings = null, string? sharedStringsXml = null, string? styles = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        var overrides = string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""));
        Part("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        var entries = string.Concat(sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"{(s.State is null ? string.Empty : $" state=\"{s.State}\"")}/>"""));
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{entries}</sheets></workbook>""");
        var rels = string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""));
        Part("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        var items = string.Concat((sharedStrings ?? []).Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"));
        Part("xl/sharedStrings.xml", sharedStringsXml ?? $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}">{items}</sst>""");
        Part("xl/styles.xml", styles ?? $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{Main}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>""");
        for (var i = 0; i < sheets.Count; i++)
        {
            var body = sheets[i].Rows.StartsWith("<worksheet", StringComparison.Ordinal) ? sheets[i].Rows : $"<worksheet xmlns=\"{Main}\"><sheetData>{sheets[i].Rows}</sheetData></worksheet>";
            Part($"xl/worksheets/sheet{i + 1}.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
        }
    }

    /// <summary>An inline-string cell.</summary>
    public static string Text(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>";

    /// <summary>A number cell holding exactly this text.</summary>
    public static string Number(string reference, string value) => $"<c r=\"{reference}\"><v>{value}</v></c>";

    /// <summary>A row.</summary>
    public static string Row(long number, params string[] cells) => $"<row r=\"{number}\">{string.Concat(cells)}</row>";

    /// <summary>The contract's header (code, committee, households, shops, sales in yuan) as row 1.</summary>
    public static string Header(long row = 1) => Row(row, Text($"A{row}", "village_code"), Text($"B{row}", "committee"), Text($"C{row}", "households"), Text($"D{row}", "active_shops"), Text($"E{row}", "annual_sales_cny"));

    /// <summary>A village row with these figures' texts as number cells.</summary>
    public static string Village(long row, string code, string households, string shops, string sales) =>
        Row(row, Number($"A{row}", code), Text($"B{row}", "village"), Number($"C{row}", households), Number($"D{row}", shops), Number($"E{row}", sales));
}
