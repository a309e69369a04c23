using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.NRules.Tests;

/// <summary>A live session after any updates and retractions holds what a fresh session of the final records holds.</summary>
public class TruthMaintenanceProperties
{
    private static readonly Lazy<global::NRules.ISessionFactory> Chain = new(() => Sessions.Factory(TaobaoVillageRules.VillagesByYear(), TaobaoVillageRules.DesignationsByYear()));

    private static Gen<VillageRecord> Record => from record in VillageArbitraries.BoundaryRecordFor(BuiltInRuleSets.AliResearch2014)
                                                from township in Gen.Elements("330782100", "330782101")
                                                select record with { Year = 2018, TownshipCode = township, Township = township };

    /// <summary>Records, then changes: a new copy of record i (same code and year), or record i retracted (null).</summary>
    private static Arbitrary<(VillageRecord[] Records, (int Index, VillageRecord? Change)[] Changes)> Histories() => Arb.From(
        from count in Gen.Choose(1, 20)
        from records in Record.ArrayOf(count)
        from changeCount in Gen.Choose(1, 15)
        from changes in (from index in Gen.Choose(0, count - 1)
                         from change in Gen.Frequency((4, Record.Select(r => (VillageRecord?)r)), (1, Gen.Constant((VillageRecord?)null)))
                         select (index, change)).ArrayOf(changeCount)
        select (Sessions.Distinct(records), changes),
        h => Enumerable.Range(0, h.changes.Length).Select(i => (h.Item1, h.changes.Where((_, j) => j != i).ToArray())));

    [Property(MaxTest = 60)]
    public Property Session_UpdatesAndRetractions_SameAsFreshSession() => Prop.ForAll(Histories(), history =>
    {
        var live = Sessions.Run(Chain.Value, history.Records);
        var current = history.Records.Select(r => (VillageRecord?)r).ToArray();
        foreach (var (index, change) in history.Changes)
        {
            Apply(live, current, index, change);
        }

        var fresh = Sessions.Run(Chain.Value, current.OfType<VillageRecord>());
        return Snapshot(live).SequenceEqual(Snapshot(fresh));
    });

    private static void Apply(global::NRules.ISession session, VillageRecord?[] current, int index, VillageRecord? change)
    {
        var next = change is null ? null : change with { Code = Sessions.CodeOf(index) };
        if (next is null)
        {
            if (current[index] is { } old)
            {
                session.Retract(old);
            }
        }
        else if (current[index] is null)
        {
            session.Insert(next);
        }
        else
        {
            session.Update(next);
        }

        current[index] = next;
        session.Fire();
    }

    /// <summary>Every village's eligibility, every town's verdict and every county's counts, in order.</summary>
    private static List<string> Snapshot(global::NRules.ISession session) =>
    [
        .. session.Query<VillageOutcome>().AsEnumerable().Select(o => $"v {o.Key} {o.Eligibility} {o.Verdict}").Order(StringComparer.Ordinal),
        .. session.Query<TownOutcome>().AsEnumerable().Select(t => $"t {t} {t.TaobaoVillages} {t.Verdict.Verdict.Eligibility}").Order(StringComparer.Ordinal),
        .. session.Query<CountyOutcome>().AsEnumerable().Select(c => $"c {c} {c.Summary.UndecidedTowns}").Order(StringComparer.Ordinal),
    ];
}
