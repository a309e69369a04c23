using System.Collections;

namespace TaobaoVillage.IO;

/// <summary>
/// A sequence over a reader or stream the caller owns: it can be read once. A second enumeration would find the text
/// already consumed (an empty sequence, or a disposed reader), so it says so instead.
/// </summary>
internal sealed class SingleUse<T>(IEnumerable<T> inner, string what) : IEnumerable<T>
{
    private int _used;

    public IEnumerator<T> GetEnumerator() => Interlocked.Exchange(ref _used, 1) == 0
        ? inner.GetEnumerator()
        : throw new InvalidOperationException($"{what} reads a TextReader or Stream once and has already been enumerated; read the file again (ReadFile) or keep the rows in a list.");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
