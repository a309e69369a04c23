using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Batch;

/// <summary>
/// One row as a reader produced it: where it came from (source and line) and the record it became, or the problems
/// that stop it being one.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Line">The 1-based line where the row starts (0 when not from a file).</param>
/// <param name="Source">The file's name or path, when from a file.</param>
/// <param name="Parsed">The record or its problems.</param>
public readonly record struct InputRow(long Line, string? Source, RecordParseResult Parsed)
{
    /// <summary>The record, when the row became one (the same member every reader's row has: see <see cref="RowResult{T}"/>).</summary>
    public VillageRecord? Value => Parsed.Record;

    /// <summary>Why the row is not a record; empty when it is.</summary>
    public IReadOnlyList<RecordProblem> Problems => Parsed.Problems ?? [];

    /// <summary>Whether the row became a record.</summary>
    public bool IsValid => Parsed.Record is not null;

    /// <summary>Wraps a record made in code, checking it with <see cref="VillageRecordValidator"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="line">A position to report, such as its index.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static InputRow FromRecord(VillageRecord record, long line = 0)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = VillageRecordValidator.Validate(record);
        return new InputRow(line, null, problems.Count == 0
            ? new RecordParseResult(record, [])
            : new RecordParseResult(null, problems, record.Code.Value, record.Year));
    }

    /// <summary>A row that could not be read at all (malformed, wrong cell count, bad encoding).</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="source">The file.</param>
    /// <param name="problem">Why.</param>
    /// <param name="key">The village code, if it could be read.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null (a rejected row always says why).</exception>
    public static InputRow Unreadable(long line, string? source, RecordProblem problem, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(line, source, new RecordParseResult(null, [problem], key));
    }
}

/// <summary>
/// One output row: every input row becomes exactly one, either with a <see cref="Verdict"/> or, when rejected, with
/// its <see cref="Problems"/> (each naming its field and line).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ScoredRow
{
    internal ScoredRow(long line, string? source, string? key, int? year, VillageRecord? record, Verdict? verdict, IReadOnlyList<RecordProblem> problems)
    {
        Line = line;
        Source = source;
        Key = key;
        Year = year;
        Record = record;
        Verdict = verdict;
        Problems = problems;
    }

    /// <summary>The 1-based line where the input row starts.</summary>
    public long Line { get; }

    /// <summary>The input file, when known.</summary>
    public string? Source { get; }

    /// <summary>The village code as read; <see langword="null"/> only when the row had none.</summary>
    public string? Key { get; }

    /// <summary>The year as read.</summary>
    public int? Year { get; }

    /// <summary>The record, when the row was valid.</summary>
    public VillageRecord? Record { get; }

    /// <summary>The verdict, when the row was valid.</summary>
    public Verdict? Verdict { get; }

    /// <summary>Why the row was rejected; empty when it has a verdict.</summary>
    public IReadOnlyList<RecordProblem> Problems { get; }

    /// <summary>The row's status: the verdict's eligibility, or <see cref="Eligibility.Invalid"/> for a rejected row.</summary>
    public Eligibility Status => Verdict?.Eligibility ?? Eligibility.Invalid;

    /// <summary>The contract name of <see cref="Status"/>: <c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c> or <c>invalid</c>.</summary>
    public string StatusName => StatusNames.Name(Status);
}
