using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>The outcome of turning a row into a <see cref="VillageRecord"/>: the record, or the problems.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct RecordParseResult
{
    internal RecordParseResult(VillageRecord? record, IReadOnlyList<RecordProblem> problems, string? key = null, int? year = null)
    {
        Record = record;
        Problems = problems;
        Key = record?.Code.Value ?? key;
        Year = record?.Year ?? year;
    }

    /// <summary>The record, when the row has no problems.</summary>
    public VillageRecord? Record { get; }

    /// <summary>Every problem found; empty when <see cref="Record"/> is set.</summary>
    public IReadOnlyList<RecordProblem> Problems { get => field ?? []; }

    /// <summary>The village code as read, even when the row is invalid (so a rejection can name its record).</summary>
    public string? Key { get; }

    /// <summary>The year as read, when it parsed.</summary>
    public int? Year { get; }

    /// <summary>Whether the row became a record.</summary>
    public bool IsValid => Record is not null;

    /// <summary>For a total row (<see cref="RecordProblemCodes.TotalRow"/>), its figures as read, to compare with the sums of the rows above it.</summary>
    internal VillageRecord? TotalCandidate { get; init; }

    /// <summary>The same rejected row with other problems.</summary>
    internal RecordParseResult WithProblems(IReadOnlyList<RecordProblem> problems) => new(null, problems, Key, Year) { TotalCandidate = TotalCandidate };
}
