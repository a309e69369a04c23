using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>
/// Builds a <see cref="RuleSet"/> in C# so that it reads like the published text:
/// <code>
/// new RuleSetBuilder("aliresearch", "2022.1")
///     .Titled("Taobao Village").For(RuleTarget.Village).EffectiveYears(2014)
///     .AllOf("taobao-village", all => all
///         .Require("annual-sales", Metric.AnnualSales, c => c.AtLeast(Cny.FromYuan(10_000_000m)))
///         .AnyOf("shops", any => any
///             .Require("active-shops", Metric.ActiveShops, c => c.AtLeast(100))
///             .Require("active-shop-share", Metric.ActiveShopShare, c => c.AtLeast(Share.FromPercent(10)))))
///     .Build();
/// </code>
/// </summary>
/// <remarks>
/// <see cref="Build"/> checks the whole rule set with the same checks as the JSON loader (<c>RuleSetJson</c>) and reports every
/// problem with the JSON path it would have in a rule file. A builder is not thread-safe; the rule set it builds is.
/// </remarks>
public sealed class RuleSetBuilder
{
    private readonly string _id;
    private readonly string _version;
    private string? _title;
    private string? _description;
    private RuleTarget? _target;
    private YearRange? _years;
    private Citation? _citation;
    private Criterion? _criteria;

    /// <summary>Starts a rule set.</summary>
    /// <param name="id">The id, such as <c>my-province-2025</c>.</param>
    /// <param name="version">The version of the text, such as <c>2025.1</c>.</param>
    public RuleSetBuilder(string id, string version)
    {
        _id = id;
        _version = version;
    }

    /// <summary>Sets the title.</summary>
    /// <param name="title">The title.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder Titled(string title)
    {
        _title = title;
        return this;
    }

    /// <summary>Sets the description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder Described(string description)
    {
        _description = description;
        return this;
    }

    /// <summary>Sets what the rule set decides about.</summary>
    /// <param name="target">Villages or townships.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder For(RuleTarget target)
    {
        _target = target;
        return this;
    }

    /// <summary>Sets the years the published text applied to.</summary>
    /// <param name="from">The first year.</param>
    /// <param name="to">The last year, or <see langword="null"/> for "onward".</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder EffectiveYears(int from, int? to = null)
    {
        _years = new YearRange(from, to);
        return this;
    }

    /// <summary>Sets the published text the rule set encodes.</summary>
    /// <param name="source">Who published it and where.</param>
    /// <param name="url">A link, when there is one.</param>
    /// <param name="quote">The words encoded, when useful.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder CitedTo(string source, string? url = null, string? quote = null)
    {
        _citation = new Citation(source, url, quote);
        return this;
    }

    /// <summary>Sets the criteria: all of the parts must pass.</summary>
    /// <param name="id">The root group's id.</param>
    /// <param name="parts">Adds the parts.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder AllOf(string id, Action<CriteriaBuilder> parts) => Criteria(CriteriaBuilder.Group(id, GroupKind.AllOf, parts));

    /// <summary>Sets the criteria: any of the parts must pass.</summary>
    /// <param name="id">The root group's id.</param>
    /// <param name="parts">Adds the parts.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder AnyOf(string id, Action<CriteriaBuilder> parts) => Criteria(CriteriaBuilder.Group(id, GroupKind.AnyOf, parts));

    /// <summary>Makes the whole rule set one criterion on a metric (such as "3 or more Taobao Villages").</summary>
    /// <param name="id">The criterion's id.</param>
    /// <param name="metric">The figure it looks at.</param>
    /// <param name="threshold">Sets the comparison and threshold, and optionally title and citation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> or <paramref name="threshold"/> is null.</exception>
    public RuleSetBuilder Require(string id, Metric metric, Func<ConditionBuilder, ConditionBuilder> threshold)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(threshold);
        return Criteria(threshold(new ConditionBuilder(id, metric)).ToCondition());
    }

    /// <summary>Sets the criteria tree directly.</summary>
    /// <param name="root">The root criterion.</param>
    /// <returns>This builder.</returns>
    public RuleSetBuilder Criteria(Criterion root)
    {
        _criteria = root;
        return this;
    }

    /// <summary>Checks and builds the rule set. Does not throw for problems in the rule set.</summary>
    /// <param name="ruleSet">The rule set, when there are no problems.</param>
    /// <param name="problems">Every problem found, each with its JSON path.</param>
    /// <returns>Whether the rule set was built.</returns>
    public bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RuleSet? ruleSet, out IReadOnlyList<RuleProblem> problems)
    {
        var list = new List<RuleProblem>();
        ruleSet = new RuleSetDraft
        {
            Id = _id,
            Version = _version,
            Title = _title,
            Description = _description,
            Target = _target,
            EffectiveYears = _years,
            Citation = _citation,
            Criteria = _criteria,
        }.TryCreate(list);
        problems = list;
        return ruleSet is not null;
    }

    /// <summary>Checks and builds the rule set.</summary>
    /// <returns>The rule set.</returns>
    /// <exception cref="RuleSetException">The rule set has problems; the exception lists every one.</exception>
    public RuleSet Build() => TryBuild(out var ruleSet, out var problems) ? ruleSet : throw new RuleSetException(problems);
}
