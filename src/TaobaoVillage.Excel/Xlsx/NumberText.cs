using System.Globalization;
using System.Text;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>
/// The text of a number cell (<c>&lt;v&gt;</c>) as plain decimal digits, exactly: <c>1.2E+7</c> is
/// <c>12000000</c>, <c>9999999.9999999999</c> stays itself. Never goes through <see cref="double"/>. A text that is
/// not an OOXML number (<c>1,000</c>, <c>¤10</c>) is returned unchanged, so that the record parser refuses it as it
/// refuses it in a CSV.
/// </summary>
internal static class NumberText
{
    /// <summary>Exponents beyond this give a text longer than any number a record can hold; left as they are, they are refused as numbers.</summary>
    private const int MaxExponent = 64;

    /// <summary>The plain form of <paramref name="text"/>.</summary>
    public static string Plain(string text)
    {
        var e = text.AsSpan().IndexOfAny('e', 'E');
        if (e < 0 || !IsMantissa(text.AsSpan(0, e), out var negative, out var digits, out var point)
            || !int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            || Math.Abs(exponent) > MaxExponent)
        {
            return text;
        }

        point += exponent;
        while (digits.Length > 1 && digits[0] == '0')
        {
            digits = digits[1..];
            point--;
        }

        return Shift(negative, digits, point);
    }

    /// <summary>Splits <c>-12.345</c> into its sign, the digits <c>12345</c> and the point's place (2).</summary>
    private static bool IsMantissa(ReadOnlySpan<char> text, out bool negative, out string digits, out int point)
    {
        negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            text = text[1..];
        }

        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        digits = string.Concat(whole, fraction);
        point = whole.Length;
        return digits.Length > 0 && !digits.AsSpan().ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The digits with the point at <paramref name="point"/> (negative: zeros before them; past the end: zeros after).</summary>
    private static string Shift(bool negative, string digits, int point)
    {
        var text = new StringBuilder(digits.Length + Math.Abs(point) + 3);
        if (negative)
        {
            text.Append('-');
        }

        if (point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            text.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }

        return text.ToString();
    }
}
