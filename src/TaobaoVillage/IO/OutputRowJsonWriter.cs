using System.Globalization;
using System.Text;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// Writes an <see cref="OutputRow"/> (a township verdict, a region summary, a year change) as one JSON object: text as
/// strings, numbers as numbers, unknowns as <c>null</c>, a rule set as <c>{"id","version","hash"}</c>, a verdict as its
/// criteria array, villages as <c>[{"name","code","verdict"}]</c> (docs/formats.md).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class OutputRowJsonWriter
{
    /// <summary>Formats one row as one JSON line, without the line break.</summary>
    /// <param name="fields">The row's fields, from <see cref="OutputRow"/>.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is of a type no format writes.</exception>
    public static string FormatLine(IReadOnlyList<OutputField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sb = new StringBuilder(256).Append('{');
        for (var i = 0; i < fields.Count; i++)
        {
            sb.Append(i == 0 ? "" : ",").AppendString(fields[i].Name).Append(':');
            Value(sb, fields[i]);
        }

        return sb.Append('}').ToString();
    }

    private static void Value(StringBuilder sb, OutputField field)
    {
        switch (field.Value)
        {
            case null: sb.Append("null"); break;
            case string s: sb.AppendString(s); break;
            case int n: sb.Append(n.ToString(CultureInfo.InvariantCulture)); break;
            case long n: sb.Append(n.ToString(CultureInfo.InvariantCulture)); break;
            case decimal d: sb.AppendNumber(d); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case Eligibility e: sb.Append('"').Append(StatusNames.Name(e)).Append('"'); break;
            case RuleSet r: sb.Append(VerdictJsonWriter.FormatRuleSet(r)); break;
            case Verdict v: sb.Append(VerdictJsonWriter.FormatCriteria(v)); break;
            case IReadOnlyList<VillageResult> villages:
                sb.Append('[');
                for (var i = 0; i < villages.Count; i++)
                {
                    sb.Append(i == 0 ? "{\"name\":" : ",{\"name\":").AppendString(villages[i].Village).Append(",\"code\":").AppendString(villages[i].Code)
                        .Append(",\"verdict\":\"").Append(StatusNames.Name(villages[i].Eligibility)).Append("\"}");
                }

                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"The field '{field.Name}' holds a {field.Value.GetType().Name}, which no output format writes.", nameof(field));
        }
    }
}
