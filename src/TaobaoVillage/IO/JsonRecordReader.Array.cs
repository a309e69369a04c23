using Newtonsoft.Json;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Json;

namespace TaobaoVillage.IO;

/// <summary>The JSON array side of <see cref="JsonRecordReader"/>: one element at a time, within a budget.</summary>
public static partial class JsonRecordReader
{
    private static IEnumerable<InputRow> ReadArray(TextReader reader, string? source, JsonRecordReaderOptions options)
    {
        var cache = new SchemaCache(options.InferCommitteeFromName, options.Columns);

        // The element budget bounds memory whatever one element holds; nesting is checked per element, not by the
        // parser, so that one element too deep is rejected alone and the next ones are still read.
        var window = new TextWindow(reader, Math.Max(options.MaxLineLength, 1 << 16) + 8192);
        using var json = NewReader(window, maxDepth: null);
        var cursor = new ArrayCursor(json, window, cache, source, options);
        while (true)
        {
            var row = cursor.Next(out var stop);
            if (row is { } r)
            {
                yield return r;
            }

            if (stop)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Walks a JSON array of records one element at a time: before the array, inside it, after it. A syntax error
    /// or an element past the budget ends the walk with one rejected row for the rest of the file.
    /// </summary>
    private sealed class ArrayCursor(JsonTextReader json, TextWindow window, SchemaCache cache, string? source, JsonRecordReaderOptions options)
    {
        private const int Before = 0, Inside = 1, After = 2;
        private int _state = Before;

        /// <summary>Reads the next token or element; gives a row if there is one, and whether reading ends.</summary>
        public InputRow? Next(out bool stop)
        {
            long line = Math.Max(1, json.LineNumber);
            if (_state == Inside && json.TokenType is JsonToken.EndObject or JsonToken.StartArray)
            {
                window.ResetBudget();
            }

            try
            {
                return Step(line, out stop);
            }
            catch (ElementTooLongException ex)
            {
                // Past the budget the element cannot be skipped without reading it: the rest of the file is one rejected row.
                stop = true;
                return InputRow.Unreadable(line, source, RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "element", ("limit", MessageTemplates.Count(ex.Limit))));
            }
            catch (JsonException ex)
            {
                // A syntax error inside an array cannot be skipped: report the rest of the file as one rejected row.
                stop = true;
                return InputRow.Unreadable(ex is JsonReaderException r && r.LineNumber > 0 ? r.LineNumber : line, source,
                    RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "json-rest", ("reason", FirstSentence(ex.Message))));
            }
        }

        private InputRow? Step(long line, out bool stop)
        {
            stop = false;
            if (!json.Read())
            {
                stop = true;
                return _state == After ? null : Rejected(line, _state == Before ? "no-array" : "array-truncated");
            }

            if (_state == Before)
            {
                stop = json.TokenType != JsonToken.StartArray;
                _state = Inside;
                return stop ? Rejected(line, "array-of-objects") : null;
            }

            return _state == Inside ? Element(out stop) : Trailing(out stop);
        }

        /// <summary>A token inside the array: its end, a record, or something else, skipped.</summary>
        private InputRow? Element(out bool stop)
        {
            stop = false;
            switch (json.TokenType)
            {
                case JsonToken.EndArray:
                    _state = After;
                    return null;
                case JsonToken.StartObject:
                    var row = ReadObject(json, cache, json.LineNumber, source, options, j => window.NumberEndingAt(j.LineNumber, j.LinePosition));
                    window.ResetBudget();
                    return row;
                default:
                    var other = Rejected(json.LineNumber, "not-an-object", ("token", json.TokenType.ToString()));
                    json.Skip();
                    return other;
            }
        }

        private InputRow? Trailing(out bool stop)
        {
            stop = true;
            return Rejected(json.LineNumber, "after-array");
        }

        private InputRow Rejected(long line, string detail, params (string Name, string Value)[] arguments) =>
            InputRow.Unreadable(line, source, RecordProblem.Create("*", null, RecordProblemCodes.Malformed, detail, arguments));
    }
}
