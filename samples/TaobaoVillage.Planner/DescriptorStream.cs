using System.Runtime.InteropServices;

namespace TaobaoVillage.Planner;

/// <summary>
/// A write-only stream over an inherited descriptor (standard output) that writes with <c>write(2)</c>: the bytes go
/// at the descriptor's own offset, which it advances, so <c>&gt;&gt;</c> appends, <c>{ a; b; } &gt; f</c> keeps both,
/// and <c>2&gt;&amp;1</c> interleaves with standard error instead of writing over it. (A <see cref="FileStream"/> over
/// the handle writes at a position of its own with <c>pwrite</c> and never moves the shared offset.) A closed pipe
/// (EPIPE) or full disk fails the write with an <see cref="IOException"/>, never silently.
/// </summary>
/// <remarks>One writer at a time; not thread-safe. Does not own the descriptor.</remarks>
internal sealed partial class DescriptorStream(int fd) : Stream
{
    private const int Interrupted = 4; // EINTR
    private const int WouldBlock = 11; // EAGAIN

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

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

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Writes every byte, retrying after a signal or a short write.</summary>
    /// <param name="buffer">The bytes.</param>
    /// <exception cref="IOException">The kernel refused the write (closed pipe, full disk, file-size limit).</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var n = Native.Write(fd, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (n >= 0)
            {
                buffer = buffer[(int)n..];
                continue;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno == WouldBlock)
            {
                Thread.Sleep(1);
            }
            else if (errno != Interrupted)
            {
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
        internal static partial nint Write(int fd, ref byte buffer, nint count);
    }
}
