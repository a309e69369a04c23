using TaobaoVillage.Rules;

namespace TaobaoVillage.Engine;

/// <summary>
/// How one criterion of a rule set came out for one record: the value seen, the threshold, the outcome, and what
/// is missing to pass.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct CriterionResult : IEquatable<CriterionResult>
{
    internal CriterionResult(Criterion criterion, Outcome outcome, decimal? observed, decimal? denominator, string? category, Shortfall? shortfall)
    {
        Criterion = criterion;
        Outcome = outcome;
        Observed = observed;
        Denominator = denominator;
        Category = category;
        Shortfall = shortfall;
    }

    /// <summary>The criterion (its id, title, threshold, unit and citation).</summary>
    public Criterion Criterion { get; }

    /// <summary>The criterion's id.</summary>
    public string Id => Criterion.Id;

    /// <summary>Pass, fail or unknown.</summary>
    public Outcome Outcome { get; }

    /// <summary>
    /// The raw figure seen: the amount or count, or for a share the numerator (engaged households, shops).
    /// <see langword="null"/> when missing, and for groups.
    /// </summary>
    public decimal? Observed { get; }

    /// <summary>For a share, the denominator seen (households); otherwise <see langword="null"/>.</summary>
    public decimal? Denominator { get; }

    /// <summary>
    /// The value compared with the threshold, in the threshold's unit: for a share the fraction
    /// <see cref="Observed"/> ÷ <see cref="Denominator"/> (for display; the comparison itself is exact).
    /// </summary>
    public decimal? Actual => Denominator is { } d ? (Observed is { } n && d != 0 ? n / d : null) : Observed;

    /// <summary>For a category criterion, the value seen (such as <c>taobao</c>); otherwise <see langword="null"/>.</summary>
    public string? Category { get; }

    /// <summary>The threshold, for numeric criteria.</summary>
    public decimal? Threshold => (Criterion as Condition)?.Threshold;

    /// <summary>
    /// What is missing to pass, when it can be said as one amount: for a failing criterion, the smallest change; for a
    /// failing any-of group, the cheapest part (smallest share of its threshold missing); for an all-of group with one
    /// part not passing, that part's. <see langword="null"/> when passing, unknown, or not fixable by an amount.
    /// </summary>
    public Shortfall? Shortfall { get; }

    /// <inheritdoc />
    public bool Equals(CriterionResult other) =>
        ReferenceEquals(Criterion, other.Criterion) && Outcome == other.Outcome && Observed == other.Observed
        && Denominator == other.Denominator && Category == other.Category && Nullable.Equals(Shortfall, other.Shortfall);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CriterionResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Criterion?.Id, Outcome, Observed, Denominator, Category);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CriterionResult left, CriterionResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CriterionResult left, CriterionResult right) => !left.Equals(right);

    /// <summary>Formats the result as <c>id: pass (actual 12000000 ≥ 10000000)</c>.</summary>
    /// <returns>The formatted result.</returns>
    public override string ToString() => Criterion switch
    {
        Condition { Comparison: Comparison.OneOf } c => $"{Id}: {Outcome.ToString().ToLowerInvariant()} ({Category ?? "missing"} ∈ {{{string.Join(", ", c.Values)}}})",
        Condition c => $"{Id}: {Outcome.ToString().ToLowerInvariant()} ({(Actual is { } a ? RuleSetJson.FormatNumber(a) : "missing")} {UnitNames.Symbol(c.Comparison)} {RuleSetJson.FormatNumber(c.Threshold ?? 0)} {UnitNames.Name(c.Unit)})",
        _ => $"{Id}: {Outcome.ToString().ToLowerInvariant()}",
    };
}
