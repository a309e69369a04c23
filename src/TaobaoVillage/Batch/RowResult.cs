using TaobaoVillage.Domain;

namespace TaobaoVillage.Batch;

/// <summary>
/// One row as a reader of a table other than village records produced it (township figures, an official list): where
/// it came from and what it became, or the problems that stop it — the same members as <see cref="InputRow"/>
/// (<c>Line</c>, <c>Source</c>, <c>Value</c>, <c>Problems</c>, <c>IsValid</c>), so every reader's rows read alike.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <typeparam name="T">What a row becomes.</typeparam>
/// <param name="Line">The 1-based line where the row starts.</param>
/// <param name="Source">The file's name or path, when from a file.</param>
/// <param name="Value">What the row became, when it is valid.</param>
/// <param name="Problems">Why not, otherwise; empty when valid.</param>
public sealed record RowResult<T>(long Line, string? Source, T? Value, IReadOnlyList<RecordProblem> Problems)
    where T : class
{
    /// <summary>Whether the row became a value.</summary>
    public bool IsValid => Value is not null;
}
