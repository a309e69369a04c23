using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using Outcome = TaobaoVillage.Engine.Outcome;

namespace TaobaoVillage.Tests;

/// <summary>Kleene laws of the evaluator, on random criteria trees over attribute metrics (1 passes, 0 fails, missing is unknown).</summary>
public partial class RuleEvaluatorTests
{
    private const int Attributes = 4;

    // Per property, not [Properties] on the class: the class is partial and a class attribute would reach the other files.
    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 200)]
    public bool Evaluate_AnyTree_AgreesWithKleeneTruthTables(Tree tree, Assignment assignment) =>
        Run(tree, assignment) == Oracle(tree, assignment.Values);

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 200)]
    public bool Evaluate_FailingPartInAllOf_DecidesWhateverIsUnknown(Tree tree, Assignment assignment) =>
        Run(new Group(true, [tree, new Leaf(Attributes)]), assignment with { Values = [.. assignment.Values, 0] }) == Outcome.Fail;

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 200)]
    public bool Evaluate_PassingPartInAnyOf_DecidesWhateverIsUnknown(Tree tree, Assignment assignment) =>
        Run(new Group(false, [tree, new Leaf(Attributes)]), assignment with { Values = [.. assignment.Values, 1] }) == Outcome.Pass;

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 200)]
    public bool Evaluate_UnknownReplacedByEitherValue_NeverFlipsADecidedVerdict(Tree tree, Assignment assignment, Assignment fill)
    {
        var before = Run(tree, assignment);
        var refined = assignment with { Values = assignment.Values.Select((v, i) => (int?)(v ?? fill.Values[i] ?? 1)).ToImmutableArray() };
        var after = Run(tree, refined);
        return before == Outcome.Unknown ? after != Outcome.Unknown : after == before;
    }

    [Property(Arbitrary = [typeof(TreeArbitraries)], MaxTest = 200)]
    public Property Evaluate_CriteriaOrderInsideGroups_NeverChangesTheVerdict(Tree tree, Assignment assignment) =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
            Run(Shuffle(tree, new Random(seed)), assignment) == Run(tree, assignment));

    private static Outcome Run(Tree tree, Assignment assignment)
    {
        var counter = 0;
        var ruleSet = new RuleSetBuilder("kleene", "1").Titled("Kleene").For(RuleTarget.Village).EffectiveYears(2014)
            .Criteria(Build(tree is Group ? tree : new Group(true, [tree]), ref counter))
            .Build();
        var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < assignment.Values.Length; i++)
        {
            if (assignment.Values[i] is { } v)
            {
                attributes["a" + i] = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var record = new VillageRecord(new VillageCode("1")) { Attributes = attributes.ToImmutable() };
        return ruleSet.Compile().Evaluate(record).Outcome;
    }

    private static Criterion Build(Tree tree, ref int counter)
    {
        var id = "c" + counter++;
        switch (tree)
        {
            case Leaf leaf:
                return new Condition(id, Metric.Attribute("a" + leaf.Attribute), Comparison.AtLeast, 1m, Unit.Number);
            case Group group:
                var children = new List<Criterion>();
                foreach (var child in group.Children)
                {
                    children.Add(Build(child, ref counter));
                }

                return new CriterionGroup(id, group.All ? GroupKind.AllOf : GroupKind.AnyOf, children);
            default:
                throw new InvalidOperationException();
        }
    }

    private static Outcome Oracle(Tree tree, ImmutableArray<int?> values)
    {
        switch (tree)
        {
            case Leaf leaf:
                return values[leaf.Attribute] switch { null => Outcome.Unknown, 1 => Outcome.Pass, _ => Outcome.Fail };
            case Group group:
                var outcomes = group.Children.Select(c => Oracle(c, values)).ToList();
                var decider = group.All ? Outcome.Fail : Outcome.Pass;
                var unanimous = group.All ? Outcome.Pass : Outcome.Fail;
                return outcomes.Contains(decider) ? decider : outcomes.All(o => o == unanimous) ? unanimous : Outcome.Unknown;
            default:
                throw new InvalidOperationException();
        }
    }

    private static Tree Shuffle(Tree tree, Random random) => tree is Group g
        ? new Group(g.All, g.Children.Select(c => Shuffle(c, random)).OrderBy(_ => random.Next()).ToImmutableArray())
        : tree;

    public abstract record Tree;

    public sealed record Leaf(int Attribute) : Tree;

    public sealed record Group(bool All, ImmutableArray<Tree> Children) : Tree
    {
        public override string ToString() => (All ? "allOf(" : "anyOf(") + string.Join(", ", Children) + ")";
    }

    /// <summary>Each attribute: 1 (passes), 0 (fails) or missing (unknown); one spare slot for the added leaf.</summary>
    public sealed record Assignment(ImmutableArray<int?> Values)
    {
        public override string ToString() => "[" + string.Join(", ", Values.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")) + "]";
    }

    public static class TreeArbitraries
    {
        public static Arbitrary<Tree> Trees() => Arb.From(TreeGen(3), ShrinkTree);

        public static Arbitrary<Assignment> Assignments() => Arb.From(
            Gen.ArrayOf(Gen.Elements<int?>(0, 1, null), Attributes).Select(a => new Assignment([.. a])),
            a => a.Values.Select((v, i) => v is null ? null : a with { Values = a.Values.SetItem(i, null) }).OfType<Assignment>());

        private static Gen<Tree> TreeGen(int depth) => depth == 0
            ? Gen.Choose(0, Attributes - 1).Select(i => (Tree)new Leaf(i))
            : Gen.Frequency(
                (1, Gen.Choose(0, Attributes - 1).Select(i => (Tree)new Leaf(i))),
                (2, from all in Gen.Elements(true, false)
                    from n in Gen.Choose(1, 4)
                    from children in Gen.ArrayOf(TreeGen(depth - 1), n)
                    select (Tree)new Group(all, [.. children])));

        private static IEnumerable<Tree> ShrinkTree(Tree tree)
        {
            if (tree is not Group g)
            {
                yield break;
            }

            foreach (var child in g.Children)
            {
                yield return child;
            }

            if (g.Children.Length > 1)
            {
                for (var i = 0; i < g.Children.Length; i++)
                {
                    yield return g with { Children = g.Children.RemoveAt(i) };
                }
            }
        }
    }
}
