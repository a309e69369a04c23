namespace TaobaoVillage.IO;

/// <summary>
/// An output file written all or nothing: the bytes go to a temporary file beside the target, which replaces the
/// target only on <see cref="Commit"/>. Disposing without committing, or <see cref="Abort"/>, deletes the temporary
/// file and leaves the target exactly as it was. Refuses a target that is the same file as one of the inputs.
/// A symbolic link is followed: its final target is replaced, the link stays. A target that is a device (such as
/// <c>/dev/null</c>), a FIFO or a socket cannot be replaced and is written in place. The replacement keeps the
/// target's permissions (<c>chmod 600</c> stays 600) and, where the process may change them, its owner and group.
/// </summary>
/// <remarks>
/// One writer uses <see cref="Stream"/>; <see cref="Abort"/> may be called from any thread (a signal handler) and
/// wins over a later <see cref="Commit"/>. Instances are otherwise not thread-safe.
/// </remarks>
public sealed class AtomicFile : IDisposable
{
    private readonly object gate = new();
    private readonly WriteBehindStream stream;
    private State state;

    private AtomicFile(string path, string? temporaryPath, FileStream stream)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        this.stream = new WriteBehindStream(stream);
    }

    private enum State
    {
        Open,
        Committed,
        Aborted,
    }

    /// <summary>The target path.</summary>
    public string Path { get; }

    /// <summary>The temporary file the bytes go to until <see cref="Commit"/>; null when the target is a device or FIFO, written in place.</summary>
    public string? TemporaryPath { get; }

    /// <summary>Where to write.</summary>
    public Stream Stream => stream;

    /// <summary>Whether the target now holds the output.</summary>
    public bool IsCommitted
    {
        get
        {
            lock (gate)
            {
                return state == State.Committed;
            }
        }
    }

    /// <summary>Starts an output file.</summary>
    /// <param name="path">The target. Its folder must exist.</param>
    /// <param name="inputs">The files the run reads; the target may be none of them (compared with <see cref="FileIdentity"/>). Null entries are skipped.</param>
    /// <returns>The open output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="OutputConflictException">The target is the same file as an input.</exception>
    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    /// <exception cref="IOException">The temporary file could not be created.</exception>
    public static AtomicFile Create(string path, IEnumerable<string?>? inputs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"the output '{path}' is a folder, not a file.", nameof(path));
        }

        foreach (var input in inputs ?? [])
        {
            if (input is not null && FileIdentity.AreSame(full, input))
            {
                throw new OutputConflictException($"the output '{path}' is the same file as the input '{input}'; choose another output file.");
            }
        }

        var folder = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the output folder '{folder}' does not exist.");
        }

        if (FileIdentity.IsSpecial(full))
        {
            return new AtomicFile(full, null, new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16));
        }

        // Through a symbolic link: the file it points to is replaced, and the link kept.
        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            full = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }

        folder = System.IO.Path.GetDirectoryName(full)!;

        // A short name whatever the target's length (a name of up to 255 bytes stays writable), still in its folder.
        var temporary = System.IO.Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        return new AtomicFile(full, temporary, CreateTemporary(temporary, full));
    }

    /// <summary>
    /// The temporary file, created with the permissions of the target it will replace (so a <c>chmod 600</c> file is
    /// never readable by others, not even while it is written) and, where the process may, its owner and group.
    /// </summary>
    private static FileStream CreateTemporary(string temporary, string target)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Delete, BufferSize = 1 << 16 };
        UnixFileMode? mode = !OperatingSystem.IsWindows() && File.Exists(target) ? File.GetUnixFileMode(target) : null;
        if (mode is { } m && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = m & ~(UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit);
        }

        var stream = new FileStream(temporary, options);
        if (mode is { } exact && !OperatingSystem.IsWindows())
        {
            // The owner first: a change of owner clears the set-user and set-group bits, which the mode then restores.
            FileIdentity.TryCopyOwner(target, stream.SafeFileHandle);
            File.SetUnixFileMode(stream.SafeFileHandle, exact);
        }

        return stream;
    }

    /// <summary>Flushes the bytes to disk and moves the temporary file over the target.</summary>
    /// <exception cref="InvalidOperationException">The output was aborted or already committed.</exception>
    /// <exception cref="IOException">The bytes could not be written or the file not moved; the target is unchanged.</exception>
    public void Commit()
    {
        lock (gate)
        {
            if (state != State.Open)
            {
                throw new InvalidOperationException(state == State.Aborted ? "the output was aborted." : "the output is already committed.");
            }

            try
            {
                if (TemporaryPath is null)
                {
                    stream.Flush();
                    stream.Dispose();
                }
                else
                {
                    stream.Flush(flushToDisk: true);
                    stream.Dispose();
                    File.Move(TemporaryPath, Path, overwrite: true);
                }

                state = State.Committed;
            }
            catch
            {
                AbortLocked();
                throw;
            }
        }
    }

    /// <summary>Gives the output up: the temporary file is deleted and the target left as it was. Safe to call from any thread, more than once.</summary>
    public void Abort()
    {
        lock (gate)
        {
            AbortLocked();
        }
    }

    /// <summary>Aborts the output unless it was committed.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            AbortLocked();
        }
    }

    private void AbortLocked()
    {
        if (state != State.Open)
        {
            return;
        }

        state = State.Aborted;
        try
        {
            // Deleted first: another thread may still hold the stream mid-write; the unlinked file goes with the process.
            if (TemporaryPath is not null)
            {
                File.Delete(TemporaryPath);
            }

            stream.Dispose();
        }
        catch (IOException)
        {
            // A full disk can fail the final flush in Dispose; the temporary file is already gone.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

/// <summary>An output that would overwrite one of the run's inputs.</summary>
public sealed class OutputConflictException : IOException
{
    /// <summary>Creates the exception.</summary>
    public OutputConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicts.</param>
    public OutputConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicts.</param>
    /// <param name="innerException">The cause.</param>
    public OutputConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
