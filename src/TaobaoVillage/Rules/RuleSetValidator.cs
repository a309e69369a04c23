using TaobaoVillage.Domain;
using System.Globalization;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Rules;

/// <summary>Checks a whole rule set at once and reports every problem with its JSON path.</summary>
internal static class RuleSetValidator
{
    internal const int MaxDepth = 32;

    private static readonly System.Text.RegularExpressions.Regex VersionPattern = new("^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static void Validate(RuleSetDraft draft, List<RuleProblem> problems)
    {
        var id = draft.Id ?? "?";
        if (draft.Id is null)
        {
            draft.AddMissing(problems, "$.id", "id");
        }
        else if (!RuleSetId.IsValid(draft.Id))
        {
            problems.Add(RuleProblemTemplates.Create(id, "$.id", RuleProblemCodes.InvalidId, "rule-set", ("value", draft.Id)));
        }

        if (draft.Version is null)
        {
            draft.AddMissing(problems, "$.version", "version");
        }
        else if (!VersionPattern.IsMatch(draft.Version))
        {
            problems.Add(RuleProblemTemplates.Create(id, "$.version", RuleProblemCodes.InvalidVersion, "version", ("value", draft.Version)));
        }

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            draft.AddMissing(problems, "$.title", "title");
        }

        if (draft.EffectiveYears is null)
        {
            draft.AddMissing(problems, "$.effectiveYears", "effective-years");
        }
        else if (draft.EffectiveYears.Value.From is < 1900 or > 9999 || draft.EffectiveYears.Value.To is { } to && (to < draft.EffectiveYears.Value.From || to > 9999))
        {
            problems.Add(YearsProblem(id, draft.EffectiveYears.Value));
        }

        if (draft.Citation is { } citation && string.IsNullOrWhiteSpace(citation.Source))
        {
            problems.Add(RuleProblemTemplates.Create(id, "$.citation.source", RuleProblemCodes.Missing, "citation-source"));
        }

        if (draft.Criteria is null)
        {
            draft.AddMissing(problems, "$.criteria", "criteria");
            return;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateNode(draft, draft.Criteria, "$.criteria", 1, seen, problems);
    }

    private static RuleProblem YearsProblem(string id, YearRange years) => years.To is { } to
        ? RuleProblemTemplates.Create(id, "$.effectiveYears", RuleProblemCodes.InvalidYears, "range", ("from", Year(years.From)), ("to", Year(to)))
        : RuleProblemTemplates.Create(id, "$.effectiveYears", RuleProblemCodes.InvalidYears, "open-range", ("from", Year(years.From)));

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static void ValidateNode(RuleSetDraft draft, Criterion node, string path, int depth, Dictionary<string, string> seen, List<RuleProblem> problems)
    {
        var id = draft.Id ?? "?";
        if (node is UnreadableCriterion)
        {
            // Its own problems are reported where it was read; its id still counts against the others'.
            if (!string.IsNullOrEmpty(node.Id) && !seen.TryAdd(node.Id, path) && seen[node.Id] != path)
            {
                problems.Add(RuleProblemTemplates.Create(id, path + ".id", RuleProblemCodes.DuplicateId, "criterion", ("value", node.Id), ("first", seen[node.Id])));
            }

            return;
        }

        if (depth > MaxDepth)
        {
            problems.Add(RuleProblemTemplates.Create(id, path, RuleProblemCodes.TooDeep, "criteria", ("limit", MessageTemplates.Count(MaxDepth))));
            return;
        }

        ValidateId(id, node, path, seen, problems);
        if (node.Citation is { } citation && string.IsNullOrWhiteSpace(citation.Source))
        {
            problems.Add(RuleProblemTemplates.Create(id, path + ".citation.source", RuleProblemCodes.Missing, "citation-source"));
        }

        switch (node)
        {
            case CriterionGroup group:
                ValidateGroup(draft, group, path, depth, seen, problems);
                break;
            case Condition condition:
                ValidateCondition(draft, condition, path, problems);
                break;
        }
    }

    /// <summary>A criterion's id: present, well-formed, and not used before (then remembered at its path).</summary>
    private static void ValidateId(string id, Criterion node, string path, Dictionary<string, string> seen, List<RuleProblem> problems)
    {
        if (string.IsNullOrEmpty(node.Id))
        {
            problems.Add(RuleProblemTemplates.Create(id, path + ".id", RuleProblemCodes.Missing, "criterion-id"));
        }
        else if (!RuleSetId.IdPattern().IsMatch(node.Id))
        {
            problems.Add(RuleProblemTemplates.Create(id, path + ".id", RuleProblemCodes.InvalidId, "criterion", ("value", node.Id)));
        }
        else if (seen.TryGetValue(node.Id, out var first))
        {
            problems.Add(RuleProblemTemplates.Create(id, path + ".id", RuleProblemCodes.DuplicateId, "criterion", ("value", node.Id), ("first", first)));
        }
        else
        {
            seen[node.Id] = path;
        }
    }

    /// <summary>A group: not empty, and every child present and valid one level deeper.</summary>
    private static void ValidateGroup(RuleSetDraft draft, CriterionGroup group, string path, int depth, Dictionary<string, string> seen, List<RuleProblem> problems)
    {
        var key = group.Kind == GroupKind.AllOf ? "allOf" : "anyOf";
        if (group.Children.IsDefaultOrEmpty)
        {
            problems.Add(RuleProblemTemplates.Create(draft.Id ?? "?", $"{path}.{key}", RuleProblemCodes.EmptyGroup, "group", ("group", key)));
            return;
        }

        for (var i = 0; i < group.Children.Length; i++)
        {
            var child = group.Children[i];
            var childPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{key}[{i}]");
            if (child is null)
            {
                problems.Add(RuleProblemTemplates.Create(draft.Id ?? "?", childPath, RuleProblemCodes.InvalidNode, "missing"));
                continue;
            }

            ValidateNode(draft, child, childPath, depth + 1, seen, problems);
        }
    }

    private static void ValidateCondition(RuleSetDraft draft, Condition condition, string path, List<RuleProblem> problems)
    {
        var id = draft.Id ?? "?";
        if (condition.Metric is not { } metric)
        {
            problems.Add(RuleProblemTemplates.Create(id, path + ".metric", RuleProblemCodes.Missing, "metric"));
            return;
        }

        if (draft.Target is { } target && !(target == RuleTarget.Village ? metric.AppliesToVillages : metric.AppliesToTownships))
        {
            problems.Add(RuleProblemTemplates.Create(id, path + ".metric", RuleProblemCodes.MetricNotForTarget, "target",
                ("metric", metric.Name), ("target", target == RuleTarget.Village ? "village" : "township")));
        }

        var checks = new ConditionChecks(id, path, metric, condition, problems);
        if (metric.Kind == MetricKind.Category)
        {
            checks.Category();
        }
        else
        {
            checks.Numeric();
        }
    }

    /// <summary>The checks of one condition on its metric, each adding its problem.</summary>
    private readonly record struct ConditionChecks(string Id, string Path, Metric Metric, Condition Condition, List<RuleProblem> Problems)
    {
        public void Category()
        {
            if (Condition.Comparison != Comparison.OneOf)
            {
                Add(".comparison", RuleProblemCodes.InvalidComparison, "category", ("metric", Metric.Name));
            }
            else if (Condition.Values.IsDefaultOrEmpty)
            {
                Add(".values", RuleProblemCodes.Missing, "values");
            }
            else
            {
                Values();
                if (Condition.Unit != Unit.None)
                {
                    Add(".unit", RuleProblemCodes.WrongUnit, "category", ("metric", Metric.Name));
                }
            }
        }

        public void Numeric()
        {
            if (Condition.Comparison == Comparison.OneOf || !Enum.IsDefined(Condition.Comparison))
            {
                Add(".comparison", RuleProblemCodes.InvalidComparison, "numeric", ("metric", Metric.Name));
            }

            if (Condition.Unit != Metric.Unit)
            {
                Add(".unit", RuleProblemCodes.WrongUnit, "mismatch", ("metric", Metric.Name), ("unit", UnitNames.Name(Metric.Unit)), ("value", UnitNames.Name(Condition.Unit)));
            }

            if (Condition.Threshold is not { } threshold)
            {
                Add(".threshold", RuleProblemCodes.MissingThreshold, "numeric");
                return;
            }

            foreach (var problem in ThresholdProblems(threshold))
            {
                Problems.Add(problem);
            }
        }

        private void Values()
        {
            for (var i = 0; i < Condition.Values.Length; i++)
            {
                if (!Metric.Categories.Contains(Condition.Values[i], StringComparer.Ordinal))
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $".values[{i}]"), RuleProblemCodes.InvalidValue, "category-value",
                        ("value", Condition.Values[i]), ("metric", Metric.Name), ("expected", string.Join(", ", Metric.Categories)));
                }
            }
        }

        private IEnumerable<RuleProblem> ThresholdProblems(decimal threshold)
        {
            var unit = UnitNames.Name(Metric.Unit);
            if (threshold < 0)
            {
                yield return Threshold("negative");
            }

            if (Metric.Kind == MetricKind.Count && decimal.Truncate(threshold) != threshold)
            {
                yield return Threshold("not-whole", ("metric", Metric.Name), ("unit", unit));
            }

            // A count is a 64-bit whole number: past it no record could ever pass, and advice would ask for more than can be held.
            if (Metric.Kind == MetricKind.Count && (threshold > long.MaxValue || (threshold == long.MaxValue && Condition.Comparison == Comparison.GreaterThan)))
            {
                yield return Threshold("beyond-count", ("metric", Metric.Name), ("limit", MessageTemplates.Count(long.MaxValue)), ("unit", unit), ("value", DecimalText.Format(threshold)));
            }

            // Share thresholds are multiplied by counts up to long.MaxValue; keep the product inside decimal's range.
            if (Metric.Numerator is { AtMostHouseholds: true } && threshold > 1m)
            {
                yield return Threshold("share-of-households", ("value", DecimalText.Format(threshold)), ("percent", DecimalText.Format(threshold * 100m)));
            }

            if (Metric.Kind == MetricKind.Share && threshold > 1_000_000m)
            {
                yield return Threshold("share-range", ("limit", MessageTemplates.Count(1_000_000)));
            }
        }

        private void Add(string member, string code, string detail, params ReadOnlySpan<(string Name, string Value)> arguments) =>
            Problems.Add(RuleProblemTemplates.Create(Id, Path + member, code, detail, arguments));

        private RuleProblem Threshold(string detail, params ReadOnlySpan<(string Name, string Value)> arguments) =>
            RuleProblemTemplates.Create(Id, Path + ".threshold", RuleProblemCodes.InvalidValue, detail, arguments);
    }
}

/// <summary>An unchecked rule set, as the builder or the JSON reader assembled it.</summary>
internal sealed record RuleSetDraft
{
    public string? Id { get; init; }

    public string? Version { get; init; }

    public string? Title { get; init; }

    public Translations Titles { get; init; } = Translations.None;

    public string? Description { get; init; }

    public RuleTarget? Target { get; init; }

    public YearRange? EffectiveYears { get; init; }

    public Citation? Citation { get; init; }

    public Criterion? Criteria { get; init; }

    /// <summary>
    /// The paths the JSON reader already reported problems at (a field present but unreadable, criteria it could not
    /// read): a value missing where a problem was reported at or under its path is that problem, not "missing" as well.
    /// </summary>
    public IReadOnlySet<string> Reported { get; init; } = NoPaths;

    private static readonly IReadOnlySet<string> NoPaths = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Reports a required field as missing (the sentence <c>missing/detail</c>), unless a problem at or under its path was reported already.</summary>
    public void AddMissing(List<RuleProblem> problems, string path, string detail)
    {
        if (!Reported.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal)))
        {
            problems.Add(RuleProblemTemplates.Create(Id ?? "?", path, RuleProblemCodes.Missing, detail));
        }
    }

    public RuleSet? TryCreate(List<RuleProblem> problems)
    {
        if (Target is null)
        {
            AddMissing(problems, "$.target", "target");
        }

        RuleSetValidator.Validate(this, problems);
        return problems.Count > 0
            ? null
            : new RuleSet(new RuleSetId(Id!), Version!, Title!, Description, Target!.Value, EffectiveYears!.Value, Citation, Criteria!) { Titles = Titles };
    }
}

