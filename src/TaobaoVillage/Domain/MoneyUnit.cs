namespace TaobaoVillage.Domain;

/// <summary>
/// A unit people count money in: 元, 万元 (ten thousand yuan) or 亿元 (a hundred million), as the headers of county
/// spreadsheets name it. Advice can give amounts in the unit of the file they came from; figures stay in yuan.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Name">How it is written after an amount, such as <c>万元</c>.</param>
/// <param name="Yuan">How many yuan one unit is.</param>
public sealed record MoneyUnit(string Name, decimal Yuan)
{
    /// <summary>Yuan: amounts written as <c>CN¥1,234.50</c>.</summary>
    public static MoneyUnit CnYuan { get; } = new("元", 1m);

    /// <summary>万元, ten thousand yuan.</summary>
    public static MoneyUnit TenThousandYuan { get; } = new("万元", 10_000m);

    /// <summary>亿元, a hundred million yuan.</summary>
    public static MoneyUnit HundredMillionYuan { get; } = new("亿元", 100_000_000m);

    /// <summary>The unit of a header's multiplier (see <c>RecordSchema.ScaleOf</c>): 万元 for 10,000, 亿元 for 10⁸, else yuan.</summary>
    /// <param name="scale">The multiplier, or null.</param>
    /// <returns>The unit.</returns>
    public static MoneyUnit FromScale(decimal? scale) => scale switch
    {
        10_000m => TenThousandYuan,
        100_000_000m => HundredMillionYuan,
        _ => CnYuan,
    };

    /// <summary>An amount in yuan written in this unit: <c>CN¥737,452.91</c> in yuan, <c>73.745291 万元</c> in 万元 (exact, never rounded).</summary>
    /// <param name="yuan">The amount in yuan.</param>
    /// <returns>The text.</returns>
    public string Format(decimal yuan) => Yuan == 1m ? Cny.FromYuan(yuan).ToString() : $"{DecimalText.Format(yuan / Yuan)} {Name}";

    /// <summary>
    /// An amount to make up (a shortfall) written in this unit to at most two decimal places, rounded up so that the
    /// advice is always enough: <c>73.75 万元</c> for 737,452.91 yuan (73.745291 万元); in yuan as <see cref="Format"/>
    /// (to the fen, which a shortfall is already rounded up to).
    /// </summary>
    /// <param name="yuan">The amount in yuan, not negative.</param>
    /// <returns>The text.</returns>
    public string FormatUp(decimal yuan) =>
        Yuan == 1m ? Format(yuan) : $"{DecimalText.Format(Math.Round(yuan / Yuan, 2, MidpointRounding.ToPositiveInfinity))} {Name}";

    /// <summary>
    /// Reads an amount of money as people write it: a number (<see cref="ExactDecimal.ParseGrouped"/>: a dot for
    /// decimals, commas only between thousands) in yuan, or followed by its unit, 元, 万 or 万元, 亿 or 亿元
    /// (<c>800万</c> is 8,000,000 yuan) — the units a file's header may give its amounts in.
    /// </summary>
    /// <param name="text">The text, such as <c>8000000</c>, <c>8,000,000</c>, <c>800万</c> or <c>0.08 亿元</c>.</param>
    /// <param name="yuan">The amount in yuan when the result is <see cref="ExactDecimalResult.Exact"/>, else zero.</param>
    /// <returns>Whether the text is the amount exactly, or why not (<see cref="ExactDecimalResult.OutOfRange"/> when the yuan overflow).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <remarks>Thread-safe.</remarks>
    public static ExactDecimalResult ParseYuan(string text, out decimal yuan)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var unit = trimmed.EndsWith("万元", StringComparison.Ordinal) || trimmed.EndsWith('万') ? TenThousandYuan
            : trimmed.EndsWith("亿元", StringComparison.Ordinal) || trimmed.EndsWith('亿') ? HundredMillionYuan
            : CnYuan;
        var number = unit == CnYuan ? trimmed.TrimEnd('元') : trimmed.TrimEnd('元')[..^1];
        var result = ExactDecimal.ParseGrouped(number, out var amount);
        yuan = 0m;
        if (result != ExactDecimalResult.Exact)
        {
            return result;
        }

        if (Math.Abs(amount) > decimal.MaxValue / unit.Yuan)
        {
            return ExactDecimalResult.OutOfRange;
        }

        yuan = amount * unit.Yuan;
        return ExactDecimalResult.Exact;
    }
}
