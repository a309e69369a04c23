namespace TaobaoVillage.Planning;

/// <summary>
/// Picks one option per township, the most value within a capacity, ties by less effort. Each township's first
/// option is the empty one. Small instances are solved exactly by a dynamic programme over the cost; an instance whose
/// programme would exceed <see cref="MaxCells"/> entries or <see cref="MaxSteps"/> steps is solved greedily over each
/// township's convex hull (Sinha and Zoltners), with the linear relaxation as an upper bound on the best value.
/// </summary>
internal static class MultipleChoiceKnapsack
{
    /// <summary>The most entries (townships × reachable costs) the exact programme may hold: about 100 MB.</summary>
    internal const long MaxCells = 20_000_000;

    /// <summary>The most steps (entries × options) the exact programme may take: a few seconds.</summary>
    internal const long MaxSteps = 200_000_000;

    /// <summary>Solves the instance, exactly when it is small enough.</summary>
    /// <param name="groups">The options of each township, the empty one first.</param>
    /// <param name="capacity">The budget in cost units.</param>
    /// <returns>The choice per township, its value and an upper bound on the best value.</returns>
    public static KnapsackSolution Solve<T>(IReadOnlyList<IReadOnlyList<PlanOption<T>>> groups, int capacity) =>
        Fits(groups, capacity) ? Exact(groups, capacity) : Greedy(groups, capacity);

    /// <summary>Whether the exact programme stays within its bounds: its reach simulated, nothing allocated.</summary>
    internal static bool Fits<T>(IReadOnlyList<IReadOnlyList<PlanOption<T>>> groups, int capacity) =>
        Fits(groups.Where(Matters).Select(list => (list.Count, list.Max(o => o.Cost))), capacity);

    /// <summary>
    /// Whether the exact programme stays within its bounds, from each township's shape alone (in order, only those
    /// whose options matter): how many options it has and its dearest option's cost.
    /// </summary>
    internal static bool Fits(IEnumerable<(int Options, int MaxCost)> shapes, int capacity)
    {
        long reach = 0, cells = 0, steps = 0;
        foreach (var (options, maxCost) in shapes)
        {
            steps += (reach + 1) * options;
            reach = Math.Min(capacity, reach + maxCost);
            cells += reach + 1;
            if (cells > MaxCells || steps > MaxSteps)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The exact programme. Memory and time follow the candidates, not the budget: a township with only its empty
    /// option changes nothing and is skipped, and each step keeps only the costs reachable so far (the townships'
    /// dearest options summed, at most the capacity).
    /// </summary>
    internal static KnapsackSolution Exact<T>(IReadOnlyList<IReadOnlyList<PlanOption<T>>> groups, int capacity)
    {
        // best: the best (value, effort) of the townships so far at each total cost; taken[t][c] the option chosen at
        // cost c (the cost before it is c minus its cost), to walk back; null for a township skipped.
        var reach = 0;
        var best = Layer.Start();
        var taken = new int[]?[groups.Count];
        for (var t = 0; t < groups.Count; t++)
        {
            if (Matters(groups[t]))
            {
                var nextReach = (int)Math.Min(capacity, (long)reach + groups[t].Max(o => o.Cost));
                (best, reach) = (Step(groups[t], best, reach, taken[t] = new int[nextReach + 1]), nextReach);
            }
        }

        var end = best.BestEnd();
        var choices = new int[groups.Count];
        for (var t = groups.Count - 1; t >= 0; t--)
        {
            if (taken[t] is { } step)
            {
                choices[t] = step[end];
                end -= groups[t][choices[t]].Cost;
            }
        }

        var value = best.Values.Max();
        return new KnapsackSolution(value, choices, value, IsExact: true);
    }

    /// <summary>
    /// One township more: the best at each cost up to the step's length, the option taken recorded in it. The
    /// options' figures are read once into arrays, and an effort is summed only where the value does not decide.
    /// </summary>
    private static Layer Step<T>(IReadOnlyList<PlanOption<T>> list, Layer best, int reach, int[] step)
    {
        var (costs, values, efforts) = (list.Select(o => o.Cost).ToArray(), list.Select(o => o.Value).ToArray(), list.Select(o => o.Effort).ToArray());
        var next = Layer.Empty(step.Length);
        for (var c = 0; c <= reach; c++)
        {
            if (best.Values[c] >= 0)
            {
                for (var o = 0; o < costs.Length; o++)
                {
                    next.Offer(c + costs[o], best.Values[c] + values[o], best.Efforts[c], efforts[o], step, o);
                }
            }
        }

        return next;
    }

    /// <summary>
    /// The greedy solution: every township's hull increments taken in order of value per cost while they fit (a
    /// township whose next increment does not fit takes no later one), then the budget left spent on the single best
    /// upgrade of each township in turn. The upper bound is the linear relaxation, rounded down.
    /// </summary>
    internal static KnapsackSolution Greedy<T>(IReadOnlyList<IReadOnlyList<PlanOption<T>>> groups, int capacity)
    {
        var hulls = groups.Select(Hull).ToArray();
        var increments = hulls.SelectMany((h, g) => Enumerable.Range(1, h.Length - 1).Select(j => Increment.Between(g, j, groups[g][h[j - 1]], groups[g][h[j]])))
            .ToList();
        increments.Sort(Increment.ByEfficiency);

        var choices = hulls.Select(h => h[0]).ToArray();
        var blocked = new bool[groups.Count];
        long remaining = capacity;
        decimal? bound = null;
        foreach (var step in increments.Where(i => !blocked[i.Group]))
        {
            if (step.Cost <= remaining)
            {
                choices[step.Group] = hulls[step.Group][step.Index];
                remaining -= step.Cost;
                continue;
            }

            bound ??= Total(groups, choices) + (decimal)step.Value * remaining / step.Cost;
            blocked[step.Group] = true;
        }

        Fill(groups, choices, remaining);
        var value = Total(groups, choices);
        return new KnapsackSolution(value, choices, bound is { } b ? Math.Max(value, (int)decimal.Floor(b)) : value, IsExact: false);
    }

    /// <summary>Spends what is left on each township in turn: the upgrade gaining most that fits, ties by less effort.</summary>
    private static void Fill<T>(IReadOnlyList<IReadOnlyList<PlanOption<T>>> groups, int[] choices, long remaining)
    {
        for (var g = 0; g < groups.Count && remaining > 0; g++)
        {
            var here = groups[g][choices[g]];
            var pick = choices[g];
            for (var o = 0; o < groups[g].Count; o++)
            {
                var there = groups[g][o];
                var best = groups[g][pick];
                if (there.Cost - here.Cost <= remaining && new Score(there.Value, there.Effort).Beats(new Score(best.Value, best.Effort)))
                {
                    pick = o;
                }
            }

            remaining -= groups[g][pick].Cost - here.Cost;
            choices[g] = pick;
        }
    }

    private static int Total<T>(IReadOnlyList<IReadOnlyList<PlanOption<T>>> groups, int[] choices) =>
        choices.Select((o, g) => groups[g][o].Value).Sum();

    /// <summary>
    /// The upper convex hull of a township's (cost, value) points from its cheapest best option: indices of options
    /// whose value rises with cost at a falling rate. Options below or on the hull are reached only by the fill.
    /// </summary>
    private static int[] Hull<T>(IReadOnlyList<PlanOption<T>> options)
    {
        var order = Enumerable.Range(0, options.Count)
            .OrderBy(o => options[o].Cost).ThenByDescending(o => options[o].Value).ThenBy(o => options[o].Effort).ThenBy(o => o)
            .ToList();
        var hull = new List<int> { order[0] };
        foreach (var o in order.Skip(1).Where(o => options[o].Value > options[hull[^1]].Value))
        {
            while (hull.Count >= 2 && !Concave(options[hull[^2]], options[hull[^1]], options[o]))
            {
                hull.RemoveAt(hull.Count - 1);
            }

            hull.Add(o);
        }

        return [.. hull];
    }

    /// <summary>Whether b lies strictly above the line from a to c: the rate falls from a→b to b→c.</summary>
    private static bool Concave<T>(PlanOption<T> a, PlanOption<T> b, PlanOption<T> c) =>
        (long)(b.Value - a.Value) * (c.Cost - b.Cost) > (long)(c.Value - b.Value) * (b.Cost - a.Cost);

    private static bool Matters<T>(IReadOnlyList<PlanOption<T>> list) => list.Count > 1 || (list.Count == 1 && !list[0].IsEmpty);

    /// <summary>A partial plan's worth: more value, then less effort.</summary>
    private readonly record struct Score(int Value, decimal Effort)
    {
        public bool Beats(Score other) => Value > other.Value || (Value == other.Value && Effort < other.Effort);
    }

    /// <summary>
    /// The exact programme's row: the best value and effort at each total cost, a value of −1 where no choice costs
    /// exactly that. Two arrays, not nullable pairs: the programme's inner loop reads and writes them millions of times.
    /// </summary>
    private readonly record struct Layer(int[] Values, decimal[] Efforts)
    {
        public static Layer Start() => new([0], [0m]);

        public static Layer Empty(int length)
        {
            var values = new int[length];
            Array.Fill(values, -1);
            return new Layer(values, new decimal[length]);
        }

        /// <summary>Takes option o at this cost when it beats what is there (more value, then less effort), as <see cref="Score.Beats"/> decides.</summary>
        public void Offer(int cost, int value, decimal before, decimal effort, int[] step, int o)
        {
            if (cost >= Values.Length || value < Values[cost])
            {
                return;
            }

            var total = before + effort;
            if (value > Values[cost] || total < Efforts[cost])
            {
                (Values[cost], Efforts[cost], step[cost]) = (value, total, o);
            }
        }

        /// <summary>The cost of the best entry (more value, then less effort; the first of equals), or −1 when none is reached.</summary>
        public int BestEnd()
        {
            var end = -1;
            for (var c = 0; c < Values.Length; c++)
            {
                if (Values[c] >= 0 && (end < 0 || new Score(Values[c], Efforts[c]).Beats(new Score(Values[end], Efforts[end]))))
                {
                    end = c;
                }
            }

            return end;
        }
    }

    /// <summary>One step along a township's hull: from point Index − 1 to point Index.</summary>
    private sealed record Increment(int Group, int Index, int Cost, int Value, decimal Effort)
    {
        public static Increment Between<T>(int group, int index, PlanOption<T> from, PlanOption<T> to) =>
            new(group, index, to.Cost - from.Cost, to.Value - from.Value, to.Effort - from.Effort);

        /// <summary>Most value per cost first (cross-multiplied), then less effort, then the township's order.</summary>
        public static int ByEfficiency(Increment a, Increment b)
        {
            var rate = ((long)b.Value * a.Cost).CompareTo((long)a.Value * b.Cost);
            return rate != 0 ? rate : a.Effort != b.Effort ? a.Effort.CompareTo(b.Effort) : a.Group != b.Group ? a.Group.CompareTo(b.Group) : a.Index.CompareTo(b.Index);
        }
    }
}
