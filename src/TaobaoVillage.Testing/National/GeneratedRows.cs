namespace TaobaoVillage.Testing.National;

/// <summary>What <see cref="NationalRecords.Write"/> wrote.</summary>
/// <param name="Rows">The data rows (the header aside).</param>
/// <param name="Broken">The rows broken on purpose: each must come out rejected.</param>
public sealed record GeneratedRows(long Rows, long Broken);
