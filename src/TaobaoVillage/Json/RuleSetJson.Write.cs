using System.Globalization;
using Newtonsoft.Json;
using TaobaoVillage.Domain;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Json;

/// <summary>The writing side: a rule set as JSON in the file form, the properties in <see cref="RuleSetJsonShape"/>'s order.</summary>
public static partial class RuleSetJson
{
    private static string Write(RuleSet ruleSet, bool indented)
    {
        if (!indented)
        {
            var compact = new CompactJson();
            RuleSetJsonShape.Write(compact, ruleSet, translations: true);
            return compact.ToString();
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            RuleSetJsonShape.Write(new NewtonsoftSink(w), ruleSet, translations: true);
        }

        return text.ToString();
    }

    /// <summary>Newtonsoft.Json's writer behind the shape's tokens, for its indentation.</summary>
    private sealed class NewtonsoftSink(JsonWriter w) : IJsonSink
    {
        public void StartObject() => w.WriteStartObject();

        public void EndObject() => w.WriteEndObject();

        public void StartArray() => w.WriteStartArray();

        public void EndArray() => w.WriteEndArray();

        public void Name(string name) => w.WritePropertyName(name);

        public void String(string? value) => w.WriteValue(value);

        public void Number(string json) => w.WriteRawValue(json);
    }
}
