namespace TaobaoVillage.Planner;

/// <summary>Standard input when the shell closed it (<c>&lt;&amp;-</c>): every read fails at once, never waits.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal sealed class ClosedInputStream : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <summary>Fails: there is no standard input.</summary>
    /// <exception cref="IOException">Always.</exception>
    public override int Read(byte[] buffer, int offset, int count) => throw Closed();

    /// <summary>Fails: there is no standard input.</summary>
    /// <exception cref="IOException">Always.</exception>
    public override int Read(Span<byte> buffer) => throw Closed();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static IOException Closed() => new(Words.Get("standard input is closed; give a file with --input, or pipe the records in."));
}
