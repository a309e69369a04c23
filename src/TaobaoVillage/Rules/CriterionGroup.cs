using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

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
