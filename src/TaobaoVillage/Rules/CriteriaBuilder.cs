using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>Adds the parts of an all-of or any-of group. Not thread-safe.</summary>
public sealed class CriteriaBuilder
{
    private readonly List<Criterion> _children = [];
    private string? _title;
    private Citation? _citation;

    private CriteriaBuilder()
    {
    }

    /// <summary>Sets the group's title.</summary>
    /// <param name="title">The title.</param>
    /// <returns>This builder.</returns>
    public CriteriaBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>Sets the group's citation.</summary>
    /// <param name="source">Who published it and where.</param>
    /// <param name="url">A link, when there is one.</param>
    /// <param name="quote">The words encoded, when useful.</param>
    /// <returns>This builder.</returns>
    public CriteriaBuilder CitedTo(string source, string? url = null, string? quote = null)
    {
        _citation = new Citation(source, url, quote);
        return this;
    }

    /// <summary>Adds one criterion on a metric.</summary>
    /// <param name="id">The criterion's id.</param>
    /// <param name="metric">The figure it looks at.</param>
    /// <param name="threshold">Sets the comparison and threshold, and optionally title and citation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> or <paramref name="threshold"/> is null.</exception>
    public CriteriaBuilder Require(string id, Metric metric, Func<ConditionBuilder, ConditionBuilder> threshold)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(threshold);
        _children.Add(threshold(new ConditionBuilder(id, metric)).ToCondition());
        return this;
    }

    /// <summary>Adds a nested group whose parts must all pass.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="parts">Adds the parts.</param>
    /// <returns>This builder.</returns>
    public CriteriaBuilder AllOf(string id, Action<CriteriaBuilder> parts)
    {
        _children.Add(Group(id, GroupKind.AllOf, parts));
        return this;
    }

    /// <summary>Adds a nested group of which any part must pass.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="parts">Adds the parts.</param>
    /// <returns>This builder.</returns>
    public CriteriaBuilder AnyOf(string id, Action<CriteriaBuilder> parts)
    {
        _children.Add(Group(id, GroupKind.AnyOf, parts));
        return this;
    }

    /// <summary>Adds a criterion made elsewhere.</summary>
    /// <param name="criterion">The criterion.</param>
    /// <returns>This builder.</returns>
    public CriteriaBuilder Add(Criterion criterion)
    {
        _children.Add(criterion);
        return this;
    }

    internal static CriterionGroup Group(string id, GroupKind kind, Action<CriteriaBuilder> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new CriteriaBuilder();
        parts(builder);
        return new CriterionGroup(id, kind, builder._children) { Title = builder._title, Citation = builder._citation };
    }
}
