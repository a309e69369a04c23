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
                    _afterCr = false;
                    // Keep what still fits in the line's limit; the rest of the line is dropped and the line marked cut.
                    var room = (int)Math.Clamp(maxLineLength - _length, 0, run);
                    if (room < run)
                    {
                        _cut.Add(_line);
                    }

                    if (kept != i)
                    {
                        buffer.Slice(i, room).CopyTo(buffer[kept..]);
                    }

                    kept += room;
                    _length += run;
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

            // A whole buffer of a cut line yields nothing: read on rather than signal the end.
            if (kept > 0)
            {
                return kept;
            }
        }
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
