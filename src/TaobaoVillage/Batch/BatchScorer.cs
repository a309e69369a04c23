using System.Globalization;
using System.Runtime.CompilerServices;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Batch;

/// <summary>
/// Scores a stream of village rows with one rule set: rows in, one <see cref="ScoredRow"/> out per row, in input
/// order. Nothing is lost: a row that cannot be evaluated comes out rejected with its problems, and
/// <see cref="BatchCounts"/> adds up. Memory stays flat: rows stream through in chunks.
/// </summary>
/// <remarks>
/// An instance is immutable and thread-safe; each call to <see cref="Score(IEnumerable{InputRow}, BatchCounts?, CancellationToken)"/>
/// is an independent run. With <see cref="BatchOptions.DegreeOfParallelism"/> above 1 rows are evaluated in parallel
/// and the output is identical. Duplicate detection (same village code and year) keeps one key per row seen, about
/// 8 bytes for a 12-digit code.
/// </remarks>
public sealed class BatchScorer
{
    private readonly RuleEvaluator _evaluator;
    private readonly BatchOptions _options;

    /// <summary>Creates a scorer.</summary>
    /// <param name="ruleSet">A village rule set.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    /// <exception cref="ArgumentException">The rule set is for townships, or an option is out of range.</exception>
    public BatchScorer(RuleSet ruleSet, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (ruleSet.Target != RuleTarget.Village)
        {
            throw new ArgumentException($"The rule set {ruleSet} decides about townships; a batch scores villages.", nameof(ruleSet));
        }

        _options = options ?? new BatchOptions();
        if (_options.DegreeOfParallelism < 1 || _options.ChunkSize < 1 || _options.ProgressInterval < 1)
        {
            throw new ArgumentException("DegreeOfParallelism, ChunkSize and ProgressInterval must be at least 1.", nameof(options));
        }

        _evaluator = ruleSet.Compile();
    }

    /// <summary>The rule set used.</summary>
    public RuleSet RuleSet => _evaluator.RuleSet;

    /// <summary>Scores rows lazily, in input order.</summary>
    /// <param name="rows">The rows, as a reader produces them.</param>
    /// <param name="counts">Receives the running counts, when given.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <returns>One scored row per input row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public IEnumerable<ScoredRow> Score(IEnumerable<InputRow> rows, BatchCounts? counts = null, CancellationToken cancellationToken = default) =>
        ScoreSelect(rows, static row => row, counts, cancellationToken);

    /// <summary>
    /// Scores rows lazily and projects each scored row (for example, formats it as an output line); with parallelism
    /// the projection runs in parallel too. Results come in input order.
    /// </summary>
    /// <typeparam name="T">The projection's result.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="project">A thread-safe function of a scored row.</param>
    /// <param name="counts">Receives the running counts, when given.</param>
    /// <param name="cancellationToken">Stops the run between chunks.</param>
    /// <returns>One result per input row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or <paramref name="project"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public IEnumerable<T> ScoreSelect<T>(IEnumerable<InputRow> rows, Func<ScoredRow, T> project, BatchCounts? counts = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(project);
        return Run(rows, project, counts ?? new BatchCounts(), cancellationToken);
    }

    /// <summary>Scores an asynchronous stream of rows, in input order.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="counts">Receives the running counts, when given.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One scored row per input row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async IAsyncEnumerable<ScoredRow> ScoreAsync(IAsyncEnumerable<InputRow> rows, BatchCounts? counts = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        counts ??= new BatchCounts();
        var keys = new KeySet();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return ScoreOne(row, Admit(row, keys, counts), counts);
        }

        _options.Progress?.Report(counts);
    }

    /// <summary>Scores one record on its own, checking it first. Does not look for duplicates.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The scored row: a verdict, or the record's problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public ScoredRow ScoreOne(VillageRecord record)
    {
        var row = InputRow.FromRecord(record);
        return ScoreOne(row, row.Parsed.Problems, null);
    }

    private IEnumerable<T> Run<T>(IEnumerable<InputRow> rows, Func<ScoredRow, T> project, BatchCounts counts, CancellationToken cancellationToken)
    {
        var keys = new KeySet();
        var progress = _options.Progress;
        var interval = _options.ProgressInterval;
        if (_options.DegreeOfParallelism == 1)
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var problems = Admit(row, keys, counts);
                yield return project(ScoreOne(row, problems, counts));
                if (progress is not null && counts.Read % interval == 0)
                {
                    progress.Report(counts);
                }
            }

            progress?.Report(counts);
            yield break;
        }

        var chunk = new (InputRow Row, IReadOnlyList<RecordProblem> Problems)[_options.ChunkSize];
        var results = new T[_options.ChunkSize];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.DegreeOfParallelism, CancellationToken = cancellationToken };
        using var e = rows.GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Reading and duplicate detection stay sequential so that "the second one" is always the same row.
            var n = 0;
            while (n < chunk.Length && e.MoveNext())
            {
                chunk[n] = (e.Current, Admit(e.Current, keys, counts));
                n++;
            }

            if (n == 0)
            {
                break;
            }

            Parallel.For(0, n, parallel, i => results[i] = project(ScoreOne(chunk[i].Row, chunk[i].Problems, counts)));
            for (var i = 0; i < n; i++)
            {
                yield return results[i];
                results[i] = default!;
                chunk[i] = default;
            }

            progress?.Report(counts);
        }

        progress?.Report(counts);
    }

    private IReadOnlyList<RecordProblem> Admit(InputRow row, KeySet keys, BatchCounts counts)
    {
        counts.CountRead();
        var parsed = row.Parsed;
        if (parsed.Record is not { } record)
        {
            return parsed.Problems;
        }

        if (_options.RejectDuplicates && !keys.Add(record.Code.Value, record.Year))
        {
            var year = record.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "no year";
            return [new RecordProblem(FieldNames.VillageCode, record.Code.Value, RecordProblemCodes.DuplicateVillage,
                $"The village code appears earlier in the input for the same year ({year}); only the first is scored.")];
        }

        return [];
    }

    private ScoredRow ScoreOne(InputRow row, IReadOnlyList<RecordProblem> problems, BatchCounts? counts)
    {
        ScoredRow scored;
        if (problems.Count > 0 || row.Parsed.Record is null)
        {
            var located = problems.Select(p => p with { Line = p.Line ?? row.Line, Source = p.Source ?? row.Source }).ToList();
            scored = new ScoredRow(row.Line, row.Source, row.Parsed.Key, row.Parsed.Year, null, null, located);
        }
        else
        {
            var record = row.Parsed.Record;
            scored = new ScoredRow(row.Line, row.Source, record.Code.Value, record.Year, record, _evaluator.Evaluate(record), []);
        }

        counts?.Count(scored.Status);
        return scored;
    }
}
