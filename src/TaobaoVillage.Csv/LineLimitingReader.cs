namespace TaobaoVillage.Csv;

/// <summary>
/// Passes text through, cutting every physical line longer than a limit down to nothing and remembering its number,
/// so that the CSV parser never buffers a huge line and the reader can reject exactly that line and go on with the next.
/// </summary>
/// <remarks>Not thread-safe: one per read. Lines end at \n, \r or \r\n, as the CSV parser counts them.</remarks>
internal sealed class LineLimitingReader(TextReader inner, int maxLineLength) : TextReader
{
    private readonly HashSet<long> _cut = [];
    private long _line = 1;
    private long _length;
    private bool _afterCr;

    /// <summary>Whether the line with this number (1-based) was longer than the limit and was cut.</summary>
    public bool WasCut(long line) => _cut.Contains(line);

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        while (true)
        {
            var n = inner.Read(buffer);
            if (n == 0)
            {
                return 0;
            }

            // A whole buffer of a cut line yields nothing: read on rather than signal the end.
            if (Filter(buffer, n) is var kept and > 0)
            {
                return kept;
            }
        }
    }

    /// <summary>Moves what is kept of the first <paramref name="n"/> characters to the front; gives how many.</summary>
    private int Filter(Span<char> buffer, int n)
    {
        var kept = 0;
        var i = 0;
        while (i < n)
        {
            // The characters up to the next line break in one step (a vectorised search), not one by one.
            var rest = buffer[i..n];
            var lineBreak = rest.IndexOfAny('\r', '\n');
            var run = lineBreak < 0 ? rest.Length : lineBreak;
            if (run > 0)
            {
                kept += KeepRun(buffer, i, run, kept);
                i += run;
            }

            if (lineBreak < 0)
            {
                break;
            }

            var c = buffer[i++];
            if (!(c == '\n' && _afterCr))
            {
                _line++;
            }

            _length = 0;
            _afterCr = c == '\r';
            buffer[kept++] = c;
        }

        return kept;
    }

    /// <summary>
    /// Keeps what of a run without line breaks still fits in the line's limit, moved to <paramref name="kept"/>; the
    /// rest of the line is dropped and the line marked cut. Gives how many characters were kept.
    /// </summary>
    private int KeepRun(Span<char> buffer, int start, int run, int kept)
    {
        _afterCr = false;
        var room = (int)Math.Clamp(maxLineLength - _length, 0, run);
        if (room < run)
        {
            _cut.Add(_line);
        }

        if (kept != start)
        {
            buffer.Slice(start, room).CopyTo(buffer[kept..]);
        }

        _length += run;
        return room;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
