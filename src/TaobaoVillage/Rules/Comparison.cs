namespace TaobaoVillage.Rules;

/// <summary>What a rule set decides about: a village, or a township from its villages.</summary>
public enum RuleTarget
{
    /// <summary>A village-level unit (行政村).</summary>
    Village,

    /// <summary>A township, town or sub-district (乡镇, 街道).</summary>
    Township,
}

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
