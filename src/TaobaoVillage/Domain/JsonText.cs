using System.Globalization;
using System.Text;

namespace TaobaoVillage.Domain;

/// <summary>
/// JSON strings and numbers as this library writes them everywhere (rule sets' canonical form, verdict lines): '"',
/// '\' and control characters escaped, plus U+0085, U+2028 and U+2029, which some readers take as line ends; other
/// characters as they are. The same escaping as Newtonsoft.Json's default, so files written before stay byte-equal.
/// </summary>
internal static class JsonText
{
    public static StringBuilder AppendString(this StringBuilder w, string? value)
    {
        if (value is null)
        {
            return w.Append("null");
        }

        w.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsPlain(c))
            {
                continue;
            }

            w.Append(value, start, i - start).Append(Escape(c));
            start = i + 1;
        }

        return w.Append(value, start, value.Length - start).Append('"');
    }

    /// <summary>Whether a character goes into a JSON string as it is (the line separators are escaped for JavaScript's sake).</summary>
    public static bool IsPlain(char c) => c >= ' ' && c != '"' && c != '\\' && c is not ('\u0085' or '\u2028' or '\u2029');

    /// <summary>The escape of a character that is not <see cref="IsPlain"/>: the short forms where JSON has them, else <c>\uXXXX</c>.</summary>
    public static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\b' => "\\b",
        '\f' => "\\f",
        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    };

    public static StringBuilder AppendNumber(this StringBuilder w, decimal value)
    {
        Span<char> buffer = stackalloc char[40];
        return value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture)
            ? w.Append(buffer[..written])
            : w.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public static string Quote(string? value) => new StringBuilder().AppendString(value).ToString();
}
