namespace TaobaoVillage.Rules;

/// <summary>What a rule set decides about: a village, or a township from its villages.</summary>
public enum RuleTarget
{
    /// <summary>A village-level unit (行政村).</summary>
    Village,

    /// <summary>A township, town or sub-district (乡镇, 街道).</summary>
    Township,
}
