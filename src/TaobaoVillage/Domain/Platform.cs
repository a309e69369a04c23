namespace TaobaoVillage.Domain;

/// <summary>An e-commerce platform a village sells on.</summary>
public enum Platform
{
    /// <summary>Taobao Marketplace (淘宝).</summary>
    Taobao,

    /// <summary>Tmall (天猫), formerly Taobao Mall.</summary>
    Tmall,

    /// <summary>1688.com, Alibaba's wholesale platform.</summary>
    Alibaba1688,

    /// <summary>Xianyu (闲鱼), Alibaba's second-hand platform.</summary>
    Xianyu,

    /// <summary>JD.com (京东).</summary>
    JD,

    /// <summary>Pinduoduo (拼多多).</summary>
    Pinduoduo,

    /// <summary>Douyin (抖音).</summary>
    Douyin,

    /// <summary>Kuaishou (快手).</summary>
    Kuaishou,

    /// <summary>Any other platform.</summary>
    Other,
}

