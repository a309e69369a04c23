namespace TaobaoVillage.Json;

/// <summary>
/// Reads a small text file (a rule set, a column map) up to a limit counted as characters arrive, so a device, FIFO
/// or endless stream (<c>/dev/zero</c>) is refused after the limit, never read whole.
/// </summary>
/// <remarks>Thread-safe: it keeps no state.</remarks>
internal static class BoundedText
{
    /// <summary>The text of a UTF-8 (or BOM-marked) stream, or null when it is longer than <paramref name="maxLength"/> characters.</summary>
    /// <param name="stream">The bytes; left open.</param>
    /// <param name="maxLength">The most characters to accept.</param>
    /// <returns>The text, or null when over the limit (at most <paramref name="maxLength"/> + 1 characters were read).</returns>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static string? ReadAtMost(Stream stream, int maxLength)
    {
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 12, leaveOpen: true);
        var buffer = new char[maxLength + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return read > maxLength ? null : new string(buffer, 0, read);
    }
}
