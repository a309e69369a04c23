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

        if (node.Citation is { } citation && string.IsNullOrWhiteSpace(citation.Source))
        {
            problems.Add(new(id, path + ".citation.source", RuleProblemCodes.Missing, "A citation needs a source."));
        }

        switch (node)
        {
            case CriterionGroup group:
                var key = group.Kind == GroupKind.AllOf ? "allOf" : "anyOf";
                if (group.Children.IsDefaultOrEmpty)
                {
                    problems.Add(new(id, $"{path}.{key}", RuleProblemCodes.EmptyGroup, $"'{key}' needs at least one criterion."));
                    break;
                }

                for (var i = 0; i < group.Children.Length; i++)
                {
                    var child = group.Children[i];
                    var childPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{key}[{i}]");
                    if (child is null)
                    {
                        problems.Add(new(id, childPath, RuleProblemCodes.InvalidNode, "A criterion is missing."));
                        continue;
                    }

                    ValidateNode(draft, child, childPath, depth + 1, seen, problems);
                }

                break;
            case Condition condition:
                ValidateCondition(draft, condition, path, problems);
                break;
        }
    }

    private static void ValidateCondition(RuleSetDraft draft, Condition condition, string path, List<RuleProblem> problems)
    {
        var id = draft.Id ?? "?";
        var metric = condition.Metric;
        if (metric is null)
        {
            problems.Add(new(id, path + ".metric", RuleProblemCodes.Missing, "A criterion needs a metric."));
            return;
        }

        if (draft.Target is { } target && !(target == RuleTarget.Village ? metric.AppliesToVillages : metric.AppliesToTownships))
        {
            problems.Add(new(id, path + ".metric", RuleProblemCodes.MetricNotForTarget,
                $"The metric '{metric.Name}' does not apply to {(target == RuleTarget.Village ? "village" : "township")} rule sets."));
        }

        if (metric.Kind == MetricKind.Category)
        {
            if (condition.Comparison != Comparison.OneOf)
            {
                problems.Add(new(id, path + ".comparison", RuleProblemCodes.InvalidComparison, $"The category metric '{metric.Name}' takes only 'oneOf'."));
                return;
            }

            if (condition.Values.IsDefaultOrEmpty)
            {
                problems.Add(new(id, path + ".values", RuleProblemCodes.Missing, "'oneOf' needs at least one value."));
                return;
            }

            for (var i = 0; i < condition.Values.Length; i++)
            {
                if (!metric.Categories.Contains(condition.Values[i], StringComparer.Ordinal))
                {
                    problems.Add(new(id, string.Create(CultureInfo.InvariantCulture, $"{path}.values[{i}]"), RuleProblemCodes.InvalidValue,
                        $"'{condition.Values[i]}' is not a value of '{metric.Name}'; expected one of {string.Join(", ", metric.Categories)}."));
                }
            }

            if (condition.Unit != Unit.None)
            {
                problems.Add(new(id, path + ".unit", RuleProblemCodes.WrongUnit, $"The category metric '{metric.Name}' has no unit."));
            }

            return;
        }

        if (condition.Comparison == Comparison.OneOf || !Enum.IsDefined(condition.Comparison))
        {
            problems.Add(new(id, path + ".comparison", RuleProblemCodes.InvalidComparison, $"The numeric metric '{metric.Name}' takes atLeast, greaterThan, atMost, lessThan or equalTo."));
        }

        if (condition.Unit != metric.Unit)
        {
            problems.Add(new(id, path + ".unit", RuleProblemCodes.WrongUnit, $"The metric '{metric.Name}' is measured in '{UnitNames.Name(metric.Unit)}', not '{UnitNames.Name(condition.Unit)}'."));
        }

        if (condition.Threshold is not { } threshold)
        {
            problems.Add(new(id, path + ".threshold", RuleProblemCodes.MissingThreshold, "A numeric criterion needs a threshold."));
            return;
        }

        if (threshold < 0)
        {
            problems.Add(new(id, path + ".threshold", RuleProblemCodes.InvalidValue, "A threshold must not be negative."));
        }

        if (metric.Kind == MetricKind.Count && decimal.Truncate(threshold) != threshold)
        {
            problems.Add(new(id, path + ".threshold", RuleProblemCodes.InvalidValue, $"'{metric.Name}' counts whole {UnitNames.Name(metric.Unit)}: the threshold must be a whole number."));
        }

        // A count is a 64-bit whole number: past it no record could ever pass, and advice would ask for more than can be held.
        if (metric.Kind == MetricKind.Count && (threshold > long.MaxValue || (threshold == long.MaxValue && condition.Comparison == Comparison.GreaterThan)))
        {
            problems.Add(new(id, path + ".threshold", RuleProblemCodes.InvalidValue, $"'{metric.Name}' holds at most {long.MaxValue.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {UnitNames.Name(metric.Unit)}: no record can meet {DecimalText.Format(threshold)}."));
        }

        // Share thresholds are multiplied by counts up to long.MaxValue; keep the product inside decimal's range.
        if (metric.Numerator is { AtMostHouseholds: true } && threshold > 1m)
        {
            problems.Add(new(id, path + ".threshold", RuleProblemCodes.InvalidValue, $"A share of households is a fraction of one: at most 1 (0.1 is 10%); {DecimalText.Format(threshold)} would be {DecimalText.Format(threshold * 100m)}%."));
        }

        if (metric.Kind == MetricKind.Share && threshold > 1_000_000m)
        {
            problems.Add(new(id, path + ".threshold", RuleProblemCodes.InvalidValue, "A share threshold must be at most 1,000,000 (a fraction: 0.1 is 10%)."));
        }
    }
}

/// <summary>An unchecked rule set, as the builder or the JSON reader assembled it.</summary>
internal sealed record RuleSetDraft
{
    public string? Id { get; init; }

    public string? Version { get; init; }

    public string? Title { get; init; }

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
            : new RuleSet(new RuleSetId(Id!), Version!, Title!, Description, Target!.Value, EffectiveYears!.Value, Citation, Criteria!);
    }
}

