namespace TaobaoVillage.Domain;

/// <summary>
/// Checks the rules a typed <see cref="VillageRecord"/> must meet before it is evaluated: a key, no negative
/// figures, households greater than zero, engaged households no more than households.
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
            Add(ref problems, new(FieldNames.VillageCode, null, RecordProblemCodes.MissingVillageCode, "The village code is required."));
        }

        NotNegative(record.Households, FieldNames.Households, ref problems);
        NotNegative(record.EcommerceHouseholds, FieldNames.EcommerceHouseholds, ref problems);
        NotNegative(record.ActiveShops, FieldNames.ActiveShops, ref problems);
        if (record.AnnualSales is { Yuan: < 0 } sales)
        {
            Add(ref problems, new(FieldNames.AnnualSales, Format(sales.Yuan), RecordProblemCodes.Negative, "Annual sales must not be negative."));
        }

        if (record.MainPlatform is { } platform && !Enum.IsDefined(platform))
        {
            Add(ref problems, new(FieldNames.MainPlatform, ((int)platform).ToString(System.Globalization.CultureInfo.InvariantCulture), RecordProblemCodes.UnknownPlatform, "The platform is not a defined Platform value."));
        }

        if (record.Committee is { } committee && !Enum.IsDefined(committee))
        {
            Add(ref problems, new(FieldNames.Committee, ((int)committee).ToString(System.Globalization.CultureInfo.InvariantCulture), RecordProblemCodes.UnknownCommittee, "The committee is not a defined CommitteeKind value."));
        }

        if (record.Households == 0)
        {
            Add(ref problems, new(FieldNames.Households, "0", RecordProblemCodes.ZeroHouseholds, "Households must be greater than zero."));
        }

        if (record.Households is > 0 and var h && record.EcommerceHouseholds is { } e && e > h)
        {
            Add(ref problems, new(FieldNames.EcommerceHouseholds, Format(e), RecordProblemCodes.EngagedExceedsHouseholds,
                $"Households engaged in e-commerce ({Format(e)}) exceed households ({Format(h)})."));
        }
    }

    private static void NotNegative(long? value, string field, ref List<RecordProblem>? problems)
    {
        if (value is < 0)
        {
            Add(ref problems, new(field, Format(value.Value), RecordProblemCodes.Negative, "Must not be negative."));
        }
    }

    private static string Format(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(ref List<RecordProblem>? problems, RecordProblem problem) => (problems ??= []).Add(problem);
}
