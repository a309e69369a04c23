using System.Buffers;
using System.Text;
using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// Writes scored rows as JSON Lines (one <see cref="VerdictJsonWriter"/> line each): as UTF-8 bytes into a
/// <see cref="Stream"/> — the way to write millions of lines, no string per line — or as text into a
/// <see cref="TextWriter"/> of any encoding. Not thread-safe: one writer per output.
/// </summary>
public sealed class VerdictJsonLinesWriter : IDisposable
{
    // Lines gather in one buffer and reach the stream in blocks of at least this size.
    private const int Block = 1 << 16;

    private readonly TextWriter? _text;
    private readonly Stream? _bytes;
    private readonly ArrayBufferWriter<byte>? _buffer;
    private readonly RuleSet _ruleSet;
    private readonly VerdictDetail _detail;
    private readonly bool _leaveOpen;
    private bool _disposed;

    /// <summary>Creates a writer of text lines with every criterion explained, which disposes <paramref name="writer"/> when disposed.</summary>
    /// <param name="writer">Where lines go.</param>
    /// <param name="ruleSet">The rule set named by rows that carry no verdict (rejected rows).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public VerdictJsonLinesWriter(TextWriter writer, RuleSet ruleSet)
        : this(writer, ruleSet, VerdictDetail.All, leaveOpen: false)
    {
    }

    /// <summary>Creates a writer of text lines with the criteria <paramref name="detail"/> asks for.</summary>
    /// <param name="writer">Where lines go.</param>
    /// <param name="ruleSet">The rule set named by rows that carry no verdict (rejected rows).</param>
    /// <param name="detail">Every criterion (the contract's default), only those not passing, or none.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open on dispose.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="detail"/> is not a defined value.</exception>
    public VerdictJsonLinesWriter(TextWriter writer, RuleSet ruleSet, VerdictDetail detail, bool leaveOpen)
        : this(ruleSet, detail, leaveOpen) => _text = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Creates a writer of UTF-8 lines into a stream with every criterion explained, which disposes <paramref name="output"/> when disposed.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="ruleSet">The rule set named by rows that carry no verdict (rejected rows).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public VerdictJsonLinesWriter(Stream output, RuleSet ruleSet)
        : this(output, ruleSet, VerdictDetail.All, leaveOpen: false)
    {
    }

    /// <summary>
    /// Creates a writer of UTF-8 lines into a stream, gathered in blocks of 64 KiB (written when a block fills, on
    /// <see cref="Flush"/> and on <see cref="Dispose"/>).
    /// </summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="ruleSet">The rule set named by rows that carry no verdict (rejected rows).</param>
    /// <param name="detail">Every criterion (the contract's default), only those not passing, or none.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="output"/> open on dispose.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="detail"/> is not a defined value.</exception>
    public VerdictJsonLinesWriter(Stream output, RuleSet ruleSet, VerdictDetail detail, bool leaveOpen)
        : this(ruleSet, detail, leaveOpen)
    {
        _bytes = output ?? throw new ArgumentNullException(nameof(output));
        _buffer = new ArrayBufferWriter<byte>(2 * Block);
    }

    private VerdictJsonLinesWriter(RuleSet ruleSet, VerdictDetail detail, bool leaveOpen)
    {
        _ruleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _detail = Enum.IsDefined(detail) ? detail : throw new ArgumentOutOfRangeException(nameof(detail), detail, "All, Failing or Verdict.");
        _leaveOpen = leaveOpen;
    }

    /// <summary>Writes one row as one line; a row without a verdict names the writer's rule set.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(ScoredRow row) => Write(row, _ruleSet);

    /// <summary>Writes one row as one line; a row without a verdict names <paramref name="ruleSet"/> (the one for its year, when scoring by year).</summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set for a row without a verdict; a verdict names its own.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(ScoredRow row, RuleSet ruleSet)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffer is null)
        {
            WriteLine(VerdictJsonWriter.FormatLine(row, ruleSet, _detail));
            return;
        }

        VerdictJsonWriter.WriteLine(row, ruleSet, _buffer, _detail);
        if (_buffer.WrittenCount >= Block)
        {
            Drain();
        }
    }

    /// <summary>Writes a line formatted earlier with <see cref="VerdictJsonWriter.FormatLine(ScoredRow, RuleSet)"/>, and its line break.</summary>
    /// <param name="line">The JSON text of one row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffer is null)
        {
            _text!.Write(line);
            _text.Write('\n');
            return;
        }

        var bytes = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(line.Length) + 1);
        var length = Encoding.UTF8.GetBytes(line, bytes);
        bytes[length] = (byte)'\n';
        _buffer.Advance(length + 1);
        if (_buffer.WrittenCount >= Block)
        {
            Drain();
        }
    }

    /// <summary>Writes every gathered line to the output and flushes it.</summary>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Drain();
        if (_bytes is not null)
        {
            _bytes.Flush();
        }
        else
        {
            _text!.Flush();
        }
    }

    /// <summary>Flushes (see <see cref="Flush"/>) and, unless the writer was made to leave it open, disposes the output.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        if (!_leaveOpen)
        {
            ((IDisposable?)_bytes ?? _text!).Dispose();
        }
    }

    private void Drain()
    {
        if (_buffer is { WrittenCount: > 0 })
        {
            _bytes!.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
