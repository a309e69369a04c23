namespace TaobaoVillage.Domain;

/// <summary>The kind of township-level unit.</summary>
public enum TownshipKind
{
    /// <summary>A township or town (乡, 镇).</summary>
    Township,

    /// <summary>A sub-district (街道), excluded from Taobao Towns from 2020.</summary>
    Subdistrict,

    /// <summary>Another township-level unit (NBS codes 400–599: development zones, farms); not a sub-district.</summary>
    Other,
}
