using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// Writes scored rows as JSON Lines, one object per input row, in the verdicts contract: <c>line</c>,
/// <c>village_code</c>, <c>year</c>, <c>verdict</c> (<c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c>,
/// <c>invalid</c>), <c>rule_set</c> (<c>id</c>, <c>version</c>, <c>hash</c>), <c>criteria</c> (each <c>id</c>,
/// <c>outcome</c>, <c>actual</c>, <c>threshold</c>, <c>unit</c>, <c>shortfall</c>) and, for invalid rows,
/// <c>errors</c> (each <c>line</c>, <c>field</c>, <c>code</c>, <c>value</c>, <c>message</c>). The one JSON writer of
/// verdicts: the constant parts of a line (rule set, criterion ids, thresholds, units) are written once per rule set
/// and reused, so a line costs only its figures.
/// </summary>
/// <remarks>
/// Pure and thread-safe, so lines can be formatted in parallel (see
/// <see cref="BatchScorer.ScoreSelect{T}(IEnumerable{InputRow}, Func{ScoredRow, T}, BatchCounts?, CancellationToken)"/>)
/// and written in order.
/// </remarks>
public static class VerdictJsonWriter
{
    private static readonly ConditionalWeakTable<RuleSet, Parts> Cache = [];

    [ThreadStatic]
    private static StringBuilder? builder;

    /// <summary>Formats one scored row as one JSON line, without the line break.</summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows (valid rows carry theirs in the verdict).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or <paramref name="ruleSet"/> is null.</exception>
    public static string FormatLine(ScoredRow row, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var sb = builder ??= new StringBuilder(1024);
        sb.Clear();
        sb.Append("{\"line\":").Append(row.Line.ToString(CultureInfo.InvariantCulture)).Append(",\"village_code\":").AppendString(row.Key);
        sb.Append(",\"year\":").Append(row.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) : "null");
        sb.Append(",\"verdict\":\"").Append(row.StatusName).Append('"');
        if (row.Verdict is { Eligibility: not Eligibility.Invalid } verdict)
        {
            var parts = PartsOf(verdict.RuleSet);
            sb.Append(parts.RuleSet).Append(",\"criteria\":");
            AppendCriteria(sb, verdict, parts);
        }
        else
        {
            sb.Append(PartsOf(row.Verdict?.RuleSet ?? ruleSet).RuleSet).Append(",\"errors\":[");
            var first = true;
            foreach (var p in row.Problems)
            {
                sb.Append(first ? "{\"line\":" : ",{\"line\":").Append((p.Line ?? row.Line).ToString(CultureInfo.InvariantCulture));
                sb.Append(",\"field\":").AppendString(p.Field).Append(",\"code\":").AppendString(p.Code);
                sb.Append(",\"value\":").AppendString(p.Value).Append(",\"message\":").AppendString(p.Message).Append('}');
                first = false;
            }

            sb.Append(']');
        }

        var line = sb.Append('}').ToString();
        if (sb.Capacity > 1 << 16)
        {
            builder = null;
        }

        return line;
    }

    /// <summary>
    /// Formats a verdict's criteria (all but a root group, whose outcome is the verdict) as the JSON array the verdict
    /// lines carry in <c>criteria</c>: for township verdicts and any other place that embeds them.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The JSON array text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verdict"/> is null.</exception>
    public static string FormatCriteria(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var sb = new StringBuilder(512);
        AppendCriteria(sb, verdict, PartsOf(verdict.RuleSet));
        return sb.ToString();
    }

    /// <summary>The rule set as verdict lines name it: <c>{"id":…,"version":…,"hash":…}</c>.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The JSON object text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static string FormatRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return PartsOf(ruleSet).RuleSet[",\"rule_set\":".Length..];
    }

    private static Parts PartsOf(RuleSet ruleSet) => Cache.GetValue(ruleSet, static r => new Parts(r));

    private static void AppendCriteria(StringBuilder sb, Verdict verdict, Parts parts)
    {
        sb.Append('[');
        var first = true;
        foreach (ref readonly var r in verdict.ExplainedInOrder)
        {
            var part = parts.For(r.Criterion);
            sb.Append(first ? "" : ",").Append(part.Head).Append(StatusNames.Name(r.Outcome)).Append('"');
            first = false;
            if (r.Criterion is Condition { Comparison: Comparison.OneOf })
            {
                sb.Append(",\"actual\":").AppendString(r.Category);
                if (r.ValueFromName)
                {
                    // Where the value came from, when not from a column.
                    sb.Append(",\"source\":\"village_name\"");
                }
            }
            else if (r.Criterion is Condition)
            {
                sb.Append(",\"actual\":");
                if (r.Denominator is { } d && r.Observed is { } n && d != 0)
                {
                    sb.AppendNumber(Math.Round(n / d, 6, MidpointRounding.ToZero)).Append(",\"observed\":").AppendNumber(n).Append(",\"households\":").AppendNumber(d);
                }
                else if (r.Observed is { } o)
                {
                    sb.AppendNumber(o);
                }
                else
                {
                    sb.Append("null");
                }
            }

            sb.Append(part.Tail).Append(",\"shortfall\":");
            if (r.Shortfall is { } s)
            {
                sb.Append("{\"amount\":").AppendNumber(s.Amount).Append(",\"unit\":\"").Append(UnitNames.Name(s.Unit)).Append("\"}}");
            }
            else
            {
                sb.Append("null}");
            }
        }

        sb.Append(']');
    }

    /// <summary>The constant text of a rule set's lines, escaped once.</summary>
    private sealed class Parts
    {
        private readonly Dictionary<Criterion, (string Head, string Tail)> _byCriterion = new(ReferenceEqualityComparer.Instance);

        public Parts(RuleSet ruleSet)
        {
            RuleSet = new StringBuilder(",\"rule_set\":{\"id\":").AppendString(ruleSet.Id.Value).Append(",\"version\":").AppendString(ruleSet.Version)
                .Append(",\"hash\":").AppendString(ruleSet.ContentHash).Append('}').ToString();
            foreach (var criterion in ruleSet.Criteria.DescendantsAndSelf())
            {
                var head = "{\"id\":" + JsonText.Quote(criterion.Id) + ",\"outcome\":\"";
                var tail = criterion switch
                {
                    Condition { Comparison: Comparison.OneOf } c => ",\"threshold\":[" + string.Join(",", c.Values.Select(JsonText.Quote)) + "]",
                    Condition c => ",\"threshold\":" + DecimalText.Format(c.Threshold ?? 0m) + ",\"unit\":" + JsonText.Quote(UnitNames.Name(c.Unit)),
                    _ => string.Empty,
                };
                _byCriterion[criterion] = (head, tail);
            }
        }

        public string RuleSet { get; }

        public (string Head, string Tail) For(Criterion criterion) => _byCriterion[criterion];
    }
}
