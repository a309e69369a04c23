namespace TaobaoVillage.Testing.National;

/// <summary>What <see cref="NationalRecords.Write"/> writes: the seed, the codes, how many rows, how many broken.</summary>
/// <remarks>Immutable once built; thread-safe.</remarks>
public sealed record NationalRecordsOptions
{
    /// <summary>The seed; the same seed (with the same codes) always gives the same bytes. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The NBS statistical division codes (<c>nbs-2016-village-codes.csv.gz</c>: code, name, urban-rural code, province,
    /// city, county, township), or <see langword="null"/> (the default) for synthetic codes at the national scale.
    /// </summary>
    public string? CodesPath { get; init; }

    /// <summary>How many rows; past the codes they repeat with later years. Null (the default): one per code.</summary>
    public long? Rows { get; init; }

    /// <summary>The share of rows made deliberately broken (each one a reader must reject); 0 by default.</summary>
    public double BrokenRate { get; init; }

    /// <summary>The data year of the first pass over the codes; 2020 by default.</summary>
    public int Year { get; init; } = 2020;
}
