using TaobaoVillage.Rules;
using TaobaoVillage.Json;
namespace TaobaoVillage.RuleSets;

/// <summary>
/// The rule sets that ship inside the package, as JSON resources, each with its citation and effective years:
/// villages by <c>classic</c> (2009–2013), <c>aliresearch-2014</c> (2014–2019) and <c>aliresearch</c> (from 2020);
/// townships by <c>aliresearch-town-2014</c> (to 2018), <c>aliresearch-town-2019</c> (2019) and <c>aliresearch-town</c> (from 2020).
/// </summary>
/// <remarks>Each is loaded and checked once, on first use. All members are thread-safe.</remarks>
public static class BuiltInRuleSets
{
    private static readonly string[] Ids = ["classic", "aliresearch-2014", "aliresearch", "aliresearch-town-2014", "aliresearch-town-2019", "aliresearch-town"];
    private static readonly Lazy<IReadOnlyDictionary<string, RuleSet>> Sets = new(LoadAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// <c>classic</c> (2009–2013): Taobao (Taobao Marketplace or Tmall) is the main platform; annual e-commerce
    /// transactions ≥ CN¥10,000,000; households engaged in e-commerce ≥ 10% of households.
    /// </summary>
    public static RuleSet Classic => Sets.Value["classic"];

    /// <summary>
    /// <c>aliresearch-2014</c> (2014–2019): annual transactions (from 2019 sales) ≥ CN¥10,000,000; active online shops
    /// ≥ 100, or active shops ≥ 10% of households. Residents' committees were admitted in practice, so no committee criterion.
    /// </summary>
    public static RuleSet AliResearch2014 => Sets.Value["aliresearch-2014"];

    /// <summary>
    /// <c>aliresearch</c> (2020 onward; usable on any year when asked for): an administrative village, not a
    /// residents' committee; annual sales ≥ CN¥10,000,000; active online shops ≥ 100, or active shops ≥ 10% of households.
    /// </summary>
    public static RuleSet AliResearch => Sets.Value["aliresearch"];

    /// <summary><c>aliresearch-town-2014</c> (2014–2018): a township or sub-district with ≥ 3 Taobao Villages.</summary>
    public static RuleSet AliResearchTown2014 => Sets.Value["aliresearch-town-2014"];

    /// <summary>
    /// <c>aliresearch-town-2019</c> (2019): a township or sub-district with ≥ 3 Taobao Villages, or township annual
    /// sales &gt; CN¥30,000,000 and &gt; 300 active shops.
    /// </summary>
    public static RuleSet AliResearchTown2019 => Sets.Value["aliresearch-town-2019"];

    /// <summary>
    /// <c>aliresearch-town</c> (2020 onward): a township, not a sub-district (its kind from the code's NBS range or
    /// its name), with ≥ 3 Taobao Villages, or township annual sales &gt; CN¥30,000,000 and &gt; 300 active shops.
    /// </summary>
    public static RuleSet AliResearchTown => Sets.Value["aliresearch-town"];

    /// <summary>Every built-in rule set, in the order above.</summary>
    public static IReadOnlyList<RuleSet> All => Ids.Select(id => Sets.Value[id]).ToList();

    /// <summary>Finds a built-in rule set by id. Does not throw.</summary>
    /// <param name="id">The id, such as <c>aliresearch</c>.</param>
    /// <param name="ruleSet">The rule set, when found.</param>
    /// <returns>Whether the id names a built-in rule set.</returns>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RuleSet? ruleSet)
    {
        ruleSet = null;
        return id is not null && Sets.Value.TryGetValue(id, out ruleSet);
    }

    /// <summary>Gets a built-in rule set by id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="KeyNotFoundException">No built-in rule set has this id.</exception>
    public static RuleSet Get(RuleSetId id) => TryGet(id.Value, out var ruleSet)
        ? ruleSet
        : throw new KeyNotFoundException($"There is no built-in rule set '{id}'; the built-in ones are {string.Join(", ", Ids)}.");

    /// <summary>
    /// The built-in rule set for a village in a year: <c>classic</c> 2009–2013, <c>aliresearch-2014</c> 2014–2019,
    /// <c>aliresearch</c> from 2020.
    /// </summary>
    /// <param name="year">The data year.</param>
    /// <returns>The rule set in force that year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before 2009, when the first Taobao Villages appeared.</exception>
    public static RuleSet ForVillageYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2009);
        return year switch
        {
            < 2014 => Classic,
            < 2020 => AliResearch2014,
            _ => AliResearch,
        };
    }

    /// <summary>
    /// The first year Taobao Towns were counted (2014): the one year policy for townships. <see cref="ForTownshipYear"/>
    /// refuses earlier years, and every caller judging towns by year (the planner's <c>towns</c>, <c>plan</c> and
    /// <c>report</c>) refuses them the same way rather than borrowing later rules.
    /// </summary>
    public const int FirstTownshipYear = 2014;

    /// <summary>
    /// The built-in rule set for a township in a year: <c>aliresearch-town-2014</c> up to 2018,
    /// <c>aliresearch-town-2019</c> in 2019, <c>aliresearch-town</c> from 2020.
    /// </summary>
    /// <param name="year">The data year.</param>
    /// <returns>The rule set in force that year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before <see cref="FirstTownshipYear"/>, when Taobao Towns were first counted.</exception>
    /// <remarks>Thread-safe: the sets are loaded once and immutable.</remarks>
    public static RuleSet ForTownshipYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstTownshipYear);
        return year switch
        {
            < 2019 => AliResearchTown2014,
            2019 => AliResearchTown2019,
            _ => AliResearchTown,
        };
    }

    private static Dictionary<string, RuleSet> LoadAll()
    {
        var assembly = typeof(BuiltInRuleSets).Assembly;
        var sets = new Dictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var id in Ids)
        {
            using var stream = assembly.GetManifestResourceStream($"TaobaoVillage.RuleSets.{id}.json")
                ?? throw new InvalidOperationException($"The built-in rule set '{id}' is missing from the assembly.");
            using var reader = new StreamReader(stream);
            sets[id] = RuleSetJson.Parse(reader.ReadToEnd());
        }

        return sets;
    }
}
