using System.Globalization;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Rules;

/// <summary>
/// A rule set's JSON properties in their one order — id, version, title, description, target, effectiveYears,
/// citation, criteria; in a criterion id, title, allOf/anyOf or metric, comparison, values or threshold and unit,
/// citation — absent values left out. The canonical form (<see cref="RuleSetCanonicalForm"/>) is this walk without
/// translations, compact; the file form (<c>RuleSetJson.Save</c>) is the same walk with each translation after the
/// text it translates.
/// </summary>
internal static class RuleSetJsonShape
{
    /// <summary>Writes a rule set; <paramref name="translations"/> adds <c>titles</c>, <c>sources</c> and <c>quotes</c>.</summary>
    public static void Write(IJsonSink w, RuleSet ruleSet, bool translations)
    {
        w.StartObject();
        Property(w, "id", ruleSet.Id.Value);
        Property(w, "version", ruleSet.Version);
        Property(w, "title", ruleSet.Title);
        Translated(w, "titles", ruleSet.Titles, translations);
        Property(w, "description", ruleSet.Description);
        Property(w, "target", ruleSet.Target == RuleTarget.Village ? "village" : "township");
        Years(w, ruleSet.EffectiveYears);
        Cited(w, ruleSet.Citation, translations);
        w.Name("criteria");
        Node(w, ruleSet.Criteria, translations);
        w.EndObject();
    }

    private static void Years(IJsonSink w, YearRange years)
    {
        w.Name("effectiveYears");
        w.StartObject();
        w.Name("from");
        w.Number(years.From.ToString(CultureInfo.InvariantCulture));
        w.Name("to");
        if (years.To is { } to)
        {
            w.Number(to.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            w.String(null);
        }

        w.EndObject();
    }

    private static void Node(IJsonSink w, Criterion node, bool translations)
    {
        w.StartObject();
        Property(w, "id", node.Id);
        Property(w, "title", node.Title);
        Translated(w, "titles", node.Titles, translations);
        switch (node)
        {
            case CriterionGroup group:
                Children(w, group, translations);
                break;
            case Condition condition:
                Condition(w, condition);
                break;
        }

        Cited(w, node.Citation, translations);
        w.EndObject();
    }

    private static void Children(IJsonSink w, CriterionGroup group, bool translations)
    {
        w.Name(group.Kind == GroupKind.AllOf ? "allOf" : "anyOf");
        w.StartArray();
        foreach (var child in group.Children)
        {
            Node(w, child, translations);
        }

        w.EndArray();
    }

    /// <summary>A condition's metric and comparison, then its values (one-of) or its threshold and unit.</summary>
    private static void Condition(IJsonSink w, Condition c)
    {
        Property(w, "metric", c.Metric.Name);
        Property(w, "comparison", UnitNames.Name(c.Comparison));
        if (c.Comparison == Comparison.OneOf)
        {
            w.Name("values");
            w.StartArray();
            foreach (var value in c.Values)
            {
                w.String(value);
            }

            w.EndArray();
            return;
        }

        w.Name("threshold");
        w.Number(DecimalText.Format(c.Threshold!.Value));
        Property(w, "unit", UnitNames.Name(c.Unit));
    }

    private static void Cited(IJsonSink w, Citation? citation, bool translations)
    {
        if (citation is null)
        {
            return;
        }

        w.Name("citation");
        w.StartObject();
        Property(w, "source", citation.Source);
        Translated(w, "sources", citation.Sources, translations);
        Property(w, "url", citation.Url);
        Property(w, "quote", citation.Quote);
        Translated(w, "quotes", citation.Quotes, translations);
        w.EndObject();
    }

    private static void Translated(IJsonSink w, string name, Translations texts, bool translations)
    {
        if (!translations || texts.Count == 0)
        {
            return;
        }

        w.Name(name);
        w.StartObject();
        foreach (var (language, text) in texts)
        {
            Property(w, language, text);
        }

        w.EndObject();
    }

    private static void Property(IJsonSink w, string name, string? value)
    {
        if (value is not null)
        {
            w.Name(name);
            w.String(value);
        }
    }
}
