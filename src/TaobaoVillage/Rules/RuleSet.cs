using TaobaoVillage.Metrics;
using System.Text.RegularExpressions;

namespace TaobaoVillage.Rules;

/// <summary>
/// A versioned, cited set of eligibility criteria: what it decides about (<see cref="Target"/>), the years it
/// applies to, the published text it encodes, and a tree of criteria. Built with <see cref="RuleSetBuilder"/> or
/// loaded from JSON (<c>TaobaoVillage.Json.RuleSetJson</c>); every instance has been checked.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Two rule sets are equal when their content is equal, which
/// <see cref="ContentHash"/> (SHA-256 of the canonical form) identifies. The engine compiles one
/// (<c>ruleSet.Compile()</c>) to evaluate records; the model knows neither the engine nor any file format.
/// </remarks>
public sealed class RuleSet : IEquatable<RuleSet>
{
    internal RuleSet(RuleSetId id, string version, string title, string? description, RuleTarget target, YearRange effectiveYears, Citation? citation, Criterion criteria)
    {
        Id = id;
        Version = version;
        Title = title;
        Description = description;
        Target = target;
        EffectiveYears = effectiveYears;
        Citation = citation;
        Criteria = criteria;
        CanonicalForm = RuleSetCanonicalForm.Write(this);
        ContentHash = RuleSetCanonicalForm.Hash(CanonicalForm);
    }

    /// <summary>The rule set's id.</summary>
    public RuleSetId Id { get; }

    /// <summary>The version of this rule set's text, such as <c>2022.1</c>.</summary>
    public string Version { get; }

    /// <summary>A title for people.</summary>
    public string Title { get; }

    /// <summary>The title in other languages (<see cref="TitleIn"/>); presentation only, outside <see cref="ContentHash"/>.</summary>
    public Translations Titles { get; internal init; } = Translations.None;

    /// <summary>The title for people of a culture: its translation (through the culture's parents), else <see cref="Title"/>.</summary>
    /// <param name="culture">The culture, such as <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>.</param>
    /// <returns>The title.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string TitleIn(System.Globalization.CultureInfo culture) => Titles.In(culture) ?? Title;

    /// <summary>A longer description, when given.</summary>
    public string? Description { get; }

    /// <summary>Villages or townships.</summary>
    public RuleTarget Target { get; }

    /// <summary>The years the published text applied to.</summary>
    public YearRange EffectiveYears { get; }

    /// <summary>The published text this rule set encodes.</summary>
    public Citation? Citation { get; }

    /// <summary>The root of the criteria tree.</summary>
    public Criterion Criteria { get; }

    /// <summary>
    /// The criteria an explanation lists, parents before children: every criterion except a root group, whose outcome
    /// is the verdict itself. A rule set of one criterion lists that one.
    /// </summary>
    public IReadOnlyList<Criterion> ExplainedCriteria => Criteria is CriterionGroup
        ? Criteria.DescendantsAndSelf().Skip(1).ToList()
        : [Criteria];

    /// <summary>
    /// The explained criteria of several rule sets (such as the sets by year), each id once, the last set's first: the
    /// columns a table, CSV or workbook of their verdicts shows.
    /// </summary>
    /// <param name="ruleSets">The rule sets, oldest first.</param>
    /// <returns>The criteria.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSets"/> is null.</exception>
    public static IReadOnlyList<Criterion> ExplainedCriteriaOf(IEnumerable<RuleSet> ruleSets)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        return ruleSets.Reverse().SelectMany(r => r.ExplainedCriteria).DistinctBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The content hash, as <c>scheme:hex</c>: today <c>sha256:</c> and the SHA-256 of <see cref="CanonicalForm"/>
    /// in UTF-8. It identifies the content exactly; a later scheme would carry another name before the ':'.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>
    /// The canonical text the hash is computed over: compact JSON, properties in a fixed order, absent values left
    /// out, thresholds without trailing zeros (docs/formats.md). Owned by the rule model, so no file format can change it.
    /// </summary>
    public string CanonicalForm { get; }

    /// <summary>
    /// A what-if variant of this rule set: every criterion passed through <paramref name="change"/> (return it as it
    /// is to keep it), checked like any rule set. The variant gets the version <paramref name="version"/>, so its
    /// verdicts never pass for the published rules.
    /// </summary>
    /// <param name="change">Returns the criterion to use in place of each one; for example a lower threshold.</param>
    /// <param name="version">The variant's version, such as <c>2022.1-whatif</c>.</param>
    /// <returns>The variant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleSetException">The changed rule set is invalid; the exception lists every problem.</exception>
    public RuleSet With(Func<Condition, Condition> change, string version)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(version);
        var problems = new List<RuleProblem>();
        var draft = new RuleSetDraft
        {
            Id = Id.Value, Version = version, Title = Title, Titles = Titles, Description = Description, Target = Target,
            EffectiveYears = EffectiveYears, Citation = Citation, Criteria = Rewrite(Criteria, change),
        };
        return draft.TryCreate(problems) ?? throw new RuleSetException(problems);
    }

    /// <summary>
    /// The metrics with an "at least" or "exceeds" criterion, in the order they first appear: those whose thresholds
    /// <see cref="WithThresholds"/> can change. Computed on each call; thread-safe.
    /// </summary>
    public IReadOnlyList<Metric> ThresholdMetrics =>
        [.. Criteria.DescendantsAndSelf().OfType<Condition>().Where(c => c.Comparison is Comparison.AtLeast or Comparison.GreaterThan).Select(c => c.Metric).Distinct()];

    /// <summary>
    /// A what-if variant in which every "at least" or "exceeds" criterion on one of the given metrics takes the given
    /// threshold (in the metric's unit: CN¥, a count, or a share as a fraction), checked like any rule set.
    /// </summary>
    /// <param name="thresholds">The new threshold per metric; metrics the rule set does not use change nothing.</param>
    /// <param name="version">The variant's version, such as <c>2022.1-whatif</c>.</param>
    /// <returns>The variant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="RuleSetException">A threshold is invalid for its metric (negative, not whole for a count, a share of households above 1).</exception>
    public RuleSet WithThresholds(IReadOnlyDictionary<Metric, decimal> thresholds, string version)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return With(
            c => c.Comparison is Comparison.AtLeast or Comparison.GreaterThan && thresholds.TryGetValue(c.Metric, out var threshold) ? c with { Threshold = threshold } : c,
            version);
    }

    private static Criterion Rewrite(Criterion node, Func<Condition, Condition> change) => node switch
    {
        CriterionGroup g => g with { Children = [.. g.Children.Select(c => Rewrite(c, change))] },
        Condition c => change(c),
        _ => node,
    };

    /// <summary>Finds a criterion by id. Does not throw.</summary>
    /// <param name="id">The criterion's id.</param>
    /// <returns>The criterion, or <see langword="null"/>.</returns>
    public Criterion? FindCriterion(string id) => Criteria.DescendantsAndSelf().FirstOrDefault(c => c.Id == id);

    /// <inheritdoc />
    public bool Equals(RuleSet? other) => other is not null && other.CanonicalForm == CanonicalForm;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RuleSet);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ContentHash);

    /// <summary>Returns <c>id@version</c>.</summary>
    /// <returns>The rule set's id and version.</returns>
    public override string ToString() => $"{Id}@{Version}";
}
