using FsCheck;
using FsCheck.Fluent;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.NRules.Tests;

/// <summary>
/// Random village rule sets for the differential properties: every comparison, both group kinds nested, money (sales
/// and live-streaming sales), counts, shares with short and with long thresholds (past 18 places, the engine's
/// unlimited path), attributes and categories.
/// </summary>
internal static class RandomRuleSets
{
    private static readonly Comparison[] Comparisons = [Comparison.AtLeast, Comparison.GreaterThan, Comparison.AtMost, Comparison.LessThan, Comparison.EqualTo];

    private static readonly Gen<decimal> LongShare = Gen.Choose(1, 999).Select(x => (x / 1000m) + 0.0000000000000000000001m);

    public static Gen<RuleSet> VillageRuleSet { get; } =
        from kind in Gen.Elements(GroupKind.AllOf, GroupKind.AnyOf)
        from count in Gen.Choose(1, 4)
        from parts in Part.ListOf(count)
        from nested in Gen.Elements(GroupKind.AllOf, GroupKind.AnyOf)
        from innerCount in Gen.Choose(1, 3)
        from inner in Part.ListOf(innerCount)
        select Build(kind, parts, nested, inner);

    /// <summary>One condition: a metric, its comparison and threshold (the id is given when the tree is built).</summary>
    private static Gen<Func<CriteriaBuilder, string, CriteriaBuilder>> Part =>
        Gen.OneOf(
            Numeric(Metric.AnnualSales, Unit.Cny, Gen.Choose(0, 2_000_000_000).Select(x => x / 100m)),
            Numeric(Metric.LivestreamSales, Unit.Cny, Gen.Choose(0, 100_000_000).Select(x => x / 100m)),
            Numeric(Metric.ActiveShops, Unit.Shops, Gen.Choose(0, 300).Select(x => (decimal)x)),
            Numeric(Metric.Households, Unit.Households, Gen.Choose(1, 3000).Select(x => (decimal)x)),
            Numeric(Metric.ActiveShopShare, Unit.Share, Gen.OneOf(Gen.Choose(0, 1000).Select(x => x / 1000m), LongShare)),
            Numeric(Metric.EcommerceHouseholdShare, Unit.Share, Gen.OneOf(Gen.Choose(0, 1000).Select(x => x / 1000m), LongShare)),
            Numeric(Metric.Attribute("broadband"), Unit.Number, Gen.Choose(0, 100_000).Select(x => x / 10_000m)),
            from platforms in Gen.SubListOf(Enum.GetValues<Platform>()).Where(l => l.Count > 0)
            select (Func<CriteriaBuilder, string, CriteriaBuilder>)((b, id) => b.Require(id, Metric.MainPlatform, c => c.IsOneOf([.. platforms]))),
            Gen.Constant((Func<CriteriaBuilder, string, CriteriaBuilder>)((b, id) => b.Require(id, Metric.Committee, c => c.IsOneOf(CommitteeKind.Village)))));

    private static Gen<Func<CriteriaBuilder, string, CriteriaBuilder>> Numeric(Metric metric, Unit unit, Gen<decimal> threshold) =>
        from comparison in Gen.Elements(Comparisons)
        from value in threshold
        select (Func<CriteriaBuilder, string, CriteriaBuilder>)((b, id) => b.Require(id, metric, c => c.Compare(comparison, value, unit)));

    private static RuleSet Build(GroupKind kind, List<Func<CriteriaBuilder, string, CriteriaBuilder>> parts, GroupKind nested, List<Func<CriteriaBuilder, string, CriteriaBuilder>> inner)
    {
        void Fill(CriteriaBuilder root)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                parts[i](root, $"c{i}");
            }

            void Inner(CriteriaBuilder g)
            {
                for (var i = 0; i < inner.Count; i++)
                {
                    inner[i](g, $"n{i}");
                }
            }

            _ = nested == GroupKind.AllOf ? root.AllOf("inner", Inner) : root.AnyOf("inner", Inner);
        }

        var builder = new RuleSetBuilder("random", "1.0").Titled("A random rule set").For(RuleTarget.Village).EffectiveYears(2000, 2030).CitedTo("generated");
        return (kind == GroupKind.AllOf ? builder.AllOf("root", Fill) : builder.AnyOf("root", Fill)).Build();
    }
}
