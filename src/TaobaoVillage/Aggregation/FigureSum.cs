namespace TaobaoVillage.Aggregation;

/// <summary>A sum of one figure over villages that remembers whether every part was known.</summary>
internal struct FigureSum
{
    private decimal _total;
    private bool _any;
    private bool _missing;

    /// <summary>The sum of the known parts; 0 when there were none; null when every part was missing.</summary>
    public readonly decimal? Known => _any ? _total : (_missing ? null : 0m);

    /// <summary>Whether the parts add up past decimal's range.</summary>
    public bool Overflowed { readonly get; private set; }

    /// <summary>Whether every part was known.</summary>
    public readonly bool Complete => !_missing;

    /// <summary>Adds a part; null is a missing one.</summary>
    public void Add(decimal? value)
    {
        if (value is not { } v)
        {
            _missing = true;
        }
        else if (decimal.MaxValue - Math.Abs(_total) < Math.Abs(v))
        {
            Overflowed = true;
        }
        else
        {
            _total += v;
            _any = true;
        }
    }
}
