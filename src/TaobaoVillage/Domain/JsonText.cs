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
            if (c >= ' ' && c != '"' && c != '\\' && c is not ('\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            w.Append(value, start, i - start);
            start = i + 1;
            _ = c switch
            {
                '"' => w.Append("\\\""),
                '\\' => w.Append("\\\\"),
                '\n' => w.Append("\\n"),
                '\r' => w.Append("\\r"),
                '\t' => w.Append("\\t"),
                '\b' => w.Append("\\b"),
                '\f' => w.Append("\\f"),
                _ => w.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }

        return w.Append(value, start, value.Length - start).Append('"');
    }

    public static StringBuilder AppendNumber(this StringBuilder w, decimal value)
    {
        Span<char> buffer = stackalloc char[40];
        return value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture)
            ? w.Append(buffer[..written])
            : w.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public static string Quote(string? value) => new StringBuilder().AppendString(value).ToString();
}
