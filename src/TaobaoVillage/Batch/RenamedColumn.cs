namespace TaobaoVillage.Batch;

/// <summary>A header column read as a contract field under another name (<see cref="ColumnCoverage.Renamed"/>).</summary>
/// <param name="Column">The column as the file names it, trimmed.</param>
/// <param name="Field">The contract field it is read as.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RenamedColumn(string Column, string Field)
{
    /// <summary><c>户数 → households</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Column} → {Field}";
}
