using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>
/// Sets one criterion's comparison and threshold. The unit follows from the threshold's type: <see cref="Cny"/> is
/// CN¥, <see cref="Share"/> a share, a whole number the metric's own count unit. Each call returns a new builder, so
/// instances are immutable and thread-safe.
/// </summary>
public sealed record ConditionBuilder
{
    private readonly Condition _condition;

    internal ConditionBuilder(string id, Metric metric) => _condition = new Condition(id, metric, Comparison.AtLeast, 0m, metric.Unit) { Threshold = null };

    private ConditionBuilder(Condition condition) => _condition = condition;

    /// <summary>At least this amount (≥).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder AtLeast(Cny amount) => Compare(Comparison.AtLeast, amount.Yuan, Unit.Cny);

    /// <summary>More than this amount (&gt;, "exceeds").</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder GreaterThan(Cny amount) => Compare(Comparison.GreaterThan, amount.Yuan, Unit.Cny);

    /// <summary>At least this share (≥).</summary>
    /// <param name="share">The share.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder AtLeast(Share share) => Compare(Comparison.AtLeast, share.Fraction, Unit.Share);

    /// <summary>More than this share (&gt;).</summary>
    /// <param name="share">The share.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder GreaterThan(Share share) => Compare(Comparison.GreaterThan, share.Fraction, Unit.Share);

    /// <summary>At least this many (≥), in the metric's own unit (shops, households, villages).</summary>
    /// <param name="count">The count.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder AtLeast(long count) => Compare(Comparison.AtLeast, count, _condition.Metric.Unit);

    /// <summary>More than this many (&gt;, "exceeds"), in the metric's own unit.</summary>
    /// <param name="count">The count.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder GreaterThan(long count) => Compare(Comparison.GreaterThan, count, _condition.Metric.Unit);

    /// <summary>Any comparison with a threshold in an explicit unit.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="unit">The threshold's unit.</param>
    /// <returns>A builder with the threshold set.</returns>
    public ConditionBuilder Compare(Comparison comparison, decimal threshold, Unit unit) =>
        new(_condition with { Comparison = comparison, Threshold = threshold, Unit = unit, Values = [] });

    /// <summary>The value is one of these category values (contract names such as <c>taobao</c>).</summary>
    /// <param name="values">The accepted values.</param>
    /// <returns>A builder with the values set.</returns>
    public ConditionBuilder IsOneOf(params string[] values) =>
        new(_condition with { Comparison = Comparison.OneOf, Threshold = null, Unit = Unit.None, Values = [.. values] });

    /// <summary>The main platform is one of these.</summary>
    /// <param name="platforms">The accepted platforms.</param>
    /// <returns>A builder with the values set.</returns>
    public ConditionBuilder IsOneOf(params Platform[] platforms) => IsOneOf(platforms.Select(DomainNames.Name).ToArray());

    /// <summary>The committee kind is one of these.</summary>
    /// <param name="kinds">The accepted kinds.</param>
    /// <returns>A builder with the values set.</returns>
    public ConditionBuilder IsOneOf(params CommitteeKind[] kinds) => IsOneOf(kinds.Select(DomainNames.Name).ToArray());

    /// <summary>Sets the criterion's title.</summary>
    /// <param name="title">The title.</param>
    /// <returns>A builder with the title set.</returns>
    public ConditionBuilder Titled(string title) => new(_condition with { Title = title });

    /// <summary>Sets the criterion's citation.</summary>
    /// <param name="source">Who published it and where.</param>
    /// <param name="url">A link, when there is one.</param>
    /// <param name="quote">The words encoded, when useful.</param>
    /// <returns>A builder with the citation set.</returns>
    public ConditionBuilder CitedTo(string source, string? url = null, string? quote = null) => new(_condition with { Citation = new Citation(source, url, quote) });

    internal Condition ToCondition() => _condition;
}
