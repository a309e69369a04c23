namespace TaobaoVillage.Batch;

/// <summary>
/// The (village code, year) pairs seen so far, sized by villages rather than rows: a numeric code of up to 14 digits
/// is one 64-bit key with a bit mask of the years 1990–2053 seen for it (16 bytes), so ten years of the national file
/// cost what one year does. Keys in ascending order (a list in code order) are appended to a sorted run and found by
/// binary search, the rest go to an open-addressing table; other codes and years fall back to a string set.
/// </summary>
internal sealed class KeySet
{
    private const int FirstYear = 1990;

    // Keys that came in ascending order (an official list, read in code order, is nothing else): appended, and found
    // again by binary search. Codes that come out of order go to the hash table below.
    private Entry[] _ascending = new Entry[1024];
    private int _ascendingCount;

    // A key and its years side by side: one cache miss per lookup in a table far larger than the cache.
    private Entry[] _entries = new Entry[1024];
    private int _count;
    private HashSet<string>? _other;

    /// <summary>Keys held as numbers (the fast path, in order or not), for tests of which path a key takes.</summary>
    internal int NumericKeys => _ascendingCount + _count;

    /// <summary>Keys held in the ascending run.</summary>
    internal int InOrderKeys => _ascendingCount;

    /// <summary>Keys held as text (the fallback).</summary>
    internal int TextKeys => _other?.Count ?? 0;

    /// <summary>Slots in the table for keys out of order (grown at three quarters full).</summary>
    internal int Capacity => _entries.Length;

    public bool Add(string code, int? year)
    {
        if (year is { } y && y >= FirstYear && y < FirstYear + 64 && code.Length is > 0 and <= 14 && code[0] != '0'
            && long.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
        {
            return AddYear(numeric + 1, 1UL << (y - FirstYear));
        }

        // Leading zeros, long or non-numeric codes, missing or distant years: keep the exact text.
        var text = code + "\u0001" + (year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        return (_other ??= new HashSet<string>(StringComparer.Ordinal)).Add(text);
    }

    private bool AddYear(long key, ulong bit)
    {
        var last = _ascendingCount - 1;
        if (last < 0 || key > _ascending[last].Key)
        {
            // Past every key in order so far, so in neither part yet: a key in the table came in below an earlier
            // key of the ascending run, and that run only grows.
            if (_ascendingCount == _ascending.Length)
            {
                Array.Resize(ref _ascending, _ascending.Length * 2);
            }

            _ascending[_ascendingCount++] = new Entry(key, bit);
            return true;
        }

        var at = key == _ascending[last].Key ? last : Search(key);
        return at >= 0 ? SetBit(ref _ascending[at], bit) : AddOutOfOrder(key, bit);
    }

    private int Search(long key)
    {
        var (lo, hi) = (0, _ascendingCount - 1);
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var k = _ascending[mid].Key;
            if (k == key)
            {
                return mid;
            }

            (lo, hi) = k < key ? (mid + 1, hi) : (lo, mid - 1);
        }

        return -1;
    }

    private static bool SetBit(ref Entry entry, ulong bit)
    {
        if ((entry.Years & bit) != 0)
        {
            return false;
        }

        entry.Years |= bit;
        return true;
    }

    private bool AddOutOfOrder(long key, ulong bit)
    {
        var i = Find(_entries, key);
        if (_entries[i].Key == key)
        {
            return SetBit(ref _entries[i], bit);
        }

        if ((_count + 1) * 4L > _entries.Length * 3L)
        {
            Grow();
            i = Find(_entries, key);
        }

        _entries[i] = new Entry(key, bit);
        _count++;
        return true;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go (0 marks empty).</summary>
    private static int Find(Entry[] entries, long key)
    {
        var mask = entries.Length - 1;
        var i = (int)(Mix(key) & (ulong)mask);
        while (entries[i].Key != 0 && entries[i].Key != key)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    // Runs a handful of times per file over every key so far: optimised at once rather than left to tiering,
    // which would run its loop unoptimised while both cores are busy.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var old = _entries;
        var entries = new Entry[old.Length * 2];
        foreach (var e in old)
        {
            if (e.Key != 0)
            {
                entries[Find(entries, e.Key)] = e;
            }
        }

        _entries = entries;
    }

    private static ulong Mix(long key)
    {
        // SplitMix64 finaliser: consecutive codes spread over the table.
        var z = (ulong)key;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    private record struct Entry(long Key, ulong Years);
}
