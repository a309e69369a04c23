using TaobaoVillage.Metrics;

namespace TaobaoVillage.Engine;

/// <summary>
/// The one table of what a shortfall's amount counts, per unit and language: the English noun (and what follows it) and the
/// Chinese count word with its noun (221 家活跃网店, 3 户). A unit without a row (CN¥, a figure) is written with its
/// metric's own name instead.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class UnitPhrases
{
    private static readonly Phrase Shops = new("active online shop", string.Empty, "家活跃网店");
    private static readonly Phrase Households = new("household", string.Empty, "户");
    private static readonly Phrase EcommerceHouseholds = new("household", " engaged in e-commerce", "户从事电商的农户");
    private static readonly Phrase Villages = new("Taobao Village", string.Empty, "个淘宝村");

    /// <summary>A shortfall in English, its amount already written.</summary>
    public static string English(Shortfall shortfall, string amount)
    {
        var (more, fewer) = shortfall.Direction == ShortfallDirection.Less ? ("less", "fewer") : ("more", "more");
        return For(shortfall) is { } phrase
            ? $"{amount} {fewer} {phrase.Noun}{(shortfall.Amount == 1m ? "" : "s")}{phrase.After}"
            : $"{amount} {more} {shortfall.Metric.Description}";
    }

    /// <summary>A shortfall in Chinese, its amount already written (in the unit the caller chose).</summary>
    public static string Chinese(Shortfall shortfall, string amount)
    {
        var change = shortfall.Direction == ShortfallDirection.Less ? "减少" : "再增加";
        return For(shortfall) is { } phrase
            ? $"{change} {amount} {phrase.Chinese}"
            : $"{Label(shortfall.Metric)}{change} {amount}";
    }

    private static Phrase? For(Shortfall shortfall) => shortfall.Unit switch
    {
        Unit.Shops => Shops,
        Unit.Households when shortfall.Metric == Metric.Households => Households,
        Unit.Households => EcommerceHouseholds,
        Unit.Villages => Villages,
        _ => null,
    };

    /// <summary>A metric's name as a Chinese header gives it: its first Chinese alias, else its name.</summary>
    private static string Label(Metric metric) =>
        metric.Aliases.FirstOrDefault(a => a.Any(c => c is >= '\u4E00' and <= '\u9FFF')) ?? metric.Name;

    /// <summary>The English noun (an "s" makes it many), what follows it, and the Chinese count word with its noun.</summary>
    private sealed record Phrase(string Noun, string After, string Chinese);
}
