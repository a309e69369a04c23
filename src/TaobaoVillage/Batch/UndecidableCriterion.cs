namespace TaobaoVillage.Batch;

/// <summary>A criterion no row of a file can decide, and the columns it lacks (<see cref="ColumnCoverage.Undecidable"/>).</summary>
/// <param name="CriterionId">The criterion's id in its rule set.</param>
/// <param name="MissingColumns">The input columns of its metric that no header column supplies.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record UndecidableCriterion(string CriterionId, IReadOnlyList<string> MissingColumns)
{
    /// <summary><c>active_shops (needs active_shops)</c>, in English; callers word it in their own language from the parts.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{CriterionId} (needs {string.Join(", ", MissingColumns)})";
}
