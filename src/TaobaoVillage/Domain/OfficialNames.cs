namespace TaobaoVillage.Domain;

/// <summary>
/// What statistical codes and official names say of a unit's kind, by the NBS coding rules: three-valued, never a
/// default. Pure and thread-safe.
/// </summary>
public static class OfficialNames
{
    /// <summary>
    /// A township's kind from its 9-digit statistical code (digits 7–9: 001–099 sub-district 街道, 100–399 town 镇 or
    /// township 乡, 400–599 other township-level units such as development zones and farms), else from a name ending
    /// 街道 (sub-district) or 镇/乡 (township), else unknown.
    /// </summary>
    /// <param name="code">The township's code (9 digits), or a village's 12-digit code, or null.</param>
    /// <param name="name">The township's name, or null.</param>
    /// <returns>The kind, or null when neither says.</returns>
    public static TownshipKind? TownshipKindOf(string? code, string? name)
    {
        if (code is { Length: 9 or 12 } && code.All(char.IsAsciiDigit))
        {
            var part = int.Parse(code.AsSpan(6, 3), System.Globalization.CultureInfo.InvariantCulture);
            TownshipKind? fromCode = part switch
            {
                >= 1 and <= 99 => TownshipKind.Subdistrict,
                >= 100 and <= 399 => TownshipKind.Township,
                >= 400 and <= 599 => TownshipKind.Other,
                _ => null,
            };
            if (fromCode is not null)
            {
                return fromCode;
            }
        }

        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.EndsWith("街道", StringComparison.Ordinal) || trimmed.EndsWith("街道办事处", StringComparison.Ordinal))
        {
            return TownshipKind.Subdistrict;
        }

        return trimmed.EndsWith('镇') || trimmed.EndsWith('乡') ? TownshipKind.Township : null;
    }

    /// <summary>
    /// A village-level unit's committee kind from its official name: …村民委员会 or …村委会 a villagers' committee,
    /// …居民委员会 or …居委会 a residents' committee; any other name (前岙, 前岙村) says nothing certain.
    /// </summary>
    /// <param name="name">The official name, or null.</param>
    /// <returns>The kind, or null.</returns>
    public static CommitteeKind? CommitteeKindOf(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.EndsWith("村民委员会", StringComparison.Ordinal) || trimmed.EndsWith("村委会", StringComparison.Ordinal))
        {
            return CommitteeKind.Village;
        }

        return trimmed.EndsWith("居民委员会", StringComparison.Ordinal) || trimmed.EndsWith("居委会", StringComparison.Ordinal) ? CommitteeKind.Residents : null;
    }
}
