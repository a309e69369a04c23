using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Planning;

namespace TaobaoVillage.Tests.PlanningTests;

public class MultipleChoiceKnapsackTests
{
    /// <summary>A township's options as prefixes, the empty one first: costs and values never fall.</summary>
    private static readonly Gen<PlanOption<int>[]> Township =
        from costs in Gen.Choose(1, 9).ArrayOf().Select(a => a.Take(5).ToArray())
        from town in Gen.Choose(0, 6)
        select Enumerable.Range(0, costs.Length + 1)
            .Select(m => new PlanOption<int>(Enumerable.Range(0, m).ToArray(), costs.Take(m).Sum(), costs.Take(m).Sum() / 10m, m > 0 && m >= town ? 1 : 0))
            .ToArray();

    private static readonly Gen<PlanOption<int>[][]> Instance = Township.ArrayOf().Select(a => a.Take(7).ToArray());

    private static int BruteForce(PlanOption<int>[][] groups, int capacity, int g = 0, int cost = 0) => g == groups.Length ? 0
        : groups[g].Where(o => cost + o.Cost <= capacity).Max(o => o.Value + BruteForce(groups, capacity, g + 1, cost + o.Cost));

    [Property(MaxTest = 300)]
    public Property Greedy_RandomInstance_FitsAndIsBracketedByTheBest() => Prop.ForAll(Arb.From(Instance), Arb.From(Gen.Choose(0, 40)), (groups, capacity) =>
    {
        var greedy = MultipleChoiceKnapsack.Greedy(groups, capacity);
        var best = BruteForce(groups, capacity);
        var spent = greedy.Choices.Select((o, g) => groups[g][o].Cost).Sum();
        return (spent <= capacity && greedy.Value == greedy.Choices.Select((o, g) => groups[g][o].Value).Sum() && greedy.Value <= best && best <= greedy.UpperBound)
            .Label($"capacity {capacity}: greedy {greedy.Value} (spent {spent}, bound {greedy.UpperBound}), best {best}");
    });

    [Property(MaxTest = 300)]
    public Property Exact_RandomInstance_EqualsBruteForce() => Prop.ForAll(Arb.From(Instance), Arb.From(Gen.Choose(0, 40)), (groups, capacity) =>
    {
        var exact = MultipleChoiceKnapsack.Exact(groups, capacity);
        return (exact.IsExact && exact.Value == BruteForce(groups, capacity) && exact.Choices.Select((o, g) => groups[g][o].Cost).Sum() <= capacity)
            .Label($"exact {exact.Value}, best {BruteForce(groups, capacity)}");
    });

    /// <summary>The best (value, then least effort) any choice within the capacity reaches.</summary>
    private static (int Value, decimal Effort) BestScore(PlanOption<int>[][] groups, int capacity, int g = 0, int cost = 0) => g == groups.Length ? (0, 0m)
        : groups[g].Where(o => cost + o.Cost <= capacity)
            .Select(o => BestScore(groups, capacity, g + 1, cost + o.Cost) is var (value, effort) ? (Value: o.Value + value, Effort: o.Effort + effort) : default)
            .MaxBy(s => (s.Value, -s.Effort));

    [Property(MaxTest = 300)]
    public Property Exact_RandomInstance_LeastEffortOfTheBest() => Prop.ForAll(Arb.From(Instance), Arb.From(Gen.Choose(0, 40)), (groups, capacity) =>
    {
        var exact = MultipleChoiceKnapsack.Exact(groups, capacity);
        var chosen = (exact.Choices.Select((o, g) => groups[g][o].Value).Sum(), exact.Choices.Select((o, g) => groups[g][o].Effort).Sum());
        return (chosen == BestScore(groups, capacity)).Label($"exact {chosen}, best {BestScore(groups, capacity)}");
    });

    [Fact]
    public void Greedy_TownsOfUnitCost_CheapestTownsFirstThenFills()
    {
        // Village budget 5: towns needing 2 and 3 villages (worth 3 and 4) beat five single villages (worth 5 + 0).
        PlanOption<int>[] Prefixes(int n, int town) => [.. Enumerable.Range(0, n + 1).Select(m => new PlanOption<int>(new int[m], m, m, m >= town ? 1 : 0))];
        PlanOption<int>[][] groups = [Prefixes(4, 9), Prefixes(2, 2), Prefixes(3, 3), Prefixes(4, 4)];

        var greedy = MultipleChoiceKnapsack.Greedy(groups, 5);

        Assert.Equal([0, 2, 3, 0], greedy.Choices);
        Assert.Equal(7, greedy.Value);
        Assert.Equal(BruteForce(groups, 5), greedy.Value);
        Assert.False(greedy.IsExact);
    }

    [Fact]
    public void Solve_TownshipsTimesBudgetPastTheBound_GreedyWithoutTheTable()
    {
        // 50,000 townships of four candidates and a budget of 100,000: the programme would hold billions of entries.
        var groups = Enumerable.Range(0, 50_000)
            .Select(t => Enumerable.Range(0, 5).Select(m => new PlanOption<int>(new int[m], m, m * (1 + (t % 7)), m >= 3 ? 1 : 0)).ToArray())
            .ToArray();

        Assert.False(MultipleChoiceKnapsack.Fits(groups, 100_000));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var solution = MultipleChoiceKnapsack.Solve(groups, 100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 100_000_000, $"{allocated:N0} bytes allocated");
        Assert.Equal(100_000, solution.Choices.Select((o, g) => groups[g][o].Cost).Sum());
        Assert.Equal(100_000 + 33_333, solution.Value);
        Assert.Equal(solution.Value, solution.UpperBound);
    }

    [Fact]
    public void Fits_SmallInstance_TheExactProgramme()
    {
        PlanOption<int>[][] groups = [[new([], 0, 0m, 0), new([1], 3, 0.3m, 0)], [new([], 0, 0m, 0)]];

        Assert.True(MultipleChoiceKnapsack.Fits(groups, 1_000_000));
        Assert.True(MultipleChoiceKnapsack.Solve(groups, 1_000_000).IsExact);
    }
}
