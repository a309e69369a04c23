namespace TaobaoVillage.Rules;

/// <summary>How a metric's value is compared with a threshold.</summary>
public enum Comparison
{
    /// <summary>At least (≥): "达到…以上", "or more".</summary>
    AtLeast,

    /// <summary>Exceeds (&gt;): "超过", strict.</summary>
    GreaterThan,

    /// <summary>At most (≤).</summary>
    AtMost,

    /// <summary>Less than (&lt;).</summary>
    LessThan,

    /// <summary>Equal to (=).</summary>
    EqualTo,

    /// <summary>One of a set of category values.</summary>
    OneOf,
}
