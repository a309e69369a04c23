using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>Where a rule or a criterion comes from: the published text it encodes.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Source">Who published it and where, for example "AliResearch criteria as quoted by zgzzs.com.cn (2017)".</param>
/// <param name="Url">A link to the source, when there is one.</param>
/// <param name="Quote">The words of the source this encodes, when useful.</param>
public sealed record Citation(string Source, string? Url = null, string? Quote = null);

/// <summary>The years a rule set applies to, both ends inclusive; an open end has no <see cref="To"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="From">The first year.</param>
/// <param name="To">The last year, or <see langword="null"/> for "onward".</param>
public readonly record struct YearRange(int From, int? To = null)
{
    /// <summary>Whether the year lies in the range.</summary>
    /// <param name="year">The year.</param>
    /// <returns><see langword="true"/> when <see cref="From"/> ≤ year ≤ <see cref="To"/> (or no end).</returns>
    public bool Contains(int year) => year >= From && (To is null || year <= To);

    /// <summary>Formats the range as <c>2014–2018</c> or <c>2014 onward</c>.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => To is { } to
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From}–{to}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From} onward");
}

/// <summary>
/// A node of a rule set's criteria tree: a <see cref="Condition"/> (one metric against one threshold) or a
/// <see cref="CriterionGroup"/> (all of / any of its parts).
/// </summary>
/// <remarks>
/// Nodes are immutable and thread-safe. They are not checked when created: a <see cref="RuleSet"/> checks the whole
/// tree when it is built or loaded.
/// </remarks>
public abstract record Criterion
{
    private protected Criterion(string id) => Id = id;

    /// <summary>The criterion's id, unique within its rule set (lower-case letters, digits, '-', '_', '.').</summary>
    public string Id { get; init; }

    /// <summary>A short title for explanations, such as "at least CN¥10 million annual sales".</summary>
    public string? Title { get; init; }

    /// <summary>The published text this criterion encodes.</summary>
    public Citation? Citation { get; init; }

    /// <summary>This node and every node below it, parents before children.</summary>
    /// <returns>The nodes in pre-order.</returns>
    public IEnumerable<Criterion> DescendantsAndSelf()
    {
        var stack = new Stack<Criterion>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node is CriterionGroup group)
            {
                for (var i = group.Children.Length - 1; i >= 0; i--)
                {
                    stack.Push(group.Children[i]);
                }
            }
        }
    }
}

/// <summary>How a <see cref="CriterionGroup"/> combines its parts.</summary>
public enum GroupKind
{
    /// <summary>Passes when every part passes; fails when any part fails; otherwise unknown.</summary>
    AllOf,

    /// <summary>Passes when any part passes; fails when every part fails; otherwise unknown.</summary>
    AnyOf,
}

/// <summary>A group of criteria combined with all-of or any-of, in three-valued (Kleene) logic.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CriterionGroup : Criterion
{
    /// <summary>Creates a group.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="kind">All of, or any of.</param>
    /// <param name="children">The parts, in order; order never changes a verdict.</param>
    public CriterionGroup(string id, GroupKind kind, IEnumerable<Criterion> children)
        : base(id)
    {
        Kind = kind;
        Children = children?.ToImmutableArray() ?? [];
    }

    /// <summary>All of, or any of.</summary>
    public GroupKind Kind { get; init; }

    /// <summary>The parts, in order.</summary>
    public ImmutableArray<Criterion> Children { get; init; }
}

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

/// <summary>Stands in for a criterion the JSON reader already reported as unreadable; never part of a built rule set.</summary>
internal sealed record UnreadableCriterion : Criterion
{
    public UnreadableCriterion(string? id = null)
        : base(id ?? string.Empty)
    {
    }
}
