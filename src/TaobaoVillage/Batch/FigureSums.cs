using TaobaoVillage.Domain;

namespace TaobaoVillage.Batch;

/// <summary>Running sums of a table's figures, exact; a sum past the range of a decimal is dropped (it then matches nothing).</summary>
internal sealed class FigureSums
{
    private readonly Dictionary<string, decimal?> _sums = new(StringComparer.Ordinal);

    public void Add(VillageRecord record)
    {
        foreach (var (name, value) in Figures(record))
        {
            _sums[name] = Plus(_sums.GetValueOrDefault(name, 0m), value);
        }
    }

    /// <summary>Whether the total gives at least one figure and every figure it gives is the sum.</summary>
    public bool Matches(VillageRecord total)
    {
        var figures = Figures(total).ToList();
        return figures.Count > 0 && figures.TrueForAll(f => _sums.TryGetValue(f.Name, out var sum) && sum == f.Value);
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

    private static IEnumerable<(string Name, decimal Value)> Figures(VillageRecord record)
    {
        if (record.Households is { } households)
        {
            yield return (FieldNames.Households, households);
        }

        if (record.EcommerceHouseholds is { } engaged)
        {
            yield return (FieldNames.EcommerceHouseholds, engaged);
        }

        if (record.ActiveShops is { } shops)
        {
            yield return (FieldNames.ActiveShops, shops);
        }

        if (record.AnnualSales is { } sales)
        {
            yield return (FieldNames.AnnualSales, sales.Yuan);
        }

        foreach (var (name, value) in record.Figures)
        {
            yield return (name, value);
        }
    }
}
