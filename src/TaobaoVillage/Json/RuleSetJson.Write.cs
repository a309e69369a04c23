using System.Globalization;
using TaobaoVillage.Domain;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Json;

/// <summary>The writing side: a rule set as JSON, in the file form (the property order of the reader).</summary>
public static partial class RuleSetJson
{
    private static string Write(RuleSet ruleSet, Formatting formatting)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(text) { Formatting = formatting, Indentation = 2 })
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(ruleSet.Id.Value);
            w.WritePropertyName("version");
            w.WriteValue(ruleSet.Version);
            w.WritePropertyName("title");
            w.WriteValue(ruleSet.Title);
            WriteTitles(w, ruleSet.Titles);
            if (ruleSet.Description is not null)
            {
                w.WritePropertyName("description");
                w.WriteValue(ruleSet.Description);
            }

            w.WritePropertyName("target");
            w.WriteValue(ruleSet.Target == RuleTarget.Village ? "village" : "township");
            w.WritePropertyName("effectiveYears");
            w.WriteStartObject();
            w.WritePropertyName("from");
            w.WriteValue(ruleSet.EffectiveYears.From);
            w.WritePropertyName("to");
            w.WriteValue(ruleSet.EffectiveYears.To);
            w.WriteEndObject();
            WriteCitation(w, ruleSet.Citation);
            w.WritePropertyName("criteria");
            WriteNode(w, ruleSet.Criteria);
            w.WriteEndObject();
        }

        return text.ToString();
    }

    private static void WriteTitles(JsonWriter w, Translations titles) => WriteTranslations(w, "titles", titles);

    private static void WriteTranslations(JsonWriter w, string name, Translations titles)
    {
        if (titles.Count == 0)
        {
            return;
        }

        w.WritePropertyName(name);
        w.WriteStartObject();
        foreach (var (language, text) in titles)
        {
            w.WritePropertyName(language);
            w.WriteValue(text);
        }

        w.WriteEndObject();
    }

    private static void WriteNode(JsonWriter w, Criterion node)
    {
        w.WriteStartObject();
        w.WritePropertyName("id");
        w.WriteValue(node.Id);
        if (node.Title is not null)
        {
            w.WritePropertyName("title");
            w.WriteValue(node.Title);
        }

        WriteTitles(w, node.Titles);

        switch (node)
        {
            case CriterionGroup group:
                WriteChildren(w, group);
                break;
            case Condition c:
                WriteCondition(w, c);
                break;
        }

        WriteCitation(w, node.Citation);
        w.WriteEndObject();
    }

    private static void WriteChildren(JsonWriter w, CriterionGroup group)
    {
        w.WritePropertyName(group.Kind == GroupKind.AllOf ? "allOf" : "anyOf");
        w.WriteStartArray();
        foreach (var child in group.Children)
        {
            WriteNode(w, child);
        }

        w.WriteEndArray();
    }

    /// <summary>A condition's metric and comparison, then its values (one-of) or its threshold and unit.</summary>
    private static void WriteCondition(JsonWriter w, Condition c)
    {
        w.WritePropertyName("metric");
        w.WriteValue(c.Metric.Name);
        w.WritePropertyName("comparison");
        w.WriteValue(UnitNames.Name(c.Comparison));
        if (c.Comparison == Comparison.OneOf)
        {
            w.WritePropertyName("values");
            w.WriteStartArray();
            foreach (var v in c.Values)
            {
                w.WriteValue(v);
            }

            w.WriteEndArray();
            return;
        }

        w.WritePropertyName("threshold");
        w.WriteRawValue(DecimalText.Format(c.Threshold!.Value));
        w.WritePropertyName("unit");
        w.WriteValue(UnitNames.Name(c.Unit));
    }

    private static void WriteCitation(JsonWriter w, Citation? citation)
    {
        if (citation is null)
        {
            return;
        }

        w.WritePropertyName("citation");
        w.WriteStartObject();
        w.WritePropertyName("source");
        w.WriteValue(citation.Source);
        WriteTranslations(w, "sources", citation.Sources);
        if (citation.Url is not null)
        {
            w.WritePropertyName("url");
            w.WriteValue(citation.Url);
        }

        if (citation.Quote is not null)
        {
            w.WritePropertyName("quote");
            w.WriteValue(citation.Quote);
        }

        WriteTranslations(w, "quotes", citation.Quotes);

        w.WriteEndObject();
    }
}
