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
            CellNumbers.Add(ref problems, RecordProblem.Create(FieldNames.VillageCode, null, RecordProblemCodes.MissingVillageCode, null));
        }

        foreach (ref readonly var check in Checks.AsSpan())
        {
            check.Run(record, ref problems);
        }
    }

    // An array of structs, so that checking every record of a national file allocates nothing and reads each
    // descriptor's reader and flags from one place.
    private static readonly FieldCheck[] Checks = [.. Metric.BuiltIn.Where(m => m.IsRecordField && m.AppliesToVillages).Select(m => new FieldCheck(m))];

    /// <summary>The checks a metric's descriptor asks for: no negative figure, a defined category, a positive count, no more than households.</summary>
    private readonly struct FieldCheck(Metric metric)
    {
        private readonly Func<VillageRecord, int>? _category = metric.CategoryOfVillage;
        private readonly int _categories = metric.Categories.Count;
        private readonly Func<VillageRecord, decimal?>? _value = metric.CategoryOfVillage is null ? metric.FromVillage : null;
        private readonly Func<VillageRecord, decimal?>? _households = metric.AtMostHouseholds ? Metric.Households.FromVillage : null;

        // Counts are screened as whole numbers; only a count that breaks a check is read again as a decimal, for its message.
        private readonly Func<VillageRecord, long?>? _count = metric.CountOfVillage;
        private readonly Func<VillageRecord, long?>? _householdCount = metric.AtMostHouseholds ? Metric.Households.CountOfVillage : null;

        public void Run(VillageRecord record, ref List<RecordProblem>? problems)
        {
            if (_category is not null)
            {
                if (_category(record) is var index and >= 0 && index >= _categories)
                {
                    CellNumbers.Add(ref problems, RecordProblem.Create(metric.Name, Format(index), metric.UnknownValueCode, "undefined", ("description", metric.Description)));
                }

                return;
            }

            if (_count is not null && (_count(record) is not { } count || Clears(count, record)))
            {
                return;
            }

            if (_value!(record) is not { } value)
            {
                return;
            }

            // The sign bit before any comparison: nearly every figure is positive, and comparing decimals costs more.
            if (decimal.IsNegative(value) && value < 0)
            {
                CellNumbers.Add(ref problems, RecordProblem.Create(metric.Name, Format(value), RecordProblemCodes.Negative, null));
            }
            else if (metric.MustBePositive && value == 0)
            {
                CellNumbers.Add(ref problems, RecordProblem.Create(metric.Name, "0", RecordProblemCodes.ZeroHouseholds, null));
            }
            else if (_households is not null && _households(record) is > 0 and var households && value > households)
            {
                CellNumbers.Add(ref problems, RecordProblem.Create(metric.Name, Format(value), RecordProblemCodes.EngagedExceedsHouseholds, null,
                    ("description", Capitalise(metric.Description)), ("total", Format(households))));
            }
        }

        /// <summary>Whether a count passes the same checks as <see cref="Run"/>'s decimal path: not negative, positive if it must be, no more than households.</summary>
        private bool Clears(long count, VillageRecord record) => count > 0
            ? !(_householdCount is not null && _householdCount(record) is { } households && households > 0 && count > households)
            : count == 0 && !metric.MustBePositive;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Format(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
