using TaobaoVillage.Domain;

namespace TaobaoVillage.NRules;

/// <summary>
/// A village record's identity in an NRules session: its code and year. <see cref="VillageRecord"/> has value equality,
/// so without this comparer NRules cannot find the fact a changed copy updates ("Facts for update do not exist").
/// <see cref="TaobaoVillageRules.Compile"/> registers it.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class VillageRecordIdentity : IEqualityComparer<VillageRecord>
{
    /// <summary>The comparer.</summary>
    public static VillageRecordIdentity Instance { get; } = new();

    private VillageRecordIdentity()
    {
    }

    /// <inheritdoc/>
    public bool Equals(VillageRecord? x, VillageRecord? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.Code == y.Code && x.Year == y.Year);

    /// <inheritdoc/>
    public int GetHashCode(VillageRecord obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Code, obj.Year);
    }
}
