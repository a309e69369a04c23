using NRules;
using NRules.RuleModel;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.NRules;
using RuleSet = TaobaoVillage.Rules.RuleSet;

namespace TaobaoVillage.NRules.Tests;

/// <summary>Sessions as a user builds them, and what the tests compare them with.</summary>
internal static class Sessions
{
    public static ISessionFactory Factory(params IRuleSet[] sets) => TaobaoVillageRules.Compile(sets);

    /// <summary>A fired session holding the records.</summary>
    public static ISession Run(ISessionFactory factory, IEnumerable<object> facts)
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return session;
    }

    /// <summary>The records with codes made distinct (a record's identity in a session is code and year).</summary>
    public static VillageRecord[] Distinct(IEnumerable<VillageRecord> records) =>
        records.Select((r, i) => r with { Code = CodeOf(i) }).ToArray();

    /// <summary>The code <see cref="Distinct"/> gives the record at an index.</summary>
    public static VillageCode CodeOf(int index) => new($"3307821{index:D5}");

    /// <summary>
    /// How many records the session decides otherwise than <paramref name="reference"/>'s evaluator: a different
    /// eligibility from NRules, a carried verdict that differs from a fresh one, or not exactly one outcome.
    /// </summary>
    public static int Mismatches(ISessionFactory factory, RuleSet reference, IReadOnlyList<VillageRecord> records)
    {
        var evaluator = reference.Compile();
        var session = Run(factory, records);
        var outcomes = session.Query<VillageOutcome>().ToLookup(o => o.Key);
        return records.Count(r => outcomes[r.Code.Value].ToList() is not [var o] || !Agrees(o, evaluator.Evaluate(r)));
    }

    /// <summary>The same eligibility from NRules and the evaluator, and an equal verdict: the same outcome for every criterion and the same text.</summary>
    public static bool Agrees(VillageOutcome outcome, Verdict expected) =>
        outcome.Eligibility == expected.Eligibility
        && outcome.Verdict is { } carried
        && carried.Eligibility == outcome.Eligibility
        && carried.ToString() == expected.ToString()
        && carried.Criteria.Select(c => (c.Id, c.Outcome, c.Shortfall)).SequenceEqual(expected.Criteria.Select(c => (c.Id, c.Outcome, c.Shortfall)));
}
