using System.Globalization;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Engine;

/// <summary>The advice sentences in Simplified Chinese (English is written where the types are).</summary>
internal static class AdviceText
{
    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    /// <summary>A shortfall in Chinese, its amount already written (in the unit the caller chose).</summary>
    public static string Shortfall(Shortfall shortfall, string amount)
    {
        var change = shortfall.Direction == ShortfallDirection.Less ? "减少" : "再增加";
        return shortfall.Unit switch
        {
            Unit.Shops => $"{change} {amount} 家活跃网店",
            Unit.Households when shortfall.Metric == Metric.Households => $"{change} {amount} 户",
            Unit.Households => $"{change} {amount} 户从事电商的农户",
            Unit.Villages => $"{change} {amount} 个淘宝村",
            _ => $"{Label(shortfall.Metric)}{change} {amount}",
        };
    }

    /// <summary>A metric's name as a Chinese header gives it: its first Chinese alias, else its name.</summary>
    private static string Label(Metric metric) =>
        metric.Aliases.FirstOrDefault(a => a.Any(c => c is >= '\u4E00' and <= '\u9FFF')) ?? metric.Name;
}
