using System.Numerics;
using System.Text.RegularExpressions;

namespace TaobaoVillage.Domain;

/// <summary>
/// Reads a decimal number exactly or not at all. <c>decimal.Parse</c> rounds what it cannot hold
/// (<c>99.99999999999999999999999999999</c> becomes 100, <c>1e-29</c> becomes 0) and would round a figure into a
/// pass; this parser says so instead. Thread-safe.
/// </summary>
public static partial class ExactDecimal
{
    private static readonly BigInteger Limit = BigInteger.One << 96;

    /// <summary>
    /// Reads a number as the library reads a cell, and the planner an option: as <see cref="Parse"/>, and also with
    /// full-width digits and signs (１２，３４５．６) and commas between thousands — only where they group by three
    /// (<c>8,000,000</c>), so that <c>0,1</c>, <c>8,00</c> and <c>1,5</c>, decimal commas, are not numbers rather than
    /// 1, 800 and 15.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number when the result is <see cref="ExactDecimalResult.Exact"/>, else zero.</param>
    /// <returns>Whether the text is the number exactly, or why not.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ExactDecimalResult ParseGrouped(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Plain(text), out value);
    }

    /// <summary>
    /// A number as spreadsheets write it, made plain: full-width digits and signs as ASCII, and commas between
    /// thousands dropped — only where they group by three, so "1,5" stays not a number.
    /// </summary>
    internal static string Plain(string text)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            needsWork |= c is ',' or (>= '\uFF01' and <= '\uFF5E');
        }

        if (!needsWork)
        {
            return text;
        }

        var chars = text.Trim().Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray();
        var ascii = new string(chars);
        return GroupedThousands().IsMatch(ascii) ? ascii.Replace(",", string.Empty, StringComparison.Ordinal) : ascii;
    }

    /// <summary>Parses <c>[+-]digits[.digits][e[+-]digits]</c>, white space around it allowed, invariant (a dot for decimals).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The number when the result is <see cref="ExactDecimalResult.Exact"/>, else zero.</param>
    /// <returns>Whether the text is the number exactly, or why not.</returns>
    public static ExactDecimalResult Parse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        text = text.Trim();
        var negative = text.Length > 0 && text[0] == '-';
        var i = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        Span<char> digits = stackalloc char[Math.Min(text.Length, 128)];
        if (ReadDigits(text, ref i, digits, out var count, out var fraction) is { } failure)
        {
            return failure;
        }

        if (!ReadExponent(text, ref i, out var exponent) || i < text.Length)
        {
            return ExactDecimalResult.NotANumber;
        }

        return count == 0 ? ExactDecimalResult.Exact : Compose(digits[..count], fraction - exponent, negative, out value);
    }

    /// <summary>
    /// The significant digits and how many of them (leading zeros too) follow the point; null when there are digits,
    /// else why not: none at all, or more than can be held.
    /// </summary>
    private static ExactDecimalResult? ReadDigits(ReadOnlySpan<char> text, ref int i, Span<char> digits, out int count, out int fraction)
    {
        (count, fraction) = (0, 0);
        var (any, point) = (false, false);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !point)
            {
                point = true;
                continue;
            }

            if (c is < '0' or > '9')
            {
                break;
            }

            any = true;
            fraction += point ? 1 : 0;
            // Leading zeros carry nothing, but after the point they still count as places.
            if (count > 0 || c != '0')
            {
                if (count == digits.Length)
                {
                    return ExactDecimalResult.Inexact;
                }

                digits[count++] = c;
            }
        }

        return any ? null : ExactDecimalResult.NotANumber;
    }

    /// <summary>The exponent after <c>e</c>, 0 without one; false when an <c>e</c> has no digits.</summary>
    private static bool ReadExponent(ReadOnlySpan<char> text, ref int i, out long exponent)
    {
        exponent = 0;
        if (i >= text.Length || text[i] is not ('e' or 'E'))
        {
            return true;
        }

        i++;
        var negative = i < text.Length && text[i] == '-';
        i += i < text.Length && text[i] is '+' or '-' ? 1 : 0;
        var start = i;
        for (; i < text.Length && text[i] is >= '0' and <= '9'; i++)
        {
            // Past a million the number is out of every range anyway; keep counting digits only.
            exponent = exponent > 1_000_000 ? exponent : (exponent * 10) + (text[i] - '0');
        }

        exponent = negative ? -exponent : exponent;
        return i > start;
    }

    /// <summary>digits × 10^−scale, exactly or why not; trailing zeros go into the scale first.</summary>
    private static ExactDecimalResult Compose(ReadOnlySpan<char> digits, long scale, bool negative, out decimal value)
    {
        value = 0m;
        var count = digits.Length;
        for (; count > 1 && digits[count - 1] == '0'; count--)
        {
            scale--;
        }

        digits = digits[..count];
        return scale > 28 ? ExactDecimalResult.Inexact
            : count - scale > 29 ? ExactDecimalResult.OutOfRange
            : count > 30 ? ExactDecimalResult.Inexact
            : count - Math.Min(scale, 0) <= 19 ? FromSmall(digits, (int)scale, negative, out value)
            : FromBig(digits, (int)scale, negative, out value);
    }

    /// <summary>Up to 19 digits (with the zeros a negative scale adds) fit in 64 bits: no big integer needed.</summary>
    private static ExactDecimalResult FromSmall(ReadOnlySpan<char> digits, int scale, bool negative, out decimal value)
    {
        var small = 0UL;
        foreach (var d in digits)
        {
            small = (small * 10) + (ulong)(d - '0');
        }

        for (; scale < 0; scale++)
        {
            small *= 10;
        }

        value = new decimal((int)small, (int)(small >> 32), 0, negative, (byte)scale);
        return ExactDecimalResult.Exact;
    }

    private static ExactDecimalResult FromBig(ReadOnlySpan<char> digits, int scale, bool negative, out decimal value)
    {
        value = 0m;
        var mantissa = BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        if (scale < 0)
        {
            mantissa *= BigInteger.Pow(10, -scale);
            scale = 0;
        }

        if (mantissa >= Limit)
        {
            return scale == 0 ? ExactDecimalResult.OutOfRange : ExactDecimalResult.Inexact;
        }

        Span<byte> twelve = stackalloc byte[12];
        mantissa.ToByteArray(isUnsigned: true, isBigEndian: false).AsSpan().CopyTo(twelve);
        value = new decimal(BitConverter.ToInt32(twelve), BitConverter.ToInt32(twelve[4..]), BitConverter.ToInt32(twelve[8..]), negative, (byte)scale);
        return ExactDecimalResult.Exact;
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedThousands();
}
