namespace TaobaoVillage.Json;

/// <summary>
/// A text reader that remembers the last characters it handed out, by line and column, so that the exact text of a
/// number token can be read back (Newtonsoft.Json only gives its parsed value, rounded), and that counts the characters
/// of the current element against a budget, so that one huge string cannot be buffered whole.
/// </summary>
/// <remarks>Not thread-safe: one per parse.</remarks>
internal sealed class TextWindow(TextReader inner, int budget) : TextReader
{
    // At least the budget: after a long string the parser's buffer (and so its read-ahead) grows to match.
    private readonly char[] _window = new char[Math.Max(1 << 16, budget)];
    private readonly Dictionary<long, long> _lineStarts = new() { [1] = 0 };
    private long _offset;
    private long _line = 1;
    private bool _afterCr;
    private long _spent;

    private int Size => _window.Length;

    /// <summary>Starts a new element's budget.</summary>
    public void ResetBudget() => _spent = 0;

    /// <summary>The number's text ending at (<paramref name="line"/>, <paramref name="position"/>) as Newtonsoft reports them, or null when it left the window.</summary>
    public string? NumberEndingAt(long line, int position)
    {
        if (!_lineStarts.TryGetValue(line, out var start))
        {
            return null;
        }

        var end = start + position;
        var begin = end;
        // Back to the number's first character, however long: the element budget keeps it inside the window, and a
        // number cut short would be another number (the last 400 digits of 0.000…1 read as 1).
        while (begin > 0 && _offset - (begin - 1) <= Size && JsonNumberText.IsNumberChar(_window[(begin - 1) % Size]))
        {
            begin--;
        }

        if (begin == end || _offset - begin > Size || end > _offset)
        {
            return null;
        }

        var text = new char[end - begin];
        for (var i = begin; i < end; i++)
        {
            text[i - begin] = _window[i % Size];
        }

        return new string(text);
    }

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Record((char)c);
        }

        return c;
    }

    public override int Peek() => inner.Peek();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = inner.Read(buffer);
        foreach (var c in buffer[..n])
        {
            Record(c);
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Record(char c)
    {
        if (++_spent > budget)
        {
            throw new ElementTooLongException(budget);
        }

        _window[_offset % Size] = c;
        _offset++;

        // Lines as Newtonsoft counts them: \n, \r and \r\n each end one.
        if (c == '\n' && _afterCr)
        {
            _lineStarts[_line] = _offset;
        }
        else if (c is '\n' or '\r')
        {
            _line++;
            _lineStarts[_line] = _offset;
            _lineStarts.Remove(_line - 64);
        }

        _afterCr = c == '\r';
    }
}

/// <summary>An element of a JSON array is longer than the reader's limit; it cannot be skipped safely.</summary>
internal sealed class ElementTooLongException(int limit) : Exception($"An element is longer than {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters.")
{
    public int Limit { get; } = limit;
}
