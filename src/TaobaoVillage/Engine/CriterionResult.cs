using TaobaoVillage.Rules;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Engine;

/// <summary>
/// How one criterion of a rule set came out for one record: the value seen, the threshold, the outcome, and what
/// is missing to pass.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A position in its <see cref="Verdict"/>: the outcome is stored; <see cref="Observed"/>,
/// <see cref="Category"/>, <see cref="Shortfall"/> and the rest are computed for every criterion of the verdict at once,
/// the first time any is read, and kept with the verdict — so that evaluating allocates only the verdict, and reading a
/// result back is a field read. Two results are equal when they are of the same criterion with the same values.
/// </remarks>
public readonly struct CriterionResult : IEquatable<CriterionResult>
{
    // A position in its verdict, nothing more: the outcome is the verdict's, and the value seen and the shortfall are
    // the verdict's too, computed once when first asked for, so that evaluating allocates only the verdict.
    private readonly Verdict? _owner;
    private readonly int _index;

    internal CriterionResult(Verdict owner, int index)
    {
        _owner = owner;
        _index = index;
    }

    /// <summary>What this result saw and misses, computed once per verdict (see <see cref="Verdict"/>).</summary>
    private ref readonly ResultDetail Detail => ref _owner is null ? ref NoDetail : ref _owner.DetailOf(_index);

    private static readonly ResultDetail NoDetail;

    /// <summary>
    /// Whether the value seen was read from the village's official name (its committee kind from …村委会 or …居委会)
    /// because no column gave it; see <see cref="Domain.VillageRecord.CommitteeFromName"/>.
    /// </summary>
    public bool ValueFromName => Detail.FromName;

    /// <summary>
    /// The criterion (its id, title, threshold, unit and citation). For <c>default(CriterionResult)</c>, which belongs
    /// to no rule set, an empty group with the id "".
    /// </summary>
    public Criterion Criterion => _owner?.CriterionAt(_index) ?? NoCriterion;

    /// <summary>Whether this result belongs to a criterion (every result a verdict holds does; <c>default</c> does not).</summary>
    internal bool HasCriterion => _owner is not null;

    private static readonly CriterionGroup NoCriterion = new(string.Empty, GroupKind.AllOf, []);

    /// <summary>The criterion's id; empty for <c>default(CriterionResult)</c>, which belongs to no criterion.</summary>
    public string Id => Criterion.Id;

    /// <summary>
    /// The results of the criterion's parts, in the rule set's order (empty for a condition, and for
    /// <c>default(CriterionResult)</c>): the verdict is a tree, walked from <see cref="Verdict.Root"/>.
    /// </summary>
    public IReadOnlyList<CriterionResult> Children => _owner?.ChildrenOf(_index) ?? [];

    /// <summary>This result and every result below it, parents before children.</summary>
    /// <returns>The results in pre-order.</returns>
    public IEnumerable<CriterionResult> DescendantsAndSelf()
    {
        if (!HasCriterion)
        {
            yield break;
        }

        yield return this;
        foreach (var child in Children)
        {
            foreach (var r in child.DescendantsAndSelf())
            {
                yield return r;
            }
        }
    }

    /// <summary>Pass, fail or unknown.</summary>
    public Outcome Outcome => _owner?.OutcomeAt(_index) ?? Outcome.Unknown;

    /// <summary>
    /// The raw figure seen: the amount or count, or for a share the numerator (engaged households, shops).
    /// <see langword="null"/> when missing, and for groups.
    /// </summary>
    public decimal? Observed => Detail.Observed;

    /// <summary>For a share, the denominator seen (households); otherwise <see langword="null"/>.</summary>
    public decimal? Denominator => Detail.Denominator;

    /// <summary>
    /// The value compared with the threshold, in the threshold's unit: for a share the fraction
    /// <see cref="Observed"/> ÷ <see cref="Denominator"/> (for display; the comparison itself is exact).
    /// </summary>
    public decimal? Actual => Detail.Actual;

    /// <summary>
    /// <see cref="Actual"/> as the outputs write it (JSON <c>actual</c>, the tables' <c>ID value</c>): a share
    /// rounded toward zero to six decimal places — never up past a threshold; amounts and counts as they are.
    /// </summary>
    public decimal? ReportedActual => Detail.ReportedActual;

    /// <summary>For a category criterion, the value seen (such as <c>taobao</c>); otherwise <see langword="null"/>.</summary>
    public string? Category => Detail.Category;

    /// <summary>The threshold, for numeric criteria.</summary>
    public decimal? Threshold => (Criterion as Condition)?.Threshold;

    /// <summary>
    /// What is missing to pass, when it can be said as one amount: for a failing criterion, the smallest change; for a
    /// failing any-of group, the cheapest part (smallest share of its threshold missing); for an all-of group with one
    /// part not passing, that part's. <see langword="null"/> when passing, unknown, or not fixable by an amount.
    /// </summary>
    public Shortfall? Shortfall => Detail.Shortfall;

    /// <inheritdoc />
    public bool Equals(CriterionResult other) =>
        ReferenceEquals(Criterion, other.Criterion) && Outcome == other.Outcome && Detail.Equals(other.Detail);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CriterionResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Criterion.Id, Outcome, Observed, Denominator, Category);

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
    public override string ToString() => !HasCriterion ? "(no criterion)" : Criterion switch
    {
        Condition { Comparison: Comparison.OneOf } c => $"{Id}: {Outcome.ToString().ToLowerInvariant()} ({Category ?? "missing"} ∈ {{{string.Join(", ", c.Values)}}})",
        Condition c => $"{Id}: {Outcome.ToString().ToLowerInvariant()} ({(Actual is { } a ? DecimalText.Format(a) : "missing")} {UnitNames.Symbol(c.Comparison)} {DecimalText.Format(c.Threshold ?? 0)} {UnitNames.Name(c.Unit)})",
        _ => $"{Id}: {Outcome.ToString().ToLowerInvariant()}",
    };
}

/// <summary>
/// What one criterion saw and what it misses: the value (or numerator and denominator), the category, and the shortfall
/// as its source condition, amount and fraction of the target. Computed from the verdict's facts on demand.
/// </summary>
internal readonly struct ResultDetail(
    decimal? observed = null, decimal? denominator = null, string? category = null, bool fromName = false,
    Condition? shortfallSource = null, decimal shortfallAmount = 0, decimal? required = 0, bool lowers = false) : IEquatable<ResultDetail>
{
    public decimal? Observed { get; } = observed;

    public decimal? Denominator { get; } = denominator;

    public string? Category { get; } = category;

    public bool FromName { get; } = fromName;

    public Condition? ShortfallSource { get; } = shortfallSource;

    public decimal ShortfallAmount { get; } = shortfallAmount;

    /// <summary>Whether the shortfall is an amount to take away (at most, less than, or equal to when the value is over).</summary>
    public bool Lowers { get; } = lowers;

    /// <summary>What the condition requires (threshold, or share × households); null when the amount could not be computed.</summary>
    public decimal? Required { get; } = required;

    /// <summary>
    /// The amount missing as a fraction of what is required: how the cheapest way is chosen. Divided only when asked
    /// for (a group choosing among its parts, a shortfall read), not for every explanation written.
    /// </summary>
    public decimal Relative
    {
        get
        {
            if (Required is not { } required)
            {
                return decimal.MaxValue;
            }

            try
            {
                return required == 0 ? ShortfallAmount : ShortfallAmount / Math.Abs(required);
            }
            catch (OverflowException)
            {
                // Only absurd figures (near decimal's limits) get here.
                return decimal.MaxValue;
            }
        }
    }

    public decimal? Actual => Denominator is { } d ? (Observed is { } n && d != 0 ? n / d : null) : Observed;

    public decimal? ReportedActual => Denominator is not { } d ? Observed : Observed is { } n && d != 0 ? SixPlaces(n, d) : null;

    /// <summary>
    /// <c>Math.Round(n / d, 6, MidpointRounding.ToZero)</c>, digits and scale alike; for whole counts under a trillion
    /// in integers (a share is written on every line, and a decimal division was 2% of a national run).
    /// </summary>
    internal static decimal SixPlaces(decimal n, decimal d)
    {
        if (n.Scale != 0 || d.Scale != 0 || n < 0 || d <= 0 || n >= 1_000_000_000_000m || d >= 1_000_000_000_000m)
        {
            return Math.Round(n / d, 6, MidpointRounding.ToZero);
        }

        var (q, r) = Math.DivRem((long)n * 1_000_000, (long)d);
        byte scale = 6;
        // An exact quotient has no trailing zeros, as decimal division leaves it; a cut one keeps all six places.
        while (r == 0 && scale > 0 && q % 10 == 0)
        {
            q /= 10;
            scale--;
        }

        return new decimal((int)q, (int)(q >> 32), 0, isNegative: false, scale);
    }

    // The fraction goes through double as it always has: it ranks ways to pass, and the ranking must not move. The
    // largest decimal rounds up past itself as a double, so it stays as it is.
    public Shortfall? Shortfall => ShortfallSource is { } source
        ? new Shortfall(source.Id, source.Metric, ShortfallAmount, source.Metric.ShortfallUnit)
        {
            Fraction = Relative is var r && r == decimal.MaxValue ? r : (decimal)(double)r,
            Direction = Lowers ? ShortfallDirection.Less : ShortfallDirection.More,
        }
        : null;

    public bool Equals(ResultDetail other) =>
        Observed == other.Observed && Denominator == other.Denominator && Category == other.Category && FromName == other.FromName
        && ReferenceEquals(ShortfallSource, other.ShortfallSource) && ShortfallAmount == other.ShortfallAmount && Lowers == other.Lowers;

    public override bool Equals(object? obj) => obj is ResultDetail other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Observed, Denominator, Category);
}
