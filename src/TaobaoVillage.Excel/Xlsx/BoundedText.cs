using System.Text;
using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// Text read from an XML element in chunks, keeping at most a limit plus one character: a cell of 300 MB costs the
/// time to read it and no more memory than the limit, and the one extra character says the limit was passed.
/// </summary>
internal sealed class BoundedText(int limit)
{
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[4096];

    /// <summary>Whether the text read so far is longer than the limit.</summary>
    public bool TooLong => _text.Length > limit;

    /// <summary>How many characters were kept (at most the limit plus one).</summary>
    public int Length => _text.Length;

    /// <summary>Starts a new text.</summary>
    public void Clear() => _text.Clear();

    /// <summary>The text kept.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Reads the text content of the element the reader is on, to its end element; the reader ends on that end element (or on the empty element).</summary>
    public void AppendElement(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (XlsxXml.Read(reader) && reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                AppendValue(reader);
            }
        }
    }

    private void AppendValue(XmlReader reader)
    {
        int read;
        while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            var room = limit + 1 - _text.Length;
            if (room > 0)
            {
                _text.Append(_chunk, 0, Math.Min(room, read));
            }
        }
    }
}
