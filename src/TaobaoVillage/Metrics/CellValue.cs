using System.Globalization;

namespace TaobaoVillage.Metrics;

/// <summary>
/// One cell of a row as a reader hands it to <see cref="RecordSchema"/>: its text, or the whole number a reader has
/// already read from it (issue 12: the figures of a CSV row without a string each).
/// </summary>
/// <remarks>
/// A reader gives <see cref="Number"/> only for a cell that is nothing but 1 to 18 ASCII digits without a leading zero,
/// so the number's own digits are the cell's text, and problems quote the same value either way.
/// </remarks>
internal readonly record struct CellValue
{
    private CellValue(string? text, long whole, bool isWhole) => (Text, Whole, IsWhole) = (text, whole, isWhole);

    /// <summary>The text; null for a missing cell or one given as a number.</summary>
    public string? Text { get; }

    /// <summary>The number, when <see cref="IsWhole"/>.</summary>
    public long Whole { get; }

    /// <summary>Whether the reader gave the cell as a number.</summary>
    public bool IsWhole { get; }

    public static CellValue Of(string? text) => new(text, 0, isWhole: false);

    public static CellValue Number(long whole) => new(null, whole, isWhole: true);

    /// <summary>The digits of a cell a reader may give as a number: 1 to 18 ASCII digits, no leading zero, at most <paramref name="maxLength"/>; else false and zero.</summary>
    public static bool TryDigits(ReadOnlySpan<byte> utf8, int maxLength, out long whole)
    {
        whole = 0;
        if (utf8.Length is 0 or > 18 || utf8.Length > maxLength || (utf8[0] == (byte)'0' && utf8.Length > 1))
        {
            return false;
        }

        var value = 0L;
        foreach (var b in utf8)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        whole = value;
        return true;
    }

    /// <summary>The text as it was in the file.</summary>
    public override string ToString() => IsWhole ? Whole.ToString(CultureInfo.InvariantCulture) : Text ?? string.Empty;
}
