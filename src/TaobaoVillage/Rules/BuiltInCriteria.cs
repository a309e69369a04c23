namespace TaobaoVillage.Rules;

/// <summary>
/// The ids of the built-in rule sets' criteria, as constants: <c>verdict[BuiltInCriteria.AnnualSales]</c> cannot be
/// misspelled the way <c>verdict["annual-sale"]</c> can.
/// </summary>
public static class BuiltInCriteria
{
    /// <summary><c>administrative-village</c> (<c>aliresearch</c>): a villagers' committee, not a residents' committee.</summary>
    public const string AdministrativeVillage = "administrative-village";

    /// <summary><c>annual-sales</c> (<c>aliresearch</c>, <c>aliresearch-2014</c>): annual sales of CN¥10,000,000 or more.</summary>
    public const string AnnualSales = "annual-sales";

    /// <summary><c>active-shops</c>: 100 or more active shops, or active shops 10% or more of households.</summary>
    public const string ActiveShops = "active-shops";

    /// <summary><c>active-shop-count</c>: 100 or more active online shops.</summary>
    public const string ActiveShopCount = "active-shop-count";

    /// <summary><c>active-shop-share</c>: active online shops 10% or more of households.</summary>
    public const string ActiveShopShare = "active-shop-share";

    /// <summary><c>main-platform-taobao</c> (<c>classic</c>): Taobao is the main platform.</summary>
    public const string MainPlatformTaobao = "main-platform-taobao";

    /// <summary><c>annual-transactions</c> (<c>classic</c>): annual transactions of CN¥10,000,000 or more.</summary>
    public const string AnnualTransactions = "annual-transactions";

    /// <summary><c>ecommerce-households-share</c> (<c>classic</c>): 10% or more of households engaged in e-commerce.</summary>
    public const string EcommerceHouseholdsShare = "ecommerce-households-share";

    /// <summary><c>taobao-villages</c> (town sets): 3 or more Taobao Villages in the township.</summary>
    public const string TaobaoVillages = "taobao-villages";

    /// <summary><c>township-ecommerce</c> (town sets from 2019): sales over CN¥30,000,000 and more than 300 shops.</summary>
    public const string TownshipEcommerce = "township-ecommerce";

    /// <summary><c>township-sales</c>: township sales over CN¥30,000,000.</summary>
    public const string TownshipSales = "township-sales";

    /// <summary><c>township-active-shops</c>: more than 300 active shops in the township.</summary>
    public const string TownshipActiveShops = "township-active-shops";

    /// <summary><c>town-paths</c> (<c>aliresearch-town</c>): 3 or more Taobao Villages, or the township's sales and shops.</summary>
    public const string TownPaths = "town-paths";

    /// <summary><c>not-a-subdistrict</c> (<c>aliresearch-town</c>): a township, not a sub-district.</summary>
    public const string NotASubdistrict = "not-a-subdistrict";
}
