using TaobaoVillage.Rules;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Engine;

/// <summary>
/// How one criterion of a rule set came out for one record: the value seen, the threshold, the outcome, and what
/// is missing to pass.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct CriterionResult : IEquatable<CriterionResult>
{
    // Kept compact (one verdict holds one of these per criterion): the shortfall is stored as its source criterion,
    // amount and fraction, and rebuilt on demand.
    private readonly decimal _observed;
    private readonly decimal _shortfallAmount;
    private readonly double _shortfallFraction;
    private readonly decimal _denominator;
    private readonly Verdict? _owner;
    private readonly int _index;
    private readonly Condition? _shortfallSource;
    private readonly byte _flags;

    internal CriterionResult(Verdict owner, int index, Criterion criterion, Outcome outcome, decimal? observed = null, decimal? denominator = null, string? category = null, Condition? shortfallSource = null, decimal shortfallAmount = 0, decimal fraction = 0, bool fromName = false)
    {
        _owner = owner;
        _index = index;
        Criterion = criterion;
        Outcome = outcome;
        Category = category;
        _flags = fromName ? FromName : (byte)0;
        if (observed is { } o)
        {
            _observed = o;
            _flags |= HasObserved;
        }

        if (denominator is { } d)
        {
            _denominator = d;
            _flags |= HasDenominator;
        }

        _shortfallSource = shortfallSource;
        _shortfallAmount = shortfallAmount;
        _shortfallFraction = (double)fraction;
    }

    private const byte HasObserved = 1;
    private const byte HasDenominator = 2;
    private const byte FromName = 4;

    /// <summary>
    /// Whether the value seen was read from the village's official name (its committee kind from …村委会 or …居委会)
    /// because no column gave it; see <see cref="Domain.VillageRecord.CommitteeFromName"/>.
    /// </summary>
    public bool ValueFromName => (_flags & FromName) != 0;

    /// <summary>
    /// The criterion (its id, title, threshold, unit and citation). For <c>default(CriterionResult)</c>, which belongs
    /// to no rule set, an empty group with the id "".
    /// </summary>
    public Criterion Criterion { get => field ?? NoCriterion; }

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
    public Outcome Outcome { get; }

    /// <summary>
    /// The raw figure seen: the amount or count, or for a share the numerator (engaged households, shops).
    /// <see langword="null"/> when missing, and for groups.
    /// </summary>
    public decimal? Observed => (_flags & HasObserved) != 0 ? _observed : null;

    /// <summary>For a share, the denominator seen (households); otherwise <see langword="null"/>.</summary>
    public decimal? Denominator => (_flags & HasDenominator) != 0 ? _denominator : null;

    /// <summary>
    /// The value compared with the threshold, in the threshold's unit: for a share the fraction
    /// <see cref="Observed"/> ÷ <see cref="Denominator"/> (for display; the comparison itself is exact).
    /// </summary>
    public decimal? Actual => Denominator is { } d ? (Observed is { } n && d != 0 ? n / d : null) : Observed;

    /// <summary>
    /// <see cref="Actual"/> as the outputs write it (JSON <c>actual</c>, the tables' <c>ID value</c>): a share
    /// rounded toward zero to six decimal places — never up past a threshold; amounts and counts as they are.
    /// </summary>
    public decimal? ReportedActual => Denominator is { } d
        ? (Observed is { } n && d != 0 ? Math.Round(n / d, 6, MidpointRounding.ToZero) : null)
        : Observed;

    /// <summary>For a category criterion, the value seen (such as <c>taobao</c>); otherwise <see langword="null"/>.</summary>
    public string? Category { get; }

    /// <summary>The threshold, for numeric criteria.</summary>
    public decimal? Threshold => (Criterion as Condition)?.Threshold;

    /// <summary>
    /// What is missing to pass, when it can be said as one amount: for a failing criterion, the smallest change; for a
    /// failing any-of group, the cheapest part (smallest share of its threshold missing); for an all-of group with one
    /// part not passing, that part's. <see langword="null"/> when passing, unknown, or not fixable by an amount.
    /// </summary>
    public Shortfall? Shortfall => _shortfallSource is { } source
        ? new Shortfall(source.Id, source.Metric, _shortfallAmount, source.Metric.ShortfallUnit) { Fraction = (decimal)_shortfallFraction }
        : null;

    internal Condition? ShortfallSource => _shortfallSource;

    internal decimal ShortfallAmount => _shortfallAmount;

    internal double ShortfallFraction => _shortfallFraction;

    /// <inheritdoc />
    public bool Equals(CriterionResult other) =>
        ReferenceEquals(Criterion, other.Criterion) && Outcome == other.Outcome && _flags == other._flags && _observed == other._observed
        && _denominator == other._denominator && Category == other.Category && ReferenceEquals(_shortfallSource, other._shortfallSource)
        && _shortfallAmount == other._shortfallAmount;

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
