using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// How every part of a workbook is read: no DTD (no entity expansion), no resolver, comments and processing
/// instructions skipped, and no deeper than <see cref="MaxDepth"/> elements — the reader keeps a node for every open
/// element, so a few kilobytes zipped of <c>&lt;x&gt;&lt;x&gt;…</c> three million deep would otherwise cost a gigabyte.
/// </summary>
internal static class XlsxXml
{
    /// <summary>The deepest an element may be nested; Excel's own parts (extensions included) stay under a dozen.</summary>
    public const int MaxDepth = 64;

    /// <summary>The reader settings.</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>A reader over a part, its tags bounded (<see cref="TagLimitStream"/>); the part stays the caller's to close.</summary>
    public static XmlReader Create(Stream part) => XmlReader.Create(new TagLimitStream(part), Settings);

    /// <summary><see cref="XmlReader.Read"/>, refusing a node deeper than <see cref="MaxDepth"/>.</summary>
    /// <exception cref="XmlException">The node is nested too deep, or the XML is not well-formed.</exception>
    public static bool Read(XmlReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        return reader.Depth <= MaxDepth
            ? true
            : throw new XmlException($"The XML nests elements deeper than {MaxDepth} levels; it is not read.");
    }

    /// <summary><see cref="XmlReader.Skip"/> (past the element the reader is on and everything in it), refusing a node deeper than <see cref="MaxDepth"/>.</summary>
    public static void Skip(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (Read(reader) && reader.Depth > depth)
            {
            }
        }

        Read(reader);
    }
}
