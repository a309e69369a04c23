namespace TaobaoVillage.Batch;

/// <summary>
/// The (village code, year) pairs seen so far, sized by villages rather than rows: a numeric code of up to 14 digits
/// is one 64-bit key in an open-addressing table whose value is a bit mask of the years 1990–2053 seen for it
/// (16 bytes a slot), so ten years of the national file cost what one year does. Other codes and years fall back to
/// a string set.
/// </summary>
internal sealed class KeySet
{
    private const int FirstYear = 1990;
    private long[] _keys = new long[1024];
    private ulong[] _years = new ulong[1024];
    private int _count;
    private HashSet<string>? _other;

    /// <summary>Keys held as numbers (the fast path), for tests of which path a key takes.</summary>
    internal int NumericKeys => _count;

    /// <summary>Keys held as text (the fallback).</summary>
    internal int TextKeys => _other?.Count ?? 0;

    /// <summary>Slots in the numeric table (grown at three quarters full).</summary>
    internal int Capacity => _keys.Length;

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
        var i = Find(key);
        if (_keys[i] == key)
        {
            if ((_years[i] & bit) != 0)
            {
                return false;
            }

            _years[i] |= bit;
            return true;
        }

        if ((_count + 1) * 4L > _keys.Length * 3L)
        {
            Grow();
            i = Find(key);
        }

        _keys[i] = key;
        _years[i] = bit;
        _count++;
        return true;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go (0 marks empty).</summary>
    private int Find(long key)
    {
        var mask = _keys.Length - 1;
        var i = (int)(Mix(key) & (ulong)mask);
        while (_keys[i] != 0 && _keys[i] != key)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var (keys, years) = (_keys, _years);
        _keys = new long[keys.Length * 2];
        _years = new ulong[keys.Length * 2];
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] != 0)
            {
                var i = Find(keys[j]);
                _keys[i] = keys[j];
                _years[i] = years[j];
            }
        }
    }

    private static ulong Mix(long key)
    {
        // SplitMix64 finaliser: consecutive codes spread over the table.
        var z = (ulong)key;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
