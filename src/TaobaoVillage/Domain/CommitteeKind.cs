namespace TaobaoVillage.Domain;

/// <summary>The kind of village-level committee a record describes.</summary>
public enum CommitteeKind
{
    /// <summary>A villagers' committee (村委会): an administrative village.</summary>
    Village,

    /// <summary>A residents' committee (居委会): urban, excluded from Taobao Villages since 2020.</summary>
    Residents,
}
