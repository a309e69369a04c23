using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

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

    /// <summary>The title in other languages (<see cref="TitleIn"/>); presentation only, outside the hash.</summary>
    public Translations Titles { get; init; } = Translations.None;

    /// <summary>The title for people of a culture: its translation (through the culture's parents), else <see cref="Title"/>.</summary>
    /// <param name="culture">The culture, such as <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The title, or null when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string? TitleIn(System.Globalization.CultureInfo culture) => Titles.In(culture) ?? Title;

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

/// <summary>Stands in for a criterion the JSON reader already reported as unreadable; never part of a built rule set.</summary>
internal sealed record UnreadableCriterion : Criterion
{
    public UnreadableCriterion(string? id = null)
        : base(id ?? string.Empty)
    {
    }
}
