using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>
/// The ways to pass a verdict's tree, each a set of shortfalls and missing data, cheapest first: an all-of group joins
/// its parts' ways, an any-of group offers each part's. Bounded by a cap at every level, so that a rule set with
/// thousands of alternatives costs milliseconds. Used by <see cref="Verdict.PathsToPass"/>.
/// </summary>
internal static class WaysToPass
{
    /// <summary>
    /// The ways to pass the node at <paramref name="index"/> of <paramref name="verdict"/>, at most <paramref name="cap"/>
    /// at each level, reading shortfalls from <paramref name="details"/> (every node's, as <see cref="Verdict.DetailsInto"/> gives them).
    /// </summary>
    public static List<PathToPass> Paths(Verdict verdict, int index, int cap, ResultDetail[] details)
    {
        // Read straight from the verdict's nodes (outcome, children's indices, kept details): no result objects or
        // child lists, since advice for every row of a national file walks this millions of times.
        var outcome = verdict.OutcomeAt(index);
        return verdict.CriterionAt(index) switch
        {
            CriterionGroup when outcome == Outcome.Pass => [Empty],
            CriterionGroup { Kind: GroupKind.AnyOf } => AnyOfPaths(verdict, index, cap, details),
            CriterionGroup => AllOfPaths(verdict, index, cap, details),
            Condition condition => outcome switch
            {
                Outcome.Pass => [Empty],
                Outcome.Unknown => [new PathToPass([], [condition.Metric])],
                _ when details[index].Shortfall is { } s => [new PathToPass([s], [])],
                _ => [],
            },
            _ => [],
        };
    }

    /// <summary>
    /// Every child's ways, each once (the first time it appears), cheapest first. Seen through a hash set past a few:
    /// with thousands of alternatives a scan of the list for each would be quadratic.
    /// </summary>
    private static List<PathToPass> AnyOfPaths(Verdict verdict, int index, int cap, ResultDetail[] details)
    {
        var any = new List<PathToPass>();
        HashSet<PathToPass>? seen = null;
        foreach (var child in verdict.ChildIndicesOf(index))
        {
            foreach (var path in Paths(verdict, child, cap, details))
            {
                if (FirstTime(any, ref seen, path))
                {
                    any.Add(path);
                }
            }
        }

        return Order(any, cap);
    }

    /// <summary>Every way to pass all children: each child's ways joined to the ways so far, capped at each step.</summary>
    private static List<PathToPass> AllOfPaths(Verdict verdict, int index, int cap, ResultDetail[] details)
    {
        List<PathToPass> product = [Empty];
        foreach (var child in verdict.ChildIndicesOf(index))
        {
            var paths = Paths(verdict, child, cap, details);
            var joined = new List<PathToPass>(product.Count * paths.Count);
            foreach (var a in product)
            {
                foreach (var b in paths)
                {
                    joined.Add(Join(a, b));
                }
            }

            product = Order(joined, cap);
        }

        return Order(product, cap);
    }

    // A handful of ways is compared one by one; past that, through a hash set of all seen so far.
    private const int ScanLimit = 16;

    private static bool FirstTime(List<PathToPass> kept, ref HashSet<PathToPass>? seen, PathToPass path)
    {
        if (seen is null)
        {
            foreach (var k in kept)
            {
                if (PathComparer.Instance.Equals(k, path))
                {
                    return false;
                }
            }

            if (kept.Count < ScanLimit)
            {
                return true;
            }

            seen = new HashSet<PathToPass>(kept, PathComparer.Instance);
        }

        return seen.Add(path);
    }

    private static readonly PathToPass Empty = new([], []);

    private static PathToPass Join(PathToPass a, PathToPass b)
    {
        if (a.Steps.Count == 0 && a.MissingData.Count == 0)
        {
            // Nothing joined to a way is that way (paths already hold each missing metric once).
            return b;
        }

        // Without LINQ: advice for every row of a national file joins paths millions of times.
        var steps = new List<Shortfall>(a.Steps.Count + b.Steps.Count);
        steps.AddRange(a.Steps);
        steps.AddRange(b.Steps);
        var missing = new List<Metric>(a.MissingData.Count + b.MissingData.Count);
        AddOnce(missing, a.MissingData);
        AddOnce(missing, b.MissingData);
        return new PathToPass(steps, missing);

        static void AddOnce(List<Metric> missing, IReadOnlyList<Metric> metrics)
        {
            foreach (var metric in metrics)
            {
                if (!missing.Contains(metric))
                {
                    missing.Add(metric);
                }
            }
        }
    }

    /// <summary>
    /// The <paramref name="cap"/> cheapest paths, in the order documented (fewest missing figures, fewest steps, least
    /// fraction missing; ties in input order), chosen with a bounded heap: linear in the candidates, so a criterion
    /// with thousands of alternatives costs milliseconds, not seconds.
    /// </summary>
    private static List<PathToPass> Order(List<PathToPass> paths, int cap) =>
        paths.Count <= 1 ? paths : paths.Count <= cap ? SortInPlace(paths) : Cheapest(paths, cap);

    /// <summary>
    /// All of them kept: sorted in place by the same keys (unique, by their index), which gives the heap's order; by
    /// insertion, as there are a handful.
    /// </summary>
    private static List<PathToPass> SortInPlace(List<PathToPass> paths)
    {
        Span<(int Missing, int Steps, decimal Fraction, int Index)> keys = paths.Count <= ScanLimit
            ? stackalloc (int, int, decimal, int)[paths.Count]
            : new (int, int, decimal, int)[paths.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var key = CostOf(paths[i], i);
            var path = paths[i];
            var j = i;
            for (; j > 0 && key.CompareTo(keys[j - 1]) < 0; j--)
            {
                keys[j] = keys[j - 1];
                paths[j] = paths[j - 1];
            }

            keys[j] = key;
            paths[j] = path;
        }

        return paths;
    }

    /// <summary>The <paramref name="cap"/> cheapest of more than <paramref name="cap"/> paths, through a bounded heap.</summary>
    private static List<PathToPass> Cheapest(List<PathToPass> paths, int cap)
    {
        var heap = new PriorityQueue<PathToPass, (int Missing, int Steps, decimal Fraction, int Index)>(WorstFirst.Instance);
        var index = 0;
        foreach (var path in paths)
        {
            var key = CostOf(path, index++);
            if (heap.Count < cap)
            {
                heap.Enqueue(path, key);
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(key, worst) > 0)
            {
                heap.DequeueEnqueue(path, key);
            }
        }

        // The heap gives the worst first: reversed, the cheapest first.
        var kept = new List<PathToPass>(heap.Count);
        while (heap.TryDequeue(out var path, out _))
        {
            kept.Add(path);
        }

        kept.Reverse();
        return kept;
    }

    private static (int Missing, int Steps, decimal Fraction, int Index) CostOf(PathToPass path, int index)
    {
        var fraction = 0m;
        foreach (var step in path.Steps)
        {
            fraction += step.Fraction;
        }

        return (path.MissingData.Count, path.Steps.Count, fraction, index);
    }

    /// <summary>Orders costs from the most expensive, so that the heap's top is the one to drop.</summary>
    private sealed class WorstFirst : IComparer<(int Missing, int Steps, decimal Fraction, int Index)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((int Missing, int Steps, decimal Fraction, int Index) x, (int Missing, int Steps, decimal Fraction, int Index) y) =>
            y.CompareTo(x);
    }

    private sealed class PathComparer : IEqualityComparer<PathToPass>
    {
        public static readonly PathComparer Instance = new();

        public bool Equals(PathToPass? x, PathToPass? y) =>
            x is not null && y is not null && x.Steps.SequenceEqual(y.Steps) && x.MissingData.SequenceEqual(y.MissingData);

        public int GetHashCode(PathToPass obj)
        {
            // Every step counts: with only the counts, thousands of one-step paths would share one hash (quadratic).
            var hash = new HashCode();
            foreach (var step in obj.Steps)
            {
                hash.Add(step);
            }

            foreach (var metric in obj.MissingData)
            {
                hash.Add(metric);
            }

            return hash.ToHashCode();
        }
    }
}
