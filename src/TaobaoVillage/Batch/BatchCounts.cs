using TaobaoVillage.Domain;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Batch;

/// <summary>
/// Running counts of a batch: rows read, scored and rejected, and verdicts by kind. Read = Scored + Rejected once a
/// batch has finished.
/// </summary>
/// <remarks>Thread-safe: counts are updated with interlocked operations and may be read while a batch runs.</remarks>
public sealed class BatchCounts
{
    private long _read;
    private long _rejected;
    private long _totalRows;
    private long _eligible;
    private long _notEligible;
    private long _indeterminate;
    private bool _ended;

    /// <summary>Rows read from the input.</summary>
    public long Read => Interlocked.Read(ref _read);

    /// <summary>Rows that got a verdict.</summary>
    public long Scored => Eligible + NotEligible + Indeterminate;

    /// <summary>Rows rejected with their problems.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Of <see cref="Rejected"/>, the total rows (合计, 小计…; <see cref="RecordProblemCodes.TotalRow"/>) set aside as not villages.</summary>
    public long TotalRows => Interlocked.Read(ref _totalRows);

    /// <summary>Eligible verdicts.</summary>
    public long Eligible => Interlocked.Read(ref _eligible);

    /// <summary>Not-eligible verdicts.</summary>
    public long NotEligible => Interlocked.Read(ref _notEligible);

    /// <summary>Indeterminate verdicts.</summary>
    public long Indeterminate => Interlocked.Read(ref _indeterminate);

    /// <summary>Whether every row read is accounted for (scored or rejected).</summary>
    public bool AddsUp => Read == Scored + Rejected + Unscored;

    /// <summary>
    /// Rows read from the source but never scored because the run stopped early (cancelled, or the caller stopped
    /// enumerating): known once the run has ended, zero while it runs and when it ran to the end.
    /// </summary>
    public long Unscored => Volatile.Read(ref _ended) ? Math.Max(0, Read - Scored - Rejected) : 0;

    internal void CountRead() => Interlocked.Increment(ref _read);

    /// <summary>The run ended: what was read and not scored is now <see cref="Unscored"/>.</summary>
    internal void CountTotalRow() => Interlocked.Increment(ref _totalRows);

    internal void End() => Volatile.Write(ref _ended, true);

    internal void Count(Eligibility status)
    {
        switch (status)
        {
            case Eligibility.Eligible: Interlocked.Increment(ref _eligible); break;
            case Eligibility.NotEligible: Interlocked.Increment(ref _notEligible); break;
            case Eligibility.Indeterminate: Interlocked.Increment(ref _indeterminate); break;
            default: Interlocked.Increment(ref _rejected); break;
        }
    }

    /// <summary>Formats the counts as <c>read 10, scored 9 (eligible 3, not eligible 5, indeterminate 1), rejected 1</c>.</summary>
    /// <returns>The formatted counts.</returns>
    public override string ToString() =>
        $"read {Read}, scored {Scored} (eligible {Eligible}, not eligible {NotEligible}, indeterminate {Indeterminate}), rejected {Rejected}"
        + (Unscored > 0 ? $", not scored {Unscored} (the run stopped early)" : string.Empty);
}

/// <summary>Options of a <see cref="BatchScorer"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BatchOptions
{
    /// <summary>
    /// How many threads work at once; 1 (the default) is sequential. Above 1, one thread reads and parses while the
    /// others evaluate and project; at exactly 2, the reading thread evaluates too and the caller's thread projects.
    /// Output is identical either way.
    /// </summary>
    public int DegreeOfParallelism { get; init; } = 1;

    /// <summary>How many rows are evaluated together when parallel; memory holds about two chunks.</summary>
    public int ChunkSize { get; init; } = 512;

    /// <summary>Whether a second row with the same village code and year is rejected (the contract's rule). Default <see langword="true"/>.</summary>
    public bool RejectDuplicates { get; init; } = true;

    /// <summary>Receives the counts every <see cref="ProgressInterval"/> rows and at the end.</summary>
    public IProgress<BatchCounts>? Progress { get; init; }

    /// <summary>How many rows between progress reports.</summary>
    public int ProgressInterval { get; init; } = 10_000;
}
