using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TaobaoVillage.IO;

/// <summary>
/// A file stream that asks the kernel to start writing its bytes to disk every few megabytes while the run goes on
/// (Linux <c>sync_file_range</c>, which does not wait), so that the <c>fsync</c> before an output replaces its target
/// finds little left to write. Elsewhere, or where the call is missing, it is the file stream alone.
/// </summary>
/// <remarks>Not thread-safe, as the file stream it wraps.</remarks>
internal sealed partial class WriteBehindStream(FileStream inner) : Stream
{
    /// <summary>How many bytes are written between two requests.</summary>
    internal const long Interval = 16L << 20;

    private long _sinceRequest;
    private long _requestedTo;
    private bool _enabled = OperatingSystem.IsLinux();

    /// <summary>Where the last request ended: every byte before it was handed to the kernel (for tests).</summary>
    internal long RequestedTo => _requestedTo;

    /// <summary>How many write-behind requests the kernel accepted (for tests).</summary>
    internal int Requests { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        _sinceRequest += buffer.Length;
        if (_sinceRequest >= Interval)
        {
            RequestWriteBehind();
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    /// <summary>Flushes to the file and, when <paramref name="flushToDisk"/>, to the disk.</summary>
    public void Flush(bool flushToDisk) => inner.Flush(flushToDisk);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void RequestWriteBehind()
    {
        // The file stream's own buffer first, so that the range asked for is in the kernel's hands.
        inner.Flush();
        _sinceRequest = 0;
        var to = inner.CanSeek ? inner.Position : 0;
        var from = _requestedTo <= to ? _requestedTo : 0;
        _requestedTo = to;
        if (!_enabled || to == from)
        {
            return;
        }

        try
        {
            // A hint only: a refusal (a file system without it) turns the hints off and changes nothing else.
            if (Native.SyncFileRange(inner.SafeFileHandle, from, to - from, SyncFileRangeWrite) == 0)
            {
                Requests++;
            }
            else
            {
                _enabled = false;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _enabled = false;
        }
    }

    private const uint SyncFileRangeWrite = 2;

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
        internal static partial int SyncFileRange(SafeFileHandle fd, long offset, long nbytes, uint flags);
    }
}
