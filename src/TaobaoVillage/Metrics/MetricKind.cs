using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>How a metric's value is read.</summary>
public enum MetricKind
{
    /// <summary>An amount of money in CN¥.</summary>
    Money,

    /// <summary>A whole count.</summary>
    Count,

    /// <summary>A share: one count over another, compared exactly.</summary>
    Share,

    /// <summary>A category value such as a platform.</summary>
    Category,

    /// <summary>A number read from a custom attribute column.</summary>
    Number,
}
