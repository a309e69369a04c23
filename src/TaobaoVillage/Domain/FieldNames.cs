namespace TaobaoVillage.Domain;

/// <summary>The field names of the village records file contract (snake_case, as CSV headers write them).</summary>
public static class FieldNames
{
    /// <summary><c>village_code</c>: the record's key.</summary>
    public const string VillageCode = "village_code";

    /// <summary><c>village_name</c>.</summary>
    public const string VillageName = "village_name";

    /// <summary><c>province</c>.</summary>
    public const string Province = "province";

    /// <summary><c>city</c>.</summary>
    public const string City = "city";

    /// <summary><c>county</c>.</summary>
    public const string County = "county";

    /// <summary><c>township</c>.</summary>
    public const string Township = "township";

    /// <summary><c>township_code</c>.</summary>
    public const string TownshipCode = "township_code";

    /// <summary><c>year</c>.</summary>
    public const string Year = "year";

    /// <summary><c>committee</c>: <c>village</c> or <c>residents</c>.</summary>
    public const string Committee = "committee";

    /// <summary><c>households</c>.</summary>
    public const string Households = "households";

    /// <summary><c>ecommerce_households</c>.</summary>
    public const string EcommerceHouseholds = "ecommerce_households";

    /// <summary><c>active_shops</c>.</summary>
    public const string ActiveShops = "active_shops";

    /// <summary><c>annual_sales_cny</c>: annual e-commerce sales in yuan.</summary>
    public const string AnnualSales = "annual_sales_cny";

    /// <summary><c>annual_sales_10k_cny</c>: annual e-commerce sales in 万元 (units of CN¥10,000).</summary>
    public const string AnnualSalesTenThousand = "annual_sales_10k_cny";

    /// <summary><c>main_platform</c>.</summary>
    public const string MainPlatform = "main_platform";
}
