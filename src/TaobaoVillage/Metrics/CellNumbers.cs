using System.Globalization;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>Numbers in cells as spreadsheets write them, read exactly or reported as problems.</summary>
internal static class CellNumbers
{
    public static long? Whole(string field, string text, long min, long max, ref List<RecordProblem>? problems)
    {
        var plain = Plain(text);
        if (long.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var whole))
        {
            return InRange(field, text, whole, min, max, ref problems) ? whole : null;
        }

        if (Decimal(field, text, ref problems) is not { } value)
        {
            return null;
        }

        if (decimal.Truncate(value) != value)
        {
            Add(ref problems, RecordProblem.Create(field, text, RecordProblemCodes.NotWhole, null));
            return null;
        }

        return InRange(field, text, value, min, max, ref problems) ? (long)value : null;
    }

    /// <summary>A whole number a reader has read already (<see cref="CellValue.Number"/>), checked against the range as <see cref="Whole(string, string, long, long, ref List{RecordProblem}?)"/> checks.</summary>
    public static long? Whole(string field, long whole, long min, long max, ref List<RecordProblem>? problems) =>
        InRange(field, null, whole, min, max, ref problems) ? whole : null;

    public static decimal? Decimal(string field, string text, ref List<RecordProblem>? problems)
    {
        switch (ExactDecimal.Parse(Plain(text), out var value))
        {
            case ExactDecimalResult.Exact:
                return value;
            case ExactDecimalResult.Inexact:
                // Rounding could turn 9,999,999.999… into a pass: refuse instead.
                Add(ref problems, RecordProblem.Create(field, Shorten(text), RecordProblemCodes.Inexact, null));
                return null;
            case ExactDecimalResult.OutOfRange:
                Add(ref problems, RecordProblem.Create(field, Shorten(text), RecordProblemCodes.OutOfRange, null));
                return null;
            default:
                Add(ref problems, RecordProblem.Create(field, Shorten(text), RecordProblemCodes.NotANumber, null));
                return null;
        }
    }

    /// <summary>An amount in a header's unit (万元, 亿元) in yuan, exactly, or a problem when it overflows.</summary>
    public static decimal? Scaled(string field, string? text, decimal amount, decimal scale, ref List<RecordProblem>? problems)
    {
        if (scale == 1m)
        {
            // Yuan already (the usual column): nothing to multiply, nothing to overflow.
            return amount;
        }

        if (Math.Abs(amount) > decimal.MaxValue / scale)
        {
            Add(ref problems, RecordProblem.Create(field, Shorten(text ?? amount.ToString(CultureInfo.InvariantCulture)), RecordProblemCodes.OutOfRange, "yuan"));
            return null;
        }

        return amount * scale;
    }

    public static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");

    public static void Add(ref List<RecordProblem>? problems, RecordProblem problem) => (problems ??= []).Add(problem);

    private static bool InRange(string field, string? text, decimal value, long min, long max, ref List<RecordProblem>? problems)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        // A number given without its text (CellValue.Number) has its own digits for text.
        Add(ref problems, RecordProblem.Create(field, text ?? value.ToString(CultureInfo.InvariantCulture), RecordProblemCodes.OutOfRange, "between",
            ("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture))));
        return false;
    }

    private static string Plain(string text) => ExactDecimal.Plain(text);
}
