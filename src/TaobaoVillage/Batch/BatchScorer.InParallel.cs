using System.Globalization;
using System.Runtime.CompilerServices;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Batch;

/// <summary>The parallel run: a reader thread, evaluating threads, chunks back in input order.</summary>
public sealed partial class BatchScorer
{
    /// <summary>
    /// One thread reads (and checks duplicates, in order) while the others evaluate and project the chunk before;
    /// chunks come back in input order, so the output is identical to the sequential run.
    /// </summary>
    private IEnumerable<T> InParallel<T>(IEnumerable<InputRow> rows, Func<ScoredRow, T> project, BatchCounts counts, CancellationToken cancellationToken)
    {
        // Not disposed here: a reader blocked in its source may outlive this method and still touch them.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = new System.Collections.Concurrent.BlockingCollection<Chunk>(boundedCapacity: 2);
        var chunkSize = RuleSets.Min(ChunkSizeFor);
        // The reader thread counts as one of the degree of parallelism; the rest evaluate. On two cores that is one
        // thread reading, parsing and evaluating while the caller's thread projects (formats and writes): evaluating
        // on the reader balances the two threads' work better than evaluating on the caller's.
        var workers = Math.Max(1, _options.DegreeOfParallelism - 1);
        var reader = Task.Run(() => ReadChunks(rows, new KeySet(), counts, queue, chunkSize, workers == 1, stop.Token), CancellationToken.None);
        var results = new T[chunkSize];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        try
        {
            foreach (var chunk in queue.GetConsumingEnumerable(cancellationToken))
            {
                Project(chunk, results, project, counts, parallel);
                for (var i = 0; i < chunk.Count; i++)
                {
                    yield return results[i];
                    results[i] = default!;
                }

                _options.Progress?.Report(counts);
            }

            // Surface a reader's failure (an I/O error, a cancellation) here, on the caller's thread.
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            Release(reader, stop);
            counts.End();
        }

        _options.Progress?.Report(counts);
    }

    /// <summary>Projects a chunk into the results: scored on the reader already, or scored here on one thread or several.</summary>
    private void Project<T>(Chunk chunk, T[] results, Func<ScoredRow, T> project, BatchCounts counts, ParallelOptions parallel)
    {
        var items = chunk.Items;
        if (chunk.Scored is { } scored)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                results[i] = project(scored[i]);
            }
        }
        else if (parallel.MaxDegreeOfParallelism == 1)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                results[i] = project(ScoreOne(items[i].Row, items[i].Problems, counts));
            }
        }
        else
        {
            Parallel.For(0, chunk.Count, parallel, i => results[i] = project(ScoreOne(items[i].Row, items[i].Problems, counts)));
        }
    }

    /// <summary>
    /// Stops the reader. One blocked inside its source cannot be stopped: wait a moment, then leave it to end on its
    /// own (it checks the token before every row), so that cancelling returns at once.
    /// </summary>
    private static void Release(Task reader, CancellationTokenSource stop)
    {
        stop.Cancel();
        try
        {
            reader.Wait(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
        catch (AggregateException)
        {
            // Already reported, or the caller stopped early and no longer cares.
        }

        _ = reader.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// Rows per chunk: the configured size, fewer for rule sets with many criteria, so that the rows and verdicts in
    /// flight stay near 64 Ki criterion results whatever the rule set (a 9,000-criterion set would otherwise hold
    /// gigabytes between the reader and the writer).
    /// </summary>
    private int ChunkSizeFor(RuleSet ruleSet)
    {
        var criteria = Math.Max(1, ruleSet.Criteria.DescendantsAndSelf().Count());
        return Math.Clamp((1 << 16) / criteria, 1, _options.ChunkSize);
    }

    private void ReadChunks(IEnumerable<InputRow> rows, KeySet keys, BatchCounts counts, System.Collections.Concurrent.BlockingCollection<Chunk> queue, int chunkSize, bool score, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new Chunk(chunkSize, score);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var problems = Admit(row, keys, counts);
                if (chunk.Scored is { } scored)
                {
                    scored[chunk.Count++] = ScoreOne(row, problems, counts);
                }
                else
                {
                    chunk.Items[chunk.Count++] = (row, problems);
                }

                if (chunk.Count == chunkSize)
                {
                    queue.Add(chunk, cancellationToken);
                    chunk = new Chunk(chunkSize, score);
                }
            }

            if (chunk.Count > 0)
            {
                queue.Add(chunk, cancellationToken);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    /// <summary>Rows read and admitted, in order: for the evaluating threads (<see cref="Items"/>), or already scored on the reader's (<see cref="Scored"/>).</summary>
    private sealed class Chunk(int size, bool scored)
    {
        public (InputRow Row, IReadOnlyList<RecordProblem> Problems)[] Items { get; } = scored ? [] : new (InputRow, IReadOnlyList<RecordProblem>)[size];

        public ScoredRow[]? Scored { get; } = scored ? new ScoredRow[size] : null;

        public int Count { get; set; }
    }
}
