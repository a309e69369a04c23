using TaobaoVillage.Domain;

namespace TaobaoVillage.Batch;

/// <summary>
/// Running sums of a table's figures, exact: the four typed ones in fields (a row costs four additions), further
/// figures by name. A sum past the range of a decimal is dropped (it then matches nothing).
/// </summary>
internal sealed class FigureSums
{
    private readonly decimal?[] _typed = [0m, 0m, 0m, 0m];
    private Dictionary<string, decimal?>? _further;

    public void Add(VillageRecord record)
    {
        Add(0, record.Households);
        Add(1, record.EcommerceHouseholds);
        Add(2, record.ActiveShops);
        Add(3, record.AnnualSales?.Yuan);
        if (record.Figures.Count > 0)
        {
            _further ??= new(StringComparer.Ordinal);
            foreach (var (name, value) in record.Figures)
            {
                _further[name] = Plus(_further.GetValueOrDefault(name, 0m), value);
            }
        }
    }

    /// <summary>Whether the total gives at least one figure and every figure it gives is the sum.</summary>
    public bool Matches(VillageRecord total)
    {
        decimal?[] given = [total.Households, total.EcommerceHouseholds, total.ActiveShops, total.AnnualSales?.Yuan];
        var typed = Enumerable.Range(0, 4).Where(i => given[i] is not null).ToList();
        var further = total.Figures.ToList();
        return typed.Count + further.Count > 0
            && typed.TrueForAll(i => _typed[i] == given[i])
            && further.TrueForAll(f => _further is not null && _further.TryGetValue(f.Key, out var sum) && sum == f.Value);
    }

    private void Add(int index, decimal? value)
    {
        if (value is { } v)
        {
            _typed[index] = Plus(_typed[index], v);
        }
    }

    private static decimal? Plus(decimal? sum, decimal value)
    {
        try
        {
            return sum + value;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
