using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// A workbook's shared strings, held compactly (one character buffer and the start of each string) and bounded: at
/// most <see cref="MaxCount"/> strings, each kept to the cell limit plus one character, so that a small file that
/// declares fifty million strings is refused in bounded time and memory instead of filling the disk or the heap.
/// </summary>
internal sealed class SharedStrings
{
    /// <summary>The most shared strings a workbook may have: sixteen million, more than a full sheet of text columns needs.</summary>
    public const int MaxCount = 1 << 24;

    /// <summary>The most characters all shared strings may hold together: 256 million (512 MB).</summary>
    public const int MaxCharacters = 1 << 28;

    private readonly List<int> _starts = [0];
    private char[] _chars = new char[1024];

    private SharedStrings()
    {
    }

    /// <summary>No shared strings.</summary>
    public static SharedStrings Empty { get; } = new();

    /// <summary>How many strings there are.</summary>
    public int Count => _starts.Count - 1;

    /// <summary>Reads the shared-string part.</summary>
    /// <exception cref="InvalidDataException">More than <see cref="MaxCount"/> strings.</exception>
    /// <exception cref="XmlException">The part is not well-formed.</exception>
    public static SharedStrings Read(Stream part, int maxLength)
    {
        var strings = new SharedStrings();
        var text = new BoundedText(maxLength);
        using var reader = XlsxXml.Create(part);
        var root = string.Empty;
        while (XlsxXml.Read(reader))
        {
            // Only the items of <sst> itself: an <si> elsewhere (in <extLst>) would shift every index after it.
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 0)
            {
                root = reader.NamespaceURI;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1 && reader.LocalName == "si" && reader.NamespaceURI == root)
            {
                text.Clear();
                RichText.Append(reader, text);
                strings.Add(text.ToString());
            }
        }

        return strings;
    }

    /// <summary>String <paramref name="index"/>, or null when there is none.</summary>
    public string? At(long index) =>
        index >= 0 && index < Count ? new string(_chars, _starts[(int)index], _starts[(int)index + 1] - _starts[(int)index]) : null;

    private void Add(string value)
    {
        if (Count >= MaxCount)
        {
            throw new InvalidDataException($"The workbook has more than {MaxCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} shared strings; it is not read.");
        }

        var end = _starts[^1];
        if (end + (long)value.Length > MaxCharacters)
        {
            throw new InvalidDataException($"The workbook's shared strings hold more than {MaxCharacters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters; it is not read.");
        }

        if (end + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, (int)Math.Min(MaxCharacters, Math.Max(_chars.Length * 2L, end + value.Length)));
        }

        value.CopyTo(0, _chars, end, value.Length);
        _starts.Add(end + value.Length);
    }
}
