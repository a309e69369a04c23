namespace TaobaoVillage.Batch;

/// <summary>
/// The (village code, year) pairs seen so far. A 12-digit numeric code and a year pack into one 64-bit key in an
/// open-addressing table (8 bytes a slot), so a national file of millions of rows costs tens of megabytes; other
/// codes fall back to a string set.
/// </summary>
internal sealed class KeySet
{
    private long[] _slots = new long[1024];
    private int _count;
    private HashSet<string>? _other;

    public bool Add(string code, int? year)
    {
        var y = year ?? 0;
        if (code.Length is > 0 and <= 14 && y is >= 0 and < 10000 && long.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric)
            && numeric < 100_000_000_000_000L && code[0] != '0')
        {
            // +1 keeps 0 free as the empty-slot marker.
            return AddPacked((numeric * 10_000L) + y + 1);
        }

        // Leading zeros, longer or non-numeric codes: keep the exact text.
        return (_other ??= new HashSet<string>(StringComparer.Ordinal)).Add(code + "\u0001" + y.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private bool AddPacked(long key)
    {
        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        var i = (int)(Mix(key) & (ulong)mask);
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                _slots[i] = key;
                _count++;
                return true;
            }

            if (slot == key)
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var key in old)
        {
            if (key == 0)
            {
                continue;
            }

            var i = (int)(Mix(key) & (ulong)mask);
            while (_slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = key;
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
