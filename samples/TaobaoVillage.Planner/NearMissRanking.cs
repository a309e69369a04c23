using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Planner;

/// <summary>
/// The N villages nearest to qualifying, kept as rows stream past: not eligible (or undecided) but able to pass by
/// raising figures, ranked by readiness (ties: earlier line first). Memory stays at N whatever the input's size.
/// </summary>
public sealed class NearMissRanking(int size)
{
    private readonly PriorityQueue<(ScoredRow Row, int Score), (decimal Progress, long Order)> _best = new();
    private readonly int _size = Math.Max(1, size);

    /// <summary>Considers one scored row.</summary>
    /// <param name="row">The row.</param>
    public void Add(ScoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Verdict is not { IsEligible: false } verdict || verdict.PathsToPass(1).Count == 0)
        {
            return;
        }

        var progress = Readiness.Progress(verdict);
        _best.Enqueue((row, Readiness.ScoreOf(progress)), (progress, -row.Line));
        if (_best.Count > _size)
        {
            _best.Dequeue();
        }
    }

    /// <summary>The near misses, nearest first. Empties the ranking.</summary>
    /// <returns>The rows with their readiness scores.</returns>
    public List<(ScoredRow Row, int Score)> Take()
    {
        var list = new List<(ScoredRow Row, int Score)>(_best.Count);
        while (_best.TryDequeue(out var item, out _))
        {
            list.Add(item);
        }

        list.Reverse();
        return list;
    }
}
