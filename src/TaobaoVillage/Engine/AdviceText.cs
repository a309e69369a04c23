using System.Globalization;

namespace TaobaoVillage.Engine;

/// <summary>Which language advice is written in; the phrases per unit are in <see cref="UnitPhrases"/>.</summary>
internal static class AdviceText
{
    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";
}
