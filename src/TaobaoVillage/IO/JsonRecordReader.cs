using System.Globalization;
using Newtonsoft.Json;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Json;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.IO;

/// <summary>
/// Reads village records from JSON Lines (one object per line) or from a JSON array of objects, streaming with
/// Newtonsoft.Json: the file is never parsed whole. Property names follow the records contract in snake_case or
/// camelCase; numbers are read exactly as decimals.
/// </summary>
/// <remarks>
/// Every row read comes out as an <see cref="InputRow"/>, valid or not: a malformed line is rejected with its line
/// and reading goes on with the next. In a JSON array a syntax error cannot be skipped, so the rest of the file is
/// reported as one rejected row. Static members are thread-safe; each enumeration reads its own reader.
/// </remarks>
public static partial class JsonRecordReader
{
    /// <summary>The default longest line or string value read, in characters (1 MiB); see <see cref="JsonRecordReaderOptions"/>.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>Reads JSON Lines: one object per line; blank lines are skipped.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file's name, for problems.</param>
    /// <param name="options">The limits, or the defaults.</param>
    /// <returns>One row per non-blank line; it can be enumerated once (a second time throws <see cref="InvalidOperationException"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static IEnumerable<InputRow> ReadJsonLines(TextReader reader, string? source = null, JsonRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new SingleUse<InputRow>(TotalRows.CompareWithSums(ReadLines(reader, source, options ?? JsonRecordReaderOptions.Default)), nameof(ReadJsonLines));
    }

    /// <summary>Reads a JSON array of record objects.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file's name, for problems.</param>
    /// <param name="options">The limits, or the defaults.</param>
    /// <returns>One row per array element, and one rejected row if the text breaks off; it can be enumerated once (a second time throws <see cref="InvalidOperationException"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static IEnumerable<InputRow> ReadJsonArray(TextReader reader, string? source = null, JsonRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new SingleUse<InputRow>(TotalRows.CompareWithSums(ReadArray(reader, source, options ?? JsonRecordReaderOptions.Default)), nameof(ReadJsonArray));
    }

    private static IEnumerable<InputRow> ReadLines(TextReader reader, string? source, JsonRecordReaderOptions options)
    {
        var cache = new SchemaCache(options.InferCommitteeFromName, options.Columns);
        long lineNumber = 0;
        var buffer = new System.Text.StringBuilder();
        while (ReadBoundedLine(reader, buffer, options.MaxLineLength, out var length) is var more && (more || length > 0))
        {
            lineNumber++;
            if (length > options.MaxLineLength)
            {
                yield return InputRow.Unreadable(lineNumber, source, RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "line-length", ("length", MessageTemplates.Count(length)), ("limit", MessageTemplates.Count(options.MaxLineLength))));
                continue;
            }

            var line = buffer.ToString();
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return ReadLine(line, lineNumber, source, cache, options);
            }
            else if (!more)
            {
                break;
            }
        }
    }

    /// <summary>Reads one non-blank JSON Lines row: one object, nothing after it.</summary>
    private static InputRow ReadLine(string line, long lineNumber, string? source, SchemaCache cache, JsonRecordReaderOptions options)
    {
        try
        {
            using var json = NewReader(new StringReader(line), options.MaxDepth);
            if (!json.Read() || json.TokenType != JsonToken.StartObject)
            {
                return InputRow.Unreadable(lineNumber, source, RecordProblem.Create("*", Shorten(line), RecordProblemCodes.Malformed, "json-row"));
            }

            var row = ReadObject(json, cache, lineNumber, source, options, j => JsonNumberText.EndingAt(line, j.LinePosition));
            return json.Read()
                ? InputRow.Unreadable(lineNumber, source, RecordProblem.Create("*", Shorten(line), RecordProblemCodes.Malformed, "after-object"), row.Parsed.Key)
                : row;
        }
        catch (JsonException ex)
        {
            return InputRow.Unreadable(lineNumber, source, RecordProblem.Create("*", Shorten(line), RecordProblemCodes.Malformed, "json", ("reason", FirstSentence(ex.Message))));
        }
    }

    /// <summary>
    /// Reads one line (ended by \n, \r or \r\n) into <paramref name="buffer"/>, keeping at most
    /// <paramref name="max"/> characters: a longer line is counted and skipped, never held whole.
    /// </summary>
    /// <returns>Whether a line ending was seen (more may follow).</returns>
    private static bool ReadBoundedLine(TextReader reader, System.Text.StringBuilder buffer, int max, out long length)
    {
        buffer.Clear();
        length = 0;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                return true;
            }

            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                }

                return true;
            }

            length++;
            if (length <= max)
            {
                buffer.Append((char)c);
            }
        }

        return false;
    }

    private static InputRow ReadObject(JsonTextReader json, SchemaCache cache, long line, string? source, JsonRecordReaderOptions options, Func<JsonTextReader, string?> rawNumber)
    {
        var fields = new ObjectFields();
        var closed = ReadFields(json, fields, options, rawNumber);
        var parsed = cache.For(fields.Names).Parse(fields.Values);
        if (!closed)
        {
            return InputRow.Unreadable(line, source, RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "not-closed"), parsed.Key);
        }

        if (fields.ProblemField is { } problemField)
        {
            var field = RecordSchema.ContractFieldOf(problemField) ?? problemField;
            return InputRow.Unreadable(line, source, RecordProblem.Create(field, null, RecordProblemCodes.Malformed, "reason", ("reason", fields.Problem)), parsed.Key);
        }

        return new InputRow(line, source, parsed);
    }

    /// <summary>Reads an object's members up to its end; gives whether the object was closed.</summary>
    private static bool ReadFields(JsonTextReader json, ObjectFields fields, JsonRecordReaderOptions options, Func<JsonTextReader, string?> rawNumber)
    {
        var depth = json.Depth;
        while (json.Read())
        {
            if (json.TokenType == JsonToken.EndObject)
            {
                return true;
            }

            var name = (string)json.Value!;
            if (!json.Read())
            {
                return false;
            }

            ReadValue(json, name, depth, fields, options, rawNumber);
        }

        return false;
    }

    /// <summary>Reads one member's value as text, or notes why it cannot be read.</summary>
    private static void ReadValue(JsonTextReader json, string name, int depth, ObjectFields fields, JsonRecordReaderOptions options, Func<JsonTextReader, string?> rawNumber)
    {
        switch (json.TokenType)
        {
            case JsonToken.String:
                var text = (string)json.Value!;
                if (text.Length > options.MaxLineLength)
                {
                    fields.Fail(name, "The string is too long.");
                    text = string.Empty;
                }

                fields.Add(name, text);
                break;
            case JsonToken.Integer:
            case JsonToken.Float:
                ReadNumber(json, name, fields, rawNumber);
                break;
            case JsonToken.Boolean:
                fields.Add(name, (bool)json.Value! ? "true" : "false");
                break;
            case JsonToken.Null:
            case JsonToken.Undefined:
                fields.Add(name, null);
                break;
            default:
                // Levels as the parser counts them: the record object is one, a list in a field two.
                var deepest = SkipMeasuringDepth(json) - depth + 1;
                fields.Fail(name, deepest > options.MaxDepth
                    ? $"The value is nested {deepest} levels deep; the limit is {options.MaxDepth}."
                    : "Expected a string, number or null.");
                break;
        }
    }

    /// <summary>
    /// Adds the number as written, never the parser's rounded value: the schema reads it exactly or rejects it.
    /// NaN and Infinity have no digits: their names go to the schema, which refuses them as not numbers.
    /// </summary>
    private static void ReadNumber(JsonTextReader json, string name, ObjectFields fields, Func<JsonTextReader, string?> rawNumber)
    {
        if ((rawNumber(json) ?? (json.Value is double d && !double.IsFinite(d) ? d.ToString(CultureInfo.InvariantCulture) : null)) is { } raw)
        {
            fields.Add(name, raw);
        }
        else
        {
            fields.Fail(name, "The number's digits could not be read back exactly.");
        }
    }

    /// <summary>
    /// Skips an array or object without the parser's recursion limit, returning the depth of the deepest container in
    /// it as the parser counts depth (the record object is at <c>depth</c>, a list in one of its fields one deeper).
    /// </summary>
    private static int SkipMeasuringDepth(JsonTextReader json)
    {
        var start = json.Depth;
        var deepest = start;
        while (json.Read() && json.Depth > start)
        {
            if (json.TokenType is JsonToken.StartObject or JsonToken.StartArray)
            {
                deepest = Math.Max(deepest, json.Depth);
            }
        }

        return deepest;
    }

    // Doubles, not decimals: a number too large for decimal must not stop the parser; its value is read from its text.
    private static JsonTextReader NewReader(TextReader reader, int? maxDepth) => new(reader)
    {
        FloatParseHandling = FloatParseHandling.Double,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = maxDepth,
        CloseInput = false,
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    /// <summary>The members of one object read so far, and the first one that could not be read.</summary>
    private sealed class ObjectFields
    {
        public List<string> Names { get; } = new(16);

        public List<string?> Values { get; } = new(16);

        public string? ProblemField { get; private set; }

        public string Problem { get; private set; } = string.Empty;

        public void Add(string name, string? value)
        {
            Names.Add(name);
            Values.Add(value);
        }

        /// <summary>Notes a member that cannot be read; the first one noted is the one reported.</summary>
        public void Fail(string name, string problem) => (ProblemField, Problem) = (ProblemField ?? name, problem);
    }

    /// <summary>Objects of one file almost always share their keys: reuse the schema of the last one.</summary>
    private sealed class SchemaCache(bool inferCommitteeFromName, ColumnMap map)
    {
        private string[] _names = [];
        private RecordSchema? _schema;

        public RecordSchema For(List<string> names)
        {
            if (_schema is null || !names.SequenceEqual(_names, StringComparer.Ordinal))
            {
                _names = [.. names];
                _schema = RecordSchema.FromColumns(_names, inferCommitteeFromName, map);
            }

            return _schema;
        }
    }
}

/// <summary>The limits of <see cref="JsonRecordReader"/>: input past them is rejected row by row, never read whole.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record JsonRecordReaderOptions
{
    /// <summary>The defaults: 1 MiB a line or string, 16 levels of nesting.</summary>
    public static JsonRecordReaderOptions Default { get; } = new();

    /// <summary>The longest line (JSON Lines) or string value read, in characters; longer ones are rejected (<c>too-long</c>, <c>malformed</c>).</summary>
    public int MaxLineLength { get; init; } = JsonRecordReader.MaxLineLength;

    /// <summary>The deepest JSON nesting read; a deeper row is rejected (<c>malformed</c>). A record needs 2 (3 inside an array).</summary>
    public int MaxDepth { get; init; } = 16;

    /// <summary>Whether a record without a committee value takes it from its official name (…村委会, …居委会); on by default.</summary>
    public bool InferCommitteeFromName { get; init; } = true;

    /// <summary>Further names for the contract's fields, beyond the built-in aliases (<see cref="ColumnMap"/>).</summary>
    public ColumnMap Columns { get; init; } = ColumnMap.Empty;
}
