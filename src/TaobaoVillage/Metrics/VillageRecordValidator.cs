using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>
/// Checks the rules a typed <see cref="VillageRecord"/> must meet before it is evaluated: a key, no negative
/// figures, households greater than zero, engaged households no more than households — the checks each
/// <see cref="Metric"/> descriptor asks for.
/// </summary>
/// <remarks>
/// Parsing problems (a number that does not parse, an unknown platform) are found by <see cref="RecordSchema"/>,
/// duplicate keys by the batch scorer. All members are pure and thread-safe.
/// </remarks>
public static class VillageRecordValidator
{
    /// <summary>Returns every problem of the record; an empty list means it may be evaluated. Does not throw.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The problems, in field order.</returns>
    public static IReadOnlyList<RecordProblem> Validate(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        List<RecordProblem>? problems = null;
        Validate(record, ref problems);
        return problems is null ? [] : problems;
    }

    /// <summary>Whether the record has no problems. Does not throw.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when the record may be evaluated.</returns>
    public static bool IsValid(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        List<RecordProblem>? problems = null;
        Validate(record, ref problems);
        return problems is null;
    }

    internal static void Validate(VillageRecord record, ref List<RecordProblem>? problems)
    {
        if (string.IsNullOrWhiteSpace(record.Code.Value))
        {
            CellNumbers.Add(ref problems, new(FieldNames.VillageCode, null, RecordProblemCodes.MissingVillageCode, "The village code is required."));
        }

        foreach (var metric in RecordMetrics)
        {
            Check(record, metric, ref problems);
        }
    }

    /// <summary>The checks a metric's descriptor asks for: no negative figure, a defined category, a positive count, no more than households.</summary>
    // An array, so that checking every record of a national file allocates no enumerator.
    private static readonly Metric[] RecordMetrics = [.. Metric.BuiltIn.Where(m => m.IsRecordField && m.AppliesToVillages)];

    private static void Check(VillageRecord record, Metric metric, ref List<RecordProblem>? problems)
    {
        if (metric.CategoryOfVillage is { } category)
        {
            if (category(record) is var index and >= 0 && index >= metric.Categories.Count)
            {
                CellNumbers.Add(ref problems, new(metric.Name, Format(index), metric.UnknownValue.Code, $"The value {Format(index)} is not a defined {metric.Description}."));
            }

            return;
        }

        if (metric.FromVillage!(record) is not { } value)
        {
            return;
        }

        if (value < 0)
        {
            CellNumbers.Add(ref problems, new(metric.Name, Format(value), RecordProblemCodes.Negative, "Must not be negative."));
        }
        else if (value == 0 && metric.MustBePositive)
        {
            CellNumbers.Add(ref problems, new(metric.Name, "0", RecordProblemCodes.ZeroHouseholds, "Households must be greater than zero."));
        }
        else if (metric.AtMostHouseholds && Metric.Households.FromVillage!(record) is > 0 and var households && value > households)
        {
            CellNumbers.Add(ref problems, new(metric.Name, Format(value), RecordProblemCodes.EngagedExceedsHouseholds,
                $"{Capitalise(metric.Description)} ({Format(value)}) exceed households ({Format(households)})."));
        }
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Format(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
