using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Json;

/// <summary>
/// Reads a <see cref="ColumnMap"/> from JSON: one object, each property a header as written and its value the field it
/// supplies — <c>{"户籍人口户数": "households", "销售（万）": "年销售额(万元)"}</c>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class ColumnMapJson
{
    /// <summary>Reads a map file (UTF-8).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The text is not one JSON object of strings, or a target is unknown; the message names the file, the line and the column.</exception>
    public static ColumnMap LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a map from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">The text is not one JSON object of strings, or a target is unknown.</exception>
    public static ColumnMap Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var where = source ?? "column map";
        JObject map;
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { MaxDepth = 4 };
            map = JToken.ReadFrom(reader) as JObject ?? throw new InvalidDataException($"{where}: a column map is one JSON object, {{\"header\": \"field\"}}.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{where}: not JSON ({ex.Message})", ex);
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in map.Properties())
        {
            if (property.Value is not JValue { Type: JTokenType.String } value)
            {
                var line = ((IJsonLineInfo)property).LineNumber;
                throw new InvalidDataException($"{where}:{line}: '{property.Name}' must map to a field name in quotes, such as \"{Metric.Households.Name}\".");
            }

            pairs.Add(new(property.Name, (string)value!));
        }

        try
        {
            return ColumnMap.Create(pairs);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{where}: {ex.Message.Replace(" (Parameter 'columns')", string.Empty, StringComparison.Ordinal)}", ex);
        }
    }
}
