using System.Globalization;
using TaobaoVillage.Rules;
using TaobaoVillage.Metrics;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Engine;

/// <summary>A criterion's three-valued outcome. Missing data gives <see cref="Unknown"/>, never a silent fail.</summary>
public enum Outcome
{
    /// <summary>The data needed to decide is missing.</summary>
    Unknown,

    /// <summary>The criterion is met.</summary>
    Pass,

    /// <summary>The criterion is not met.</summary>
    Fail,
}

/// <summary>The verdict on a village or township as a whole.</summary>
public enum Eligibility
{
    /// <summary>Missing data leaves the verdict open: it could go either way.</summary>
    Indeterminate,

    /// <summary>Every criterion the rule set requires is met.</summary>
    Eligible,

    /// <summary>The rule set's criteria are not met, whatever the missing data would be.</summary>
    NotEligible,

    /// <summary>The record is invalid (households 0, a negative figure…): it was not evaluated; <see cref="Verdict.Problems"/> says why.</summary>
    Invalid,
}

/// <summary>
/// What is missing for one criterion to pass: an amount in a unit (CN¥ of sales, shops, households, villages). For
/// <see cref="Comparison.AtMost"/> and <see cref="Comparison.LessThan"/> it is the amount to reduce.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="CriterionId">The criterion that needs it.</param>
/// <param name="Metric">The metric that must change.</param>
/// <param name="Amount">How much, always positive: the smallest change that makes the criterion pass.</param>
/// <param name="Unit">The unit of <paramref name="Amount"/>: for share criteria the count that must grow.</param>
public readonly record struct Shortfall(string CriterionId, Metric Metric, decimal Amount, Unit Unit)
{
    /// <summary>The criterion that needs it; empty for <c>default(Shortfall)</c>.</summary>
    public string CriterionId { get => field ?? string.Empty; init; } = CriterionId;

    /// <summary>The metric that must change; for <c>default(Shortfall)</c>, which asks for nothing, <see cref="Metric.AnnualSales"/> with an amount of 0.</summary>
    public Metric Metric { get => field ?? Metric.AnnualSales; init; } = Metric;

    /// <summary>
    /// How far off the criterion is, as a fraction of its target (the amount over the threshold, or over
    /// share × households for shares): 0.01 is "1% short". Used to rank ways to pass across different units.
    /// </summary>
    public decimal Fraction { get; init; }

    /// <summary>Whether <see cref="Amount"/> is to add (at least, greater than) or to take away (at most, less than, or equal to when the value is over).</summary>
    public ShortfallDirection Direction { get; init; }

    /// <summary>
    /// The amount as advice shows it: never less than what is missing, so following the advice is always enough — an
    /// amount of money rounded up to the fen (CN¥0.01), so 1E-28 yuan shows as CN¥0.01, never CN¥0.00.
    /// </summary>
    public decimal ShownAmount => Unit == Unit.Cny && Amount.Scale > 2 ? Math.Round(Amount, 2, MidpointRounding.ToPositiveInfinity) : Amount;

    /// <summary>Describes the shortfall in words, such as "CN¥1,200,000.00 more annual e-commerce sales" or "14 more households".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(CultureInfo.InvariantCulture);

    /// <summary>
    /// Describes the shortfall in a person's language: Simplified Chinese for a Chinese culture ("再增加 14 户"),
    /// else English as <see cref="ToString"/>.
    /// </summary>
    /// <param name="culture">The language, usually <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => Describe(culture, MoneyUnit.CnYuan);

    /// <summary>Describes the shortfall in a person's language, amounts of money in the given unit (such as 万元, that of the input file).</summary>
    /// <param name="culture">The language.</param>
    /// <param name="money">The unit for amounts of money.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string Describe(CultureInfo culture, MoneyUnit money)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(money);
        if (CriterionId.Length == 0)
        {
            return AdviceText.IsChinese(culture) ? "无差距" : "no shortfall";
        }

        var amount = Unit == Unit.Cny ? money.FormatUp(ShownAmount) : DecimalText.Format(ShownAmount);
        if (AdviceText.IsChinese(culture))
        {
            // In Chinese, yuan as the unit word after the amount (1,000,000.00 元), as 万元 and 亿元 are written.
            amount = Unit == Unit.Cny && money.Yuan == 1m ? ShownAmount.ToString("#,0.00##", CultureInfo.InvariantCulture) + " 元" : amount;
            return UnitPhrases.Chinese(this, amount);
        }

        return UnitPhrases.English(this, amount);
    }
}

/// <summary>
/// One way to pass a rule set: every shortfall in <see cref="Steps"/> made good, and every field in
/// <see cref="MissingData"/> supplied (and then passing).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Steps">The shortfalls to make good, together.</param>
/// <param name="MissingData">The metrics whose data is missing and must be supplied.</param>
public sealed record PathToPass(IReadOnlyList<Shortfall> Steps, IReadOnlyList<Metric> MissingData)
{
    /// <summary>
    /// Describes the path, such as "CN¥1,200,000.00 more annual e-commerce sales and data for active_shops, households":
    /// missing data named by the input columns that supply it.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(CultureInfo.InvariantCulture);

    /// <summary>Describes the path in a person's language: Simplified Chinese for a Chinese culture, else English as <see cref="ToString"/>.</summary>
    /// <param name="culture">The language, usually <see cref="CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The description; input column names stay as they are.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => Describe(culture, MoneyUnit.CnYuan);

    /// <summary>Describes the path in a person's language, amounts of money in the given unit (such as 万元, that of the input file).</summary>
    /// <param name="culture">The language.</param>
    /// <param name="money">The unit for amounts of money.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public string Describe(CultureInfo culture, MoneyUnit money)
    {
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(money);
        var chinese = AdviceText.IsChinese(culture);
        var columns = MissingData.SelectMany(m => m.InputColumns).Distinct(StringComparer.Ordinal).ToList();
        var parts = Steps.Select(s => s.Describe(culture, money)).ToList();
        if (columns.Count > 0)
        {
            parts.Add(chinese ? $"补充 {string.Join("、", columns)} 的数据" : "data for " + string.Join(", ", columns));
        }

        return (parts.Count, chinese) switch
        {
            (0, true) => "无需改变：已达标",
            (0, false) => "nothing: it passes",
            (_, true) => string.Join("，并", parts),
            _ => string.Join(" and ", parts),
        };
    }

    /// <summary>
    /// Whether this path asks for no more of anything than <paramref name="other"/> does, and for no figure or data it
    /// does not ask for: then <paramref name="other"/> is never the better advice.
    /// </summary>
    /// <param name="other">Another path.</param>
    /// <returns>True when this path is at least as easy in every respect.</returns>
    public bool Dominates(PathToPass other)
    {
        ArgumentNullException.ThrowIfNull(other);

        // Per lever, the most this path asks must be no more than the most the other asks of it. Loops, not
        // dictionaries: paths have a handful of steps, and advice for every row of a national file compares many.
        foreach (var step in Steps)
        {
            var lever = LeverOf(step);
            if (MostOf(other.Steps, lever) is not { } theirs || MostOf(Steps, lever)!.Value > theirs)
            {
                return false;
            }
        }

        foreach (var metric in MissingData)
        {
            if (!other.MissingData.Contains(metric))
            {
                return false;
            }
        }

        return true;
    }

    private static decimal? MostOf(IReadOnlyList<Shortfall> steps, string lever)
    {
        decimal? most = null;
        foreach (var step in steps)
        {
            if (string.Equals(LeverOf(step), lever, StringComparison.Ordinal) && (most is null || step.Amount > most))
            {
                most = step.Amount;
            }
        }

        return most;
    }

    // What a step raises: a share is raised through its count (active shops, engaged households).
    private static string LeverOf(Shortfall step) => step.Metric.Kind == MetricKind.Share ? step.Metric.InputColumns[0] : step.Metric.Name;
}
