namespace TaobaoVillage.Domain;

/// <summary>
/// The key of a village record: usually the 12-digit statistical code of the National Bureau of Statistics
/// (province 2, city 2, county 2, township 3, village 3 digits), but any non-empty text is accepted.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is ordinal.</remarks>
public readonly record struct VillageCode
{
    /// <summary>Creates a village code.</summary>
    /// <param name="value">The code; leading and trailing white space is removed.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public VillageCode(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A village code must not be empty.", nameof(value));
        }

        _value = value.Trim();
    }

    private readonly string? _value;

    /// <summary>The code as written.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether the code is a 12-digit statistical code, so that its prefixes name its regions.</summary>
    public bool IsStatisticalCode => Value is { Length: 12 } && Value.All(char.IsAsciiDigit);

    /// <summary>The 2-digit province prefix of a statistical code; otherwise <see langword="null"/>.</summary>
    public string? ProvinceCode => IsStatisticalCode ? Value[..2] : null;

    /// <summary>The 6-digit county prefix of a statistical code; otherwise <see langword="null"/>.</summary>
    public string? CountyCode => IsStatisticalCode ? Value[..6] : null;

    /// <summary>The 9-digit township prefix of a statistical code; otherwise <see langword="null"/>.</summary>
    public string? TownshipCode => IsStatisticalCode ? Value[..9] : null;

    /// <summary>Returns the code as written.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Value;
}
