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
}
