using FsCheck;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Testing;

/// <summary>
/// The arbitraries to register so that <c>[Property]</c> tests can take a <see cref="VillageRecord"/>, a
/// <see cref="TownshipFigures"/> or a <see cref="RuleSet"/> as a parameter:
/// <c>[Property(Arbitrary = [typeof(RecordArbitraries)])]</c>. One per type (FsCheck needs exactly one), all shrinking.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class RecordArbitraries
{
    /// <summary>Valid village records (<see cref="VillageArbitraries.Records"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<VillageRecord> VillageRecords() => VillageArbitraries.Records();

    /// <summary>Township figures (<see cref="VillageArbitraries.Townships"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<TownshipFigures> Townships() => VillageArbitraries.Townships();

    /// <summary>Valid village rule sets (<see cref="VillageArbitraries.RuleSets"/>).</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<RuleSet> RuleSets() => VillageArbitraries.RuleSets();
}
