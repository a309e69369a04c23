using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Rules;

/// <summary>
/// The canonical text of a rule set and its content hash, owned by the rule model so that no change to a file format
/// can change a hash already stamped into verdict files.
/// </summary>
/// <remarks>
/// Scheme <c>sha256</c> (the first): SHA-256 of the UTF-8 bytes of a compact JSON text with the properties in a
/// fixed order (id, version, title, description, target, effectiveYears, citation, criteria; in a criterion id,
/// title, allOf/anyOf or metric, comparison, values or threshold and unit, citation), absent values left out,
/// thresholds without trailing zeros, strings escaped as JSON requires. A later scheme would carry another name in
/// front of the ':'. Documented in docs/formats.md. Thread-safe.
/// </remarks>
internal static class RuleSetCanonicalForm
{
    /// <summary>The name of the hash scheme, written before the ':'.</summary>
    public const string Scheme = "sha256";

    public static string Hash(string canonical) =>
        Scheme + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    public static string Write(RuleSet ruleSet)
    {
        var w = new StringBuilder(1024);
        w.Append('{');
        Property(w, "id", ruleSet.Id.Value, first: true);
        Property(w, "version", ruleSet.Version);
        Property(w, "title", ruleSet.Title);
        Property(w, "description", ruleSet.Description);
        Property(w, "target", ruleSet.Target == RuleTarget.Village ? "village" : "township");
        w.Append(",\"effectiveYears\":{\"from\":").Append(ruleSet.EffectiveYears.From.ToString(CultureInfo.InvariantCulture))
            .Append(",\"to\":").Append(ruleSet.EffectiveYears.To is { } to ? to.ToString(CultureInfo.InvariantCulture) : "null").Append('}');
        Citation(w, ruleSet.Citation);
        w.Append(",\"criteria\":");
        Node(w, ruleSet.Criteria);
        return w.Append('}').ToString();
    }

    private static void Node(StringBuilder w, Criterion node)
    {
        w.Append('{');
        Property(w, "id", node.Id, first: true);
        Property(w, "title", node.Title);
        switch (node)
        {
            case CriterionGroup group:
                w.Append(group.Kind == GroupKind.AllOf ? ",\"allOf\":[" : ",\"anyOf\":[");
                for (var i = 0; i < group.Children.Length; i++)
                {
                    w.Append(i == 0 ? "" : ",");
                    Node(w, group.Children[i]);
                }

                w.Append(']');
                break;
            case Condition c:
                Property(w, "metric", c.Metric.Name);
                Property(w, "comparison", UnitNames.Name(c.Comparison));
                if (c.Comparison == Comparison.OneOf)
                {
                    w.Append(",\"values\":[");
                    for (var i = 0; i < c.Values.Length; i++)
                    {
                        w.Append(i == 0 ? "" : ",");
                        w.AppendString(c.Values[i]);
                    }

                    w.Append(']');
                }
                else
                {
                    w.Append(",\"threshold\":").Append(DecimalText.Format(c.Threshold!.Value));
                    Property(w, "unit", UnitNames.Name(c.Unit));
                }

                break;
        }

        Citation(w, node.Citation);
        w.Append('}');
    }

    private static void Citation(StringBuilder w, Citation? citation)
    {
        if (citation is null)
        {
            return;
        }

        w.Append(",\"citation\":{");
        Property(w, "source", citation.Source, first: true);
        Property(w, "url", citation.Url);
        Property(w, "quote", citation.Quote);
        w.Append('}');
    }

    private static void Property(StringBuilder w, string name, string? value, bool first = false)
    {
        if (value is null)
        {
            return;
        }

        w.Append(first ? "\"" : ",\"").Append(name).Append("\":");
        w.AppendString(value);
    }
}
