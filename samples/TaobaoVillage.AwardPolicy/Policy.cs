using NRules;
using NRules.Fluent;
using TaobaoVillage.Domain;
using TaobaoVillage.NRules;

namespace TaobaoVillage.AwardPolicy;

/// <summary>
/// A county's award policy on top of TaobaoVillage's rules: the published criteria decide villages and towns by year,
/// this assembly's NRules rules decide the money, all in one session factory.
/// </summary>
internal static class Policy
{
    private static readonly Lazy<ISessionFactory> Rules = new(Compile);

    public static ISessionFactory Factory => Rules.Value;

    /// <summary>Decides the awards and data requests for the records and the office's bonus counties.</summary>
    public static PolicyResult Run(IEnumerable<VillageRecord> records, IEnumerable<string> bonusCounties)
    {
        var session = Factory.CreateSession();
        session.InsertAll(records);
        session.InsertAll(bonusCounties.Select(c => new BonusCounty(c)));
        session.Fire();
        return new PolicyResult([.. session.Query<Award>()], [.. session.Query<DataRequest>()], [.. session.Query<VillageOutcome>()]);
    }

    private static ISessionFactory Compile()
    {
        // Ours beside the library's: the library's as rule sets it builds, ours loaded from this assembly as users do.
        var repository = new RuleRepository();
        repository.Add(TaobaoVillageRules.VillagesByYear());
        repository.Add(TaobaoVillageRules.DesignationsByYear());
        // The rule classes are internal, as an application's are: NRules loads public types only unless told.
        repository.Load(x => x.PrivateTypes().From(typeof(Policy).Assembly).To("award-policy"));
        return TaobaoVillageRules.Compile(repository.GetRuleSets());
    }
}
