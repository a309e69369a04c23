using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// The fast path of <see cref="VerdictJsonWriter.FormatLine"/> for rows with a verdict: the constant parts of a line
/// (rule set, criterion ids, thresholds, units) are escaped once per rule set with Newtonsoft.Json and reused, so a
/// line costs only its numbers. The output is character for character what <see cref="VerdictJsonWriter.Write"/>
/// writes through a <see cref="JsonTextWriter"/> (a property test holds the two together).
/// </summary>
internal sealed class VerdictLineFormatter
{
    private static readonly ConditionalWeakTable<RuleSet, VerdictLineFormatter> Cache = [];

    [ThreadStatic]
    private static StringBuilder? builder;

    private readonly string _ruleSetJson;
    private readonly Part[] _parts;
    private readonly int _first;

    private VerdictLineFormatter(RuleSet ruleSet)
    {
        _ruleSetJson = ",\"rule_set\":{\"id\":" + JsonConvert.ToString(ruleSet.Id.Value) + ",\"version\":" + JsonConvert.ToString(ruleSet.Version)
            + ",\"hash\":" + JsonConvert.ToString(ruleSet.ContentHash) + "}";
        _parts = ruleSet.ExplainedCriteria.Select(c => new Part(c)).ToArray();
        _first = ruleSet.FirstExplainedIndex;
    }

    public static VerdictLineFormatter For(RuleSet ruleSet) => Cache.GetValue(ruleSet, static r => new VerdictLineFormatter(r));

    public string Format(ScoredRow row, Verdict verdict)
    {
        var sb = builder ??= new StringBuilder(1024);
        sb.Clear();
        sb.Append("{\"line\":").Append(row.Line.ToString(CultureInfo.InvariantCulture));
        sb.Append(",\"village_code\":");
        AppendString(sb, row.Key);
        sb.Append(",\"year\":");
        if (row.Year is { } year)
        {
            sb.Append(year.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("null");
        }

        sb.Append(",\"verdict\":\"").Append(row.StatusName).Append('"');
        sb.Append(_ruleSetJson);
        sb.Append(",\"criteria\":[");
        var criteria = verdict.Criteria;
        for (var i = 0; i < _parts.Length; i++)
        {
            var r = criteria[i + _first];
            var part = _parts[i];
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(part.Head).Append(StatusNames.Name(r.Outcome)).Append('"');
            switch (part.Kind)
            {
                case PartKind.Category:
                    sb.Append(",\"actual\":");
                    AppendString(sb, r.Category);
                    if (r.ValueFromName)
                    {
                        sb.Append(",\"source\":\"village_name\"");
                    }

                    sb.Append(part.Tail);
                    break;
                case PartKind.Numeric:
                    sb.Append(",\"actual\":");
                    if (r.Denominator is { } d && r.Observed is { } n && d != 0)
                    {
                        AppendNumber(sb, Math.Round(n / d, 6, MidpointRounding.ToZero));
                        sb.Append(",\"observed\":");
                        AppendNumber(sb, n);
                        sb.Append(",\"households\":");
                        AppendNumber(sb, d);
                    }
                    else if (r.Observed is { } o)
                    {
                        AppendNumber(sb, o);
                    }
                    else
                    {
                        sb.Append("null");
                    }

                    sb.Append(part.Tail);
                    break;
            }

            sb.Append(",\"shortfall\":");
            if (r.Shortfall is { } s)
            {
                sb.Append("{\"amount\":");
                AppendNumber(sb, s.Amount);
                sb.Append(",\"unit\":\"").Append(UnitNames.Name(s.Unit)).Append("\"}");
            }
            else
            {
                sb.Append("null");
            }

            sb.Append('}');
        }

        sb.Append("]}");
        var line = sb.ToString();
        if (sb.Capacity > 1 << 16)
        {
            builder = null;
        }

        return line;
    }

    private static void AppendNumber(StringBuilder sb, decimal value)
    {
        Span<char> buffer = stackalloc char[40];
        if (value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            sb.Append(buffer[..written]);
        }
        else
        {
            sb.Append(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AppendString(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }

        foreach (var c in value)
        {
            // Anything Newtonsoft might escape goes through Newtonsoft.
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7f)
            {
                sb.Append(JsonConvert.ToString(value));
                return;
            }
        }

        sb.Append('"').Append(value).Append('"');
    }

    private enum PartKind
    {
        Group,
        Category,
        Numeric,
    }

    private sealed class Part
    {
        public Part(Criterion criterion)
        {
            Head = "{\"id\":" + JsonConvert.ToString(criterion.Id) + ",\"outcome\":\"";
            switch (criterion)
            {
                case Condition { Comparison: Comparison.OneOf } c:
                    Kind = PartKind.Category;
                    Tail = ",\"threshold\":[" + string.Join(",", c.Values.Select(JsonConvert.ToString)) + "]";
                    break;
                case Condition c:
                    Kind = PartKind.Numeric;
                    Tail = ",\"threshold\":" + RuleSetJson.FormatNumber(c.Threshold ?? 0m) + ",\"unit\":" + JsonConvert.ToString(UnitNames.Name(c.Unit));
                    break;
                default:
                    Kind = PartKind.Group;
                    Tail = string.Empty;
                    break;
            }
        }

        public PartKind Kind { get; }

        public string Head { get; }

        public string Tail { get; }
    }
}
