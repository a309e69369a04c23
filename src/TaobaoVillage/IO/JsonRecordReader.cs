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
public static class JsonRecordReader
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
                yield return InputRow.Unreadable(lineNumber, source, new RecordProblem("*", null, RecordProblemCodes.TooLong, $"The line is {length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters long; the limit is {options.MaxLineLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}."));
                continue;
            }

            var line = buffer.ToString();
            if (string.IsNullOrWhiteSpace(line))
            {
                if (!more)
                {
                    break;
                }

                continue;
            }

            InputRow row;
            try
            {
                using var json = NewReader(new StringReader(line), options.MaxDepth);
                if (!json.Read() || json.TokenType != JsonToken.StartObject)
                {
                    row = InputRow.Unreadable(lineNumber, source, new RecordProblem("*", Shorten(line), RecordProblemCodes.Malformed, "A JSON Lines row is one JSON object."));
                }
                else
                {
                    row = ReadObject(json, cache, lineNumber, source, options, j => JsonNumberText.EndingAt(line, j.LinePosition));
                    if (json.Read())
                    {
                        row = InputRow.Unreadable(lineNumber, source, new RecordProblem("*", Shorten(line), RecordProblemCodes.Malformed, "Unexpected content after the object."), row.Parsed.Key);
                    }
                }
            }
            catch (JsonException ex)
            {
                row = InputRow.Unreadable(lineNumber, source, new RecordProblem("*", Shorten(line), RecordProblemCodes.Malformed, "Malformed JSON: " + FirstSentence(ex.Message)));
            }

            yield return row;
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

    private static IEnumerable<InputRow> ReadArray(TextReader reader, string? source, JsonRecordReaderOptions options)
    {
        var cache = new SchemaCache(options.InferCommitteeFromName, options.Columns);

        // The element budget bounds memory whatever one element holds; nesting is checked per element, not by the
        // parser, so that one element too deep is rejected alone and the next ones are still read.
        var window = new TextWindow(reader, Math.Max(options.MaxLineLength, 1 << 16) + 8192);
        using var json = NewReader(window, maxDepth: null);
        var state = 0; // 0: before the array, 1: inside, 2: after.
        while (true)
        {
            InputRow? row = null;
            var stop = false;
            long line = Math.Max(1, json.LineNumber);
            if (state == 1 && json.TokenType is JsonToken.EndObject or JsonToken.StartArray)
            {
                window.ResetBudget();
            }
            try
            {
                if (!json.Read())
                {
                    if (state != 2)
                    {
                        row = InputRow.Unreadable(line, source, new RecordProblem("*", null, RecordProblemCodes.Malformed,
                            state == 0 ? "The file holds no JSON array." : "The file ends inside the array: it is truncated."));
                    }

                    stop = true;
                }
                else if (state == 0)
                {
                    if (json.TokenType != JsonToken.StartArray)
                    {
                        row = InputRow.Unreadable(line, source, new RecordProblem("*", null, RecordProblemCodes.Malformed, "A JSON records file is an array of objects."));
                        stop = true;
                    }

                    state = 1;
                }
                else if (state == 1 && json.TokenType == JsonToken.EndArray)
                {
                    state = 2;
                }
                else if (state == 1 && json.TokenType == JsonToken.StartObject)
                {
                    row = ReadObject(json, cache, json.LineNumber, source, options, j => window.NumberEndingAt(j.LineNumber, j.LinePosition));
                    window.ResetBudget();
                }
                else if (state == 1)
                {
                    row = InputRow.Unreadable(json.LineNumber, source, new RecordProblem("*", null, RecordProblemCodes.Malformed, $"An array element is a {json.TokenType}, not an object."));
                    json.Skip();
                }
                else
                {
                    row = InputRow.Unreadable(json.LineNumber, source, new RecordProblem("*", null, RecordProblemCodes.Malformed, "Unexpected content after the array."));
                    stop = true;
                }
            }
            catch (ElementTooLongException ex)
            {
                // Past the budget the element cannot be skipped without reading it: the rest of the file is one rejected row.
                row = InputRow.Unreadable(line, source, new RecordProblem("*", null, RecordProblemCodes.TooLong,
                    $"An element is longer than {ex.Limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters; the rest of the file is not read."));
                stop = true;
            }
            catch (JsonException ex)
            {
                // A syntax error inside an array cannot be skipped: report the rest of the file as one rejected row.
                row = InputRow.Unreadable(ex is JsonReaderException r && r.LineNumber > 0 ? r.LineNumber : line, source,
                    new RecordProblem("*", null, RecordProblemCodes.Malformed, "Malformed JSON; the rest of the file is not read: " + FirstSentence(ex.Message)));
                stop = true;
            }

            if (row is { } r2)
            {
                yield return r2;
            }

            if (stop)
            {
                yield break;
            }
        }
    }

    private static InputRow ReadObject(JsonTextReader json, SchemaCache cache, long line, string? source, JsonRecordReaderOptions options, Func<JsonTextReader, string?> rawNumber)
    {
        var names = new List<string>(16);
        var values = new List<string?>(16);
        string? problemField = null;
        var problem = string.Empty;
        var closed = false;
        var depth = json.Depth;
        while (json.Read())
        {
            if (json.TokenType == JsonToken.EndObject)
            {
                closed = true;
                break;
            }

            var name = (string)json.Value!;
            if (!json.Read())
            {
                break;
            }

            switch (json.TokenType)
            {
                case JsonToken.String:
                    var text = (string)json.Value!;
                    if (text.Length > options.MaxLineLength)
                    {
                        (problemField, problem) = (problemField ?? name, "The string is too long.");
                        text = string.Empty;
                    }

                    names.Add(name);
                    values.Add(text);
                    break;
                case JsonToken.Integer:
                case JsonToken.Float:
                    // The number as written, never the parser's rounded value: the schema reads it exactly or rejects it.
                    // NaN and Infinity have no digits: their names go to the schema, which refuses them as not numbers.
                    if ((rawNumber(json) ?? (json.Value is double d && !double.IsFinite(d) ? d.ToString(CultureInfo.InvariantCulture) : null)) is { } raw)
                    {
                        names.Add(name);
                        values.Add(raw);
                    }
                    else
                    {
                        (problemField, problem) = (problemField ?? name, "The number's digits could not be read back exactly.");
                    }

                    break;
                case JsonToken.Boolean:
                    names.Add(name);
                    values.Add((bool)json.Value! ? "true" : "false");
                    break;
                case JsonToken.Null:
                case JsonToken.Undefined:
                    names.Add(name);
                    values.Add(null);
                    break;
                default:
                    // Levels as the parser counts them: the record object is one, a list in a field two.
                    var deepest = SkipMeasuringDepth(json) - depth + 1;
                    (problemField, problem) = (problemField ?? name, deepest > options.MaxDepth
                        ? $"The value is nested {deepest} levels deep; the limit is {options.MaxDepth}."
                        : "Expected a string, number or null.");
                    break;
            }
        }

        var schema = cache.For(names);
        var parsed = schema.Parse(values);
        if (!closed)
        {
            return InputRow.Unreadable(line, source, new RecordProblem("*", null, RecordProblemCodes.Malformed, "The object is not closed: the text is truncated."), parsed.Key);
        }

        if (problemField is not null)
        {
            var field = RecordSchema.ContractFieldOf(problemField) ?? problemField;
            return InputRow.Unreadable(line, source, new RecordProblem(field, null, RecordProblemCodes.Malformed, problem), parsed.Key);
        }

        return new InputRow(line, source, parsed);
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
