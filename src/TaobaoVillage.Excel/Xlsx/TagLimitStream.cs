using System.Xml;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// Passes a part's bytes through unchanged while counting each tag (from <c>&lt;</c> to <c>&gt;</c>, quoted attribute
/// values included; comments and CDATA sections excepted): <see cref="XmlReader"/> holds a whole tag in memory with no
/// limit of its own, so a 200-million-character attribute zipped into a few hundred kilobytes would cost gigabytes.
/// A tag longer than <see cref="MaxTagBytes"/> ends the part with an <see cref="XmlException"/>.
/// </summary>
internal sealed class TagLimitStream(Stream inner) : Stream
{
    /// <summary>The longest tag a part may hold: 1 MiB, thousands of times what Excel writes (a cell's tag is tens of bytes).</summary>
    public const int MaxTagBytes = 1 << 20;

    private const string Comment = "<!--";
    private const string Cdata = "<![CDATA[";

    private State _state;
    private long _tagBytes;
    private byte _quote;
    private bool _declaration; // the tag opened with <! (a comment or CDATA may follow): its first bytes are looked at one by one
    private int _tail; // the last bytes seen, for the ends of comments (-->) and CDATA (]]>)

    private enum State
    {
        Text,
        Tag,
        Quoted,
        InComment,
        InCdata,
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Scan(buffer.AsSpan(offset, read));
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Scan(buffer[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Follows the bytes: vectorised searches through text, tags and quoted values, byte by byte only where a tag may open a comment or CDATA section, and inside those (rare).</summary>
    private void Scan(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var used = _state switch
            {
                State.Text => Jump(bytes, bytes.IndexOf((byte)'<'), State.Tag),
                State.Tag when _tagBytes > 1 && (!_declaration || _tagBytes >= Cdata.Length) => Jump(bytes, bytes.IndexOfAny((byte)'>', (byte)'"', (byte)'\''), State.Tag),
                State.Quoted => Jump(bytes, bytes.IndexOf(_quote), State.Tag),
                _ => StepOne(bytes[0]),
            };
            bytes = bytes[used..];
        }
    }

    /// <summary>Moves past the bytes up to and including <paramref name="found"/> (all of them when −1), counting them when in a tag.</summary>
    private int Jump(ReadOnlySpan<byte> bytes, int found, State next)
    {
        var used = found < 0 ? bytes.Length : found + 1;
        if (_state != State.Text)
        {
            Count(used);
        }

        if (found < 0)
        {
            return used;
        }

        var b = bytes[found];
        _tail = b;
        if (_state == State.Text)
        {
            (_state, _tagBytes, _declaration) = (State.Tag, 1, false);
        }
        else if (_state == State.Quoted || b == '>')
        {
            _state = _state == State.Quoted ? next : State.Text;
        }
        else
        {
            (_state, _quote) = (State.Quoted, b);
        }

        return used;
    }

    private int StepOne(byte b)
    {
        _tail = (_tail << 8) | b;
        switch (_state)
        {
            case State.Tag:
                InTag(b);
                break;
            case State.InComment when (_tail & 0xFFFFFF) == ('-' << 16 | '-' << 8 | '>'):
            case State.InCdata when (_tail & 0xFFFFFF) == (']' << 16 | ']' << 8 | '>'):
                _state = State.Text;
                break;
        }

        return 1;
    }

    private void InTag(byte b)
    {
        Count(1);
        _declaration |= _tagBytes == 2 && b == '!';
        if (b == '>')
        {
            _state = State.Text;
        }
        else if (b is (byte)'"' or (byte)'\'')
        {
            (_state, _quote) = (State.Quoted, b);
        }
        else if (_tagBytes == Comment.Length && EndsWith(Comment))
        {
            _state = State.InComment;
        }
        else if (_tagBytes == Cdata.Length && b == '[' && _tail == ('A' << 24 | 'T' << 16 | 'A' << 8 | '['))
        {
            _state = State.InCdata;
        }
    }

    private bool EndsWith(string text) => _tail == (text[0] << 24 | text[1] << 16 | text[2] << 8 | text[3]);

    private void Count(int bytes)
    {
        if ((_tagBytes += bytes) > MaxTagBytes)
        {
            throw new XmlException($"A tag is longer than {MaxTagBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (an attribute or a name that long is no workbook's); it is not read.");
        }
    }
}
