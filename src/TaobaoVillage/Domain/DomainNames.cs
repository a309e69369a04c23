namespace TaobaoVillage.Domain;

/// <summary>Parses and names <see cref="Platform"/> and <see cref="CommitteeKind"/> values as the file contract writes them.</summary>
/// <remarks>All members are pure and thread-safe.</remarks>
public static class DomainNames
{
    private static readonly Dictionary<string, Platform> Platforms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["taobao"] = Platform.Taobao,
        ["淘宝"] = Platform.Taobao,
        ["tmall"] = Platform.Tmall,
        ["天猫"] = Platform.Tmall,
        ["1688"] = Platform.Alibaba1688,
        ["xianyu"] = Platform.Xianyu,
        ["闲鱼"] = Platform.Xianyu,
        ["jd"] = Platform.JD,
        ["京东"] = Platform.JD,
        ["pinduoduo"] = Platform.Pinduoduo,
        ["拼多多"] = Platform.Pinduoduo,
        ["douyin"] = Platform.Douyin,
        ["抖音"] = Platform.Douyin,
        ["kuaishou"] = Platform.Kuaishou,
        ["快手"] = Platform.Kuaishou,
        ["other"] = Platform.Other,
        ["其他"] = Platform.Other,
    };

    private static readonly Dictionary<string, CommitteeKind> Committees = new(StringComparer.OrdinalIgnoreCase)
    {
        ["village"] = CommitteeKind.Village,
        ["村委会"] = CommitteeKind.Village,
        ["村民委员会"] = CommitteeKind.Village,
        ["villagers"] = CommitteeKind.Village,
        ["residents"] = CommitteeKind.Residents,
        ["居委会"] = CommitteeKind.Residents,
        ["居民委员会"] = CommitteeKind.Residents,
    };

    /// <summary>Parses a platform name: <c>taobao</c>, <c>tmall</c>, <c>1688</c>, <c>xianyu</c>, <c>jd</c>, <c>pinduoduo</c>, <c>douyin</c>, <c>kuaishou</c>, <c>other</c> (any case) or the Chinese names.</summary>
    /// <param name="text">The name.</param>
    /// <param name="platform">The platform when the name is known.</param>
    /// <returns>Whether the name is known. Does not throw.</returns>
    public static bool TryParsePlatform(string? text, out Platform platform)
    {
        platform = default;
        return text is not null && Platforms.TryGetValue(text.Trim(), out platform);
    }

    /// <summary>Parses a committee kind: <c>village</c> or <c>residents</c> (any case), or 村委会 / 居委会.</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The kind when the name is known.</param>
    /// <returns>Whether the name is known. Does not throw.</returns>
    public static bool TryParseCommittee(string? text, out CommitteeKind kind)
    {
        kind = default;
        return text is not null && Committees.TryGetValue(text.Trim(), out kind);
    }

    /// <summary>The contract name of a platform, such as <c>taobao</c> or <c>1688</c>.</summary>
    /// <param name="platform">The platform.</param>
    /// <returns>The lower-case contract name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="platform"/> is not a defined value.</exception>
    public static string Name(Platform platform) => platform switch
    {
        Platform.Taobao => "taobao",
        Platform.Tmall => "tmall",
        Platform.Alibaba1688 => "1688",
        Platform.Xianyu => "xianyu",
        Platform.JD => "jd",
        Platform.Pinduoduo => "pinduoduo",
        Platform.Douyin => "douyin",
        Platform.Kuaishou => "kuaishou",
        Platform.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    /// <summary>The contract name of a committee kind: <c>village</c> or <c>residents</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lower-case contract name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string Name(CommitteeKind kind) => kind switch
    {
        CommitteeKind.Village => "village",
        CommitteeKind.Residents => "residents",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The contract name of a township kind: <c>township</c>, <c>subdistrict</c> or <c>other</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lower-case contract name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string Name(TownshipKind kind) => kind switch
    {
        TownshipKind.Township => "township",
        TownshipKind.Subdistrict => "subdistrict",
        TownshipKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Reads a township kind: <c>township</c> (also 乡镇, 镇, 乡), <c>subdistrict</c> (街道) or <c>other</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">The kind, when recognised.</param>
    /// <returns>Whether the text names a kind.</returns>
    public static bool TryParseTownshipKind(string? text, out TownshipKind kind)
    {
        (var ok, kind) = text?.Trim().ToLowerInvariant() switch
        {
            "township" or "乡镇" or "镇" or "乡" => (true, TownshipKind.Township),
            "subdistrict" or "街道" => (true, TownshipKind.Subdistrict),
            "other" => (true, TownshipKind.Other),
            _ => (false, default),
        };
        return ok;
    }
}
