using System.Text;
using System.Text.Json;

namespace TaobaoVillage.Files;

/// <summary>The keys of a JSON records file's first object, as its "header": read from at most the first MiB, never the whole file.</summary>
internal static class JsonKeys
{
    private const int MaxBytes = 1 << 20;

    /// <summary>The first record's keys, in order; empty when the start of the file holds no complete first object.</summary>
    public static IReadOnlyList<string> OfFirstRecord(string path, Encoding? encoding, bool lines)
    {
        var bytes = Head(path, encoding);
        var keys = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = lines, CommentHandling = JsonCommentHandling.Skip });
            var depth = lines ? 1 : 2;
            while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth - 1))
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth)
                {
                    keys.Add(reader.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
            // A first record that does not read: the reader rejects it in its place; the report names no keys.
        }

        return keys;
    }

    /// <summary>The first MiB of the file as UTF-8 (re-encoded when the file is in another encoding), without a BOM.</summary>
    private static byte[] Head(string path, Encoding? encoding)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxBytes];
        var length = stream.ReadAtLeast(buffer, MaxBytes, throwOnEndOfStream: false);
        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        var head = buffer.AsSpan(start, length - start);
        return encoding is null || encoding.WebName == "utf-8" ? head.ToArray() : Encoding.UTF8.GetBytes(encoding.GetString(head));
    }
}
