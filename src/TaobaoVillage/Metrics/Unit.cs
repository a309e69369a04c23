namespace TaobaoVillage.Metrics;

/// <summary>The unit a threshold is written in. A criterion's unit must match its metric's unit.</summary>
public enum Unit
{
    /// <summary>Chinese yuan.</summary>
    Cny,

    /// <summary>Active online shops.</summary>
    Shops,

    /// <summary>Households.</summary>
    Households,

    /// <summary>A fraction of one (0.1 is 10%).</summary>
    Share,

    /// <summary>Taobao Villages (for township rules).</summary>
    Villages,

    /// <summary>A plain number (custom attribute metrics).</summary>
    Number,

    /// <summary>No unit: a category such as a platform or committee kind.</summary>
    None,
}
