using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Planning;

/// <summary>
/// The N villages nearest to qualifying, kept as rows stream past: not eligible (or undecided) but able to pass by
/// raising figures, ranked by readiness (<see cref="Readiness.Progress(Verdict)"/>; ties: earlier line first). Memory stays at N
/// whatever the input's size.
/// </summary>
/// <remarks>Not thread-safe: feed it from one thread (a <see cref="BatchScorer"/> yields its rows in order on one).</remarks>
/// <param name="size">How many to keep; fewer than 1 keeps 1.</param>
public sealed class NearMissRanking(int size)
{
    private readonly PriorityQueue<NearMiss, (decimal Progress, long Order)> _best = new();
    private readonly int _size = Math.Max(1, size);

    /// <summary>Considers one scored row: kept when it is not eligible, can pass by raising figures and ranks among the nearest.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Verdict is not { IsEligible: false } verdict || verdict.PathsToPass(1).Count == 0)
        {
            return;
        }

        var progress = Readiness.Progress(verdict);
        _best.Enqueue(new NearMiss(row, Readiness.ScoreOf(progress)), (progress, -row.Line));
        if (_best.Count > _size)
        {
            _best.Dequeue();
        }
    }

    /// <summary>The near misses, nearest first. Empties the ranking.</summary>
    /// <returns>The rows with their readiness scores.</returns>
    public IReadOnlyList<NearMiss> Take()
    {
        var list = new List<NearMiss>(_best.Count);
        while (_best.TryDequeue(out var item, out _))
        {
            list.Add(item);
        }

        list.Reverse();
        return list;
    }
}
