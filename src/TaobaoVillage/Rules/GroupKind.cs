using System.Collections.Immutable;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>How a <see cref="CriterionGroup"/> combines its parts.</summary>
public enum GroupKind
{
    /// <summary>Passes when every part passes; fails when any part fails; otherwise unknown.</summary>
    AllOf,

    /// <summary>Passes when any part passes; fails when every part fails; otherwise unknown.</summary>
    AnyOf,
}
