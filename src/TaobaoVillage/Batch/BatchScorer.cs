using System.Globalization;
using System.Runtime.CompilerServices;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;
using TaobaoVillage.Rules;
using TaobaoVillage.RuleSets;

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
public sealed partial class BatchScorer
{
    private readonly RuleEvaluator _evaluator;
    private readonly BatchOptions _options;

    // By year: the sets in force, oldest first, each with the first year it covers; null for one rule set.
    private readonly (int From, RuleEvaluator Evaluator)[]? _byYear;

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

    private BatchScorer(BatchOptions? options, (int From, RuleEvaluator Evaluator)[] byYear)
        : this(byYear[^1].Evaluator.RuleSet, options) => _byYear = byYear;

    /// <summary>
    /// The rule set used: for a scorer <see cref="ForYears"/>, the newest one, which also judges records without a year.
    /// </summary>
    public RuleSet RuleSet => _evaluator.RuleSet;

    /// <summary>Every rule set this scorer may use, oldest first.</summary>
    public IReadOnlyList<RuleSet> RuleSets => _byYear is null ? [RuleSet] : _byYear.Select(y => y.Evaluator.RuleSet).ToList();

    /// <summary>
    /// A scorer that judges each record by the built-in village rule set in force in its year
    /// (<see cref="BuiltInRuleSets.ForVillageYear"/>: <c>classic</c> 2009–2013, <c>aliresearch-2014</c>
    /// 2014–2019, <c>aliresearch</c> from 2020 and for records without a year). Each verdict names the set it used. A
    /// record of a year before 2009, which no set covers (the first Taobao Villages were counted then), is a rejected
    /// row with an <see cref="RecordProblemCodes.OutOfRange"/> problem on its year, never judged by the nearest set.
    /// </summary>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>The scorer.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static BatchScorer ForYears(BatchOptions? options = null) => new(options,
    [
        (FirstYear, BuiltInRuleSets.Classic.Compile()),
        (2014, BuiltInRuleSets.AliResearch2014.Compile()),
        (2020, BuiltInRuleSets.AliResearch.Compile()),
    ]);

    /// <summary>This scorer (its options and years) with the thresholds changed in each of its rule sets (<see cref="RuleSet.WithThresholds"/>): a what-if under <see cref="ForYears"/> changes every year's set alike.</summary>
    /// <param name="thresholds">The new threshold per metric; metrics a rule set does not use change nothing in it.</param>
    /// <param name="versionSuffix">Appended to each version, such as <c>-whatif</c>.</param>
    /// <returns>The changed scorer.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleSetException">A threshold is invalid for its metric.</exception>
    public BatchScorer WithThresholds(IReadOnlyDictionary<Metric, decimal> thresholds, string versionSuffix)
    {
        ArgumentNullException.ThrowIfNull(versionSuffix);
        RuleSet Change(RuleSet r) => r.WithThresholds(thresholds, r.Version + versionSuffix);
        return _byYear is null ? new BatchScorer(Change(RuleSet), _options) : new BatchScorer(_options, [.. _byYear.Select(y => (y.From, Change(y.Evaluator.RuleSet).Compile()))]);
    }

    /// <summary>The first year a scorer <see cref="ForYears"/> judges: 2009, when the first Taobao Villages were counted.</summary>
    public const int FirstYear = 2009;

    /// <summary>The rule set a record of this year is judged by (for a year before <see cref="FirstYear"/> under <see cref="ForYears"/>, which rejects such records, the oldest).</summary>
    /// <param name="year">The record's year, or null.</param>
    /// <returns>The rule set.</returns>
    public RuleSet RuleSetFor(int? year) => EvaluatorFor(year).RuleSet;

    private RuleEvaluator EvaluatorFor(int? year)
    {
        if (_byYear is null || year is null)
        {
            return _evaluator;
        }

        for (var i = _byYear.Length - 1; i > 0; i--)
        {
            if (year >= _byYear[i].From)
            {
                return _byYear[i].Evaluator;
            }
        }

        return _byYear[0].Evaluator;
    }

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
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return ScoreOne(row, Admit(row, keys, counts), counts);
            }
        }
        finally
        {
            counts.End();
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
        return ScoreOne(row, row.Parsed.Record is { } valid && YearProblem(valid) is { } year ? [year] : row.Parsed.Problems, null);
    }

    private IEnumerable<T> Run<T>(IEnumerable<InputRow> rows, Func<ScoredRow, T> project, BatchCounts counts, CancellationToken cancellationToken) =>
        _options.DegreeOfParallelism == 1 ? Sequential(rows, project, counts, cancellationToken) : InParallel(rows, project, counts, cancellationToken);

    private IEnumerable<T> Sequential<T>(IEnumerable<InputRow> rows, Func<ScoredRow, T> project, BatchCounts counts, CancellationToken cancellationToken)
    {
        var keys = new KeySet();
        var progress = _options.Progress;
        try
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var problems = Admit(row, keys, counts);
                yield return project(ScoreOne(row, problems, counts));
                if (progress is not null && counts.Read % _options.ProgressInterval == 0)
                {
                    progress.Report(counts);
                }
            }
        }
        finally
        {
            counts.End();
        }

        progress?.Report(counts);
    }

    private IReadOnlyList<RecordProblem> Admit(InputRow row, KeySet keys, BatchCounts counts)
    {
        var parsed = row.Parsed;
        if (parsed.Record is null && parsed.Problems.Count == 0)
        {
            // default(InputRow): nothing a reader or InputRow.FromRecord made. Named for the public parameter.
#pragma warning disable CA2208
            throw new ArgumentException("An InputRow comes from a reader or InputRow.FromRecord; default(InputRow) holds no record.", "rows");
#pragma warning restore CA2208
        }

        counts.CountRead();
        if (parsed.Record is not { } record)
        {
            return parsed.Problems;
        }

        if (YearProblem(record) is { } early)
        {
            return [early];
        }

        if (_options.RejectDuplicates && !keys.Add(record.Code.Value, record.Year))
        {
            return [record.Year is { } year
                ? RecordProblem.Create(FieldNames.VillageCode, record.Code.Value, RecordProblemCodes.DuplicateVillage, null, ("year", year.ToString(CultureInfo.InvariantCulture)))
                : RecordProblem.Create(FieldNames.VillageCode, record.Code.Value, RecordProblemCodes.DuplicateVillage, "no-year")];
        }

        return [];
    }

    /// <summary>For a scorer by years, a record of a year before the first set's: no set covers it, so it is not judged.</summary>
    private RecordProblem? YearProblem(VillageRecord record) => _byYear is not null && record.Year < _byYear[0].From
        ? RecordProblem.Create(FieldNames.Year, record.Year.Value.ToString(CultureInfo.InvariantCulture), RecordProblemCodes.OutOfRange, "year",
            ("rule-set", _byYear[0].Evaluator.RuleSet.ToString()), ("from", _byYear[0].From.ToString(CultureInfo.InvariantCulture)))
        : null;

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
            // Every record in an InputRow was checked when it was read (or by InputRow.FromRecord): no second check.
            var record = row.Parsed.Record;
            scored = new ScoredRow(row.Line, row.Source, record.Code.Value, record.Year, record, EvaluatorFor(record.Year).EvaluateValid(record), []);
        }

        counts?.Count(scored.Status);
        if (counts is not null && scored.Problems is [{ Code: RecordProblemCodes.TotalRow }, ..])
        {
            counts.CountTotalRow();
        }

        return scored;
    }
}
