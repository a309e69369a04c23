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
            draft.AddMissing(problems, "$.id", "A rule set needs an id.");
        }
        else if (!RuleSetId.IsValid(draft.Id))
        {
            problems.Add(new(id, "$.id", RuleProblemCodes.InvalidId, $"'{draft.Id}' is not a valid id: use lower-case letters, digits, '-', '_' and '.', at most 64 characters."));
        }

        if (draft.Version is null)
        {
            draft.AddMissing(problems, "$.version", "A rule set needs a version.");
        }
        else if (!VersionPattern.IsMatch(draft.Version))
        {
            problems.Add(new(id, "$.version", RuleProblemCodes.InvalidVersion, $"'{draft.Version}' is not a valid version, such as 2022.1."));
        }

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            draft.AddMissing(problems, "$.title", "A rule set needs a title.");
        }

        if (draft.EffectiveYears is null)
        {
            draft.AddMissing(problems, "$.effectiveYears", "A rule set needs its effective years (from, and to or null).");
        }
        else if (draft.EffectiveYears.Value.From is < 1900 or > 9999 || draft.EffectiveYears.Value.To is { } to && (to < draft.EffectiveYears.Value.From || to > 9999))
        {
            problems.Add(new(id, "$.effectiveYears", RuleProblemCodes.InvalidYears, $"{draft.EffectiveYears.Value} is not a valid range of years."));
        }

        if (draft.Citation is { } citation && string.IsNullOrWhiteSpace(citation.Source))
        {
            problems.Add(new(id, "$.citation.source", RuleProblemCodes.Missing, "A citation needs a source."));
        }

        if (draft.Criteria is null)
        {
            draft.AddMissing(problems, "$.criteria", "A rule set needs criteria.");
            return;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        ValidateNode(draft, draft.Criteria, "$.criteria", 1, seen, problems);
    }

    private static void ValidateNode(RuleSetDraft draft, Criterion node, string path, int depth, Dictionary<string, string> seen, List<RuleProblem> problems)
    {
        var id = draft.Id ?? "?";
        if (node is UnreadableCriterion)
        {
            // Its own problems are reported where it was read; its id still counts against the others'.
            if (!string.IsNullOrEmpty(node.Id) && !seen.TryAdd(node.Id, path) && seen[node.Id] != path)
            {
                problems.Add(new(id, path + ".id", RuleProblemCodes.DuplicateId, $"The criterion id '{node.Id}' is already used at {seen[node.Id]}."));
            }

            return;
        }

        if (depth > MaxDepth)
        {
            problems.Add(new(id, path, RuleProblemCodes.TooDeep, $"Criteria are nested deeper than {MaxDepth} levels."));
            return;
        }

        ValidateId(id, node, path, seen, problems);
        if (node.Citation is { } citation && string.IsNullOrWhiteSpace(citation.Source))
        {
            problems.Add(new(id, path + ".citation.source", RuleProblemCodes.Missing, "A citation needs a source."));
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
            problems.Add(new(id, path + ".id", RuleProblemCodes.Missing, "Every criterion needs an id."));
        }
        else if (!RuleSetId.IdPattern().IsMatch(node.Id))
        {
            problems.Add(new(id, path + ".id", RuleProblemCodes.InvalidId, $"'{node.Id}' is not a valid criterion id: use lower-case letters, digits, '-', '_' and '.'."));
        }
        else if (seen.TryGetValue(node.Id, out var first))
        {
            problems.Add(new(id, path + ".id", RuleProblemCodes.DuplicateId, $"The criterion id '{node.Id}' is already used at {first}."));
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
            problems.Add(new(draft.Id ?? "?", $"{path}.{key}", RuleProblemCodes.EmptyGroup, $"'{key}' needs at least one criterion."));
            return;
        }

        for (var i = 0; i < group.Children.Length; i++)
        {
            var child = group.Children[i];
            var childPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{key}[{i}]");
            if (child is null)
            {
                problems.Add(new(draft.Id ?? "?", childPath, RuleProblemCodes.InvalidNode, "A criterion is missing."));
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
            problems.Add(new(id, path + ".metric", RuleProblemCodes.Missing, "A criterion needs a metric."));
            return;
        }

        if (draft.Target is { } target && !(target == RuleTarget.Village ? metric.AppliesToVillages : metric.AppliesToTownships))
        {
            problems.Add(new(id, path + ".metric", RuleProblemCodes.MetricNotForTarget,
                $"The metric '{metric.Name}' does not apply to {(target == RuleTarget.Village ? "village" : "township")} rule sets."));
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
                Add(".comparison", RuleProblemCodes.InvalidComparison, $"The category metric '{Metric.Name}' takes only 'oneOf'.");
            }
            else if (Condition.Values.IsDefaultOrEmpty)
            {
                Add(".values", RuleProblemCodes.Missing, "'oneOf' needs at least one value.");
            }
            else
            {
                Values();
                if (Condition.Unit != Unit.None)
                {
                    Add(".unit", RuleProblemCodes.WrongUnit, $"The category metric '{Metric.Name}' has no unit.");
                }
            }
        }

        public void Numeric()
        {
            if (Condition.Comparison == Comparison.OneOf || !Enum.IsDefined(Condition.Comparison))
            {
                Add(".comparison", RuleProblemCodes.InvalidComparison, $"The numeric metric '{Metric.Name}' takes atLeast, greaterThan, atMost, lessThan or equalTo.");
            }

            if (Condition.Unit != Metric.Unit)
            {
                Add(".unit", RuleProblemCodes.WrongUnit, $"The metric '{Metric.Name}' is measured in '{UnitNames.Name(Metric.Unit)}', not '{UnitNames.Name(Condition.Unit)}'.");
            }

            if (Condition.Threshold is not { } threshold)
            {
                Add(".threshold", RuleProblemCodes.MissingThreshold, "A numeric criterion needs a threshold.");
                return;
            }

            foreach (var reason in ThresholdProblems(threshold))
            {
                Add(".threshold", RuleProblemCodes.InvalidValue, reason);
            }
        }

        private void Values()
        {
            for (var i = 0; i < Condition.Values.Length; i++)
            {
                if (!Metric.Categories.Contains(Condition.Values[i], StringComparer.Ordinal))
                {
                    Add(string.Create(CultureInfo.InvariantCulture, $".values[{i}]"), RuleProblemCodes.InvalidValue,
                        $"'{Condition.Values[i]}' is not a value of '{Metric.Name}'; expected one of {string.Join(", ", Metric.Categories)}.");
                }
            }
        }

        private IEnumerable<string> ThresholdProblems(decimal threshold)
        {
            var unit = UnitNames.Name(Metric.Unit);
            if (threshold < 0)
            {
                yield return "A threshold must not be negative.";
            }

            if (Metric.Kind == MetricKind.Count && decimal.Truncate(threshold) != threshold)
            {
                yield return $"'{Metric.Name}' counts whole {unit}: the threshold must be a whole number.";
            }

            // A count is a 64-bit whole number: past it no record could ever pass, and advice would ask for more than can be held.
            if (Metric.Kind == MetricKind.Count && (threshold > long.MaxValue || (threshold == long.MaxValue && Condition.Comparison == Comparison.GreaterThan)))
            {
                yield return $"'{Metric.Name}' holds at most {long.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} {unit}: no record can meet {DecimalText.Format(threshold)}.";
            }

            // Share thresholds are multiplied by counts up to long.MaxValue; keep the product inside decimal's range.
            if (Metric.Numerator is { AtMostHouseholds: true } && threshold > 1m)
            {
                yield return $"A share of households is a fraction of one: at most 1 (0.1 is 10%); {DecimalText.Format(threshold)} would be {DecimalText.Format(threshold * 100m)}%.";
            }

            if (Metric.Kind == MetricKind.Share && threshold > 1_000_000m)
            {
                yield return "A share threshold must be at most 1,000,000 (a fraction: 0.1 is 10%).";
            }
        }

        private void Add(string member, string code, string message) => Problems.Add(new(Id, Path + member, code, message));
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

    /// <summary>Reports a required field as missing, unless a problem at or under its path was reported already.</summary>
    public void AddMissing(List<RuleProblem> problems, string path, string message)
    {
        if (!Reported.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal)))
        {
            problems.Add(new(Id ?? "?", path, RuleProblemCodes.Missing, message));
        }
    }

    public RuleSet? TryCreate(List<RuleProblem> problems)
    {
        if (Target is null)
        {
            AddMissing(problems, "$.target", "A rule set needs a target: village or township.");
        }

        RuleSetValidator.Validate(this, problems);
        return problems.Count > 0
            ? null
            : new RuleSet(new RuleSetId(Id!), Version!, Title!, Description, Target!.Value, EffectiveYears!.Value, Citation, Criteria!) { Titles = Titles };
    }
}

