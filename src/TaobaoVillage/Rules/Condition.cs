using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>
/// One criterion: a metric compared with a threshold in a unit, as one line of the published text reads — "annual
/// sales reach CN¥10,000,000 or more" is <c>annual_sales_cny atLeast 10000000 cny</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Condition : Criterion
{
    /// <summary>Creates a numeric criterion.</summary>
    /// <param name="id">The criterion's id.</param>
    /// <param name="metric">The figure it looks at.</param>
    /// <param name="comparison">How the figure is compared.</param>
    /// <param name="threshold">The threshold, in <paramref name="unit"/>; a share as a fraction (0.1 for 10%).</param>
    /// <param name="unit">The threshold's unit; must match the metric's.</param>
    public Condition(string id, Metric metric, Comparison comparison, decimal threshold, Unit unit)
        : base(id)
    {
        Metric = metric;
        Comparison = comparison;
        Threshold = threshold;
        Unit = unit;
        Values = [];
    }

    /// <summary>Creates a category criterion: the metric's value is one of <paramref name="values"/>.</summary>
    /// <param name="id">The criterion's id.</param>
    /// <param name="metric">A category metric, such as <see cref="Metric.MainPlatform"/>.</param>
    /// <param name="values">The accepted values, by their contract names.</param>
    public Condition(string id, Metric metric, IEnumerable<string> values)
        : base(id)
    {
        Metric = metric;
        Comparison = Comparison.OneOf;
        Unit = Unit.None;
        Values = values?.ToImmutableArray() ?? [];
    }

    /// <summary>The figure it looks at.</summary>
    public Metric Metric { get; init; }

    /// <summary>How the figure is compared.</summary>
    public Comparison Comparison { get; init; }

    /// <summary>The threshold for numeric comparisons; <see langword="null"/> for <see cref="Comparison.OneOf"/>.</summary>
    public decimal? Threshold { get; init; }

    /// <summary>The threshold's unit.</summary>
    public Unit Unit { get; init; }

    /// <summary>The accepted values for <see cref="Comparison.OneOf"/>; otherwise empty.</summary>
    public ImmutableArray<string> Values { get; init; }
}
