using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>Units in headers: one per header, or the header is refused.</summary>
public sealed partial class RecordSchema
{
    /// <summary>
    /// The problem of a column name that cannot be read: it names a unit twice (a unit after a name that already has one, such as
    /// <c>annual_sales_10k_cny(万元)</c> or <c>年销售额(万元)(元)</c>); null when it can.
    /// </summary>
    internal static RecordProblem? TwoUnitsIn(string column)
    {
        var name = Normalise(column ?? string.Empty);
        if (name is null)
        {
            return null;
        }

        foreach (var (unit, _) in Units)
        {
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length && BaseOf(name[..^unit.Length]) is { Metric.Kind: MetricKind.Money, Scale: not 1m } withUnit)
            {
                return RecordProblem.Create(ContractFieldOf(column!) ?? column!, CellNumbers.Shorten(column!), RecordProblemCodes.TwoUnits, null, ("unit", unit), ("target", withUnit.Field!));
            }
        }

        return null;
    }

    /// <summary>The known field a name is, or that it is with one unit after it; null for neither.</summary>
    private static Column? BaseOf(string name)
    {
        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        foreach (var (unit, factor) in Units)
        {
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length && Known.TryGetValue(name[..^unit.Length], out var field) && field.Metric is { Kind: MetricKind.Money })
            {
                return field with { Scale = field.Scale * factor };
            }
        }

        return null;
    }

    private static RecordProblem? FindTwoUnits(string[] columns)
    {
        foreach (var column in columns)
        {
            if (TwoUnitsIn(column) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
