using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>The text of a string item (<c>&lt;si&gt;</c> or <c>&lt;is&gt;</c>): its <c>t</c> elements, plain or in runs, without phonetic guides.</summary>
internal static class RichText
{
    /// <summary>Appends the item's text; the reader ends on the item's end element (or on the empty element).</summary>
    public static void Append(XmlReader reader, BoundedText text)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        XlsxXml.Read(reader);
        while (reader.Depth > depth && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                XlsxXml.Read(reader);
            }
            else if (reader.LocalName is "rPh" or "phoneticPr" or "rPr")
            {
                XlsxXml.Skip(reader);
            }
            else if (reader.LocalName == "t")
            {
                text.AppendElement(reader);
                XlsxXml.Read(reader);
            }
            else
            {
                XlsxXml.Read(reader);
            }
        }
    }
}
