using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Json;

/// <summary>
/// Reads a <see cref="ColumnMap"/> from JSON: one object, each property a header as written and its value the field it
/// supplies — <c>{"户籍人口户数": "households", "销售（万）": "年销售额(万元)"}</c>.
/// </summary>
/// <remarks>
/// Read with the rule files' limits: at most <see cref="RuleSetJson.MaxLength"/> characters (counted as they are read,
/// so <c>/dev/zero</c> is refused, never read whole), and a header given twice is an error with its line.
/// Thread-safe.
/// </remarks>
public static class ColumnMapJson
{
    /// <summary>Reads a map file (UTF-8).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file is longer than <see cref="RuleSetJson.MaxLength"/> characters, or not one JSON object of strings, or a header is given twice, or a target is unknown; the message names the file and the line.</exception>
    public static ColumnMap LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        return BoundedText.ReadAtMost(stream, RuleSetJson.MaxLength) is { } json ? Parse(json, path) : throw TooLong(path);
    }

    /// <summary>Reads a map from JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">The file's name, for messages.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">The text is longer than <see cref="RuleSetJson.MaxLength"/> characters, or not one JSON object of strings, or a header is given twice, or a target is unknown.</exception>
    public static ColumnMap Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var where = source ?? "column map";
        if (json.Length > RuleSetJson.MaxLength)
        {
            throw TooLong(where);
        }

        var map = Read(json, where);

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

    private static JObject Read(string json, string where)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { MaxDepth = 4, DateParseHandling = DateParseHandling.None };
            var settings = new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, LineInfoHandling = LineInfoHandling.Load };
            return JToken.ReadFrom(reader, settings) as JObject ?? throw new InvalidDataException($"{where}: a column map is one JSON object, {{\"header\": \"field\"}}.");
        }
        catch (JsonReaderException ex) when (ex.Message.StartsWith("Property with the name", StringComparison.Ordinal))
        {
            var name = ex.Message.Split('\'')[1];
            throw new InvalidDataException($"{where}:{ex.LineNumber}: the header '{name}' is given twice; give each header once.", ex);
        }
        catch (JsonException ex)
        {
            // The reader's message names the line and position.
            throw new InvalidDataException($"{where}: not JSON ({ex.Message})", ex);
        }
    }

    private static InvalidDataException TooLong(string where) =>
        new($"{where}: the column map is longer than the limit of {RuleSetJson.MaxLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters; it is not read further.");
}
