using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// Groups village results into townships by year and decides each township with a township rule set. Township
/// figures are the sums of its villages' records (sales, shops, households); a list gives counts only.
/// </summary>
/// <remarks>
/// Three-valued throughout: a township with 2 Taobao Villages and 1 undecided village is indeterminate under "3 or
/// more", not "no". A missing figure in any village makes the township's sum unknown, unless the known part already
/// passes. This reasoning relies on township criteria being "at least"/"exceeds" comparisons (true of every built-in
/// one): a figure can only help. Static members are thread-safe.
/// </remarks>
public static class TownAggregator
{
    /// <summary>Decides every township of the input, with the rule set each year names.</summary>
    /// <param name="villages">Village results of one or more years.</param>
    /// <param name="rules">The township rule set for each year, such as <see cref="TaobaoVillage.RuleSets.BuiltInRuleSets.ForTownshipYear"/>.</param>
    /// <returns>The township verdicts, ordered by year, then province, city, county and township.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A rule set given is not a township rule set.</exception>
    public static IReadOnlyList<TownVerdict> Towns(IEnumerable<VillageResult> villages, Func<int, RuleSet> rules)
    {
        ArgumentNullException.ThrowIfNull(villages);
        var aggregator = new RegionAggregator();
        aggregator.AddRange(villages);
        return aggregator.Towns(rules);
    }

    /// <summary>Decides a township from figures given directly (a township records file) rather than summed from villages.</summary>
    /// <param name="township">The township's figures.</param>
    /// <param name="rules">The township rule set.</param>
    /// <returns>The township verdict; it lists no villages.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The rule set is not a township rule set.</exception>
    public static TownVerdict Decide(TownshipFigures township, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(township);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Target != RuleTarget.Township)
        {
            throw new ArgumentException($"The rule set {rules} decides about villages; towns need a township rule set.", nameof(rules));
        }

        var region = new Region(township.Province ?? string.Empty, township.City ?? string.Empty, township.County ?? string.Empty, township.Name ?? township.Code)
        {
            TownshipCode = township.Code.Length == 9 && township.Code.All(char.IsAsciiDigit) ? township.Code : null,
        };
        return new TownVerdict(region, township.Year ?? 0, township, rules.Compile().Evaluate(township), [], [], 0);
    }

    /// <summary>Decides every township of the input with one rule set.</summary>
    /// <param name="villages">Village results.</param>
    /// <param name="rules">The township rule set.</param>
    /// <returns>The township verdicts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The rule set is not a township rule set.</exception>
    public static IReadOnlyList<TownVerdict> Towns(IEnumerable<VillageResult> villages, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Towns(villages, _ => rules);
    }
}

