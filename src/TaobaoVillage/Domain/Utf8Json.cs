using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TaobaoVillage.Domain;

/// <summary>
/// JSON written straight as UTF-8 into a buffer: the same text <see cref="JsonText"/> writes into a string builder
/// (same escapes, same number forms), without a string per line. Lone surrogates, which UTF-8 cannot carry, are
/// written as <c>\uXXXX</c> escapes: the line stays valid UTF-8 and valid JSON, and a reader that keeps lone surrogates
/// gets them back.
/// </summary>
internal readonly struct Utf8Json(IBufferWriter<byte> output)
{
    public IBufferWriter<byte> Output { get; } = output;

    public Utf8Json Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Output.GetSpan(bytes.Length));
        Output.Advance(bytes.Length);
        return this;
    }

    public Utf8Json Ascii(string text)
    {
        var span = Output.GetSpan(text.Length);
        var n = Encoding.UTF8.GetBytes(text, span);
        Output.Advance(n);
        return this;
    }

    public Utf8Json Number(long value)
    {
        var span = Output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out var n);
        Output.Advance(n);
        return this;
    }

    /// <summary>As <see cref="JsonText.AppendNumber"/>: the decimal's own digits, trailing zeros kept.</summary>
    public Utf8Json Number(decimal value)
    {
        var span = Output.GetSpan(64);
        if (!value.TryFormat(span, out var n, default, CultureInfo.InvariantCulture))
        {
            return Ascii(value.ToString(CultureInfo.InvariantCulture));
        }

        Output.Advance(n);
        return this;
    }

    /// <summary>A JSON string (or <c>null</c>), escaped as <see cref="JsonText.AppendString"/> escapes.</summary>
    public Utf8Json String(string? value)
    {
        if (value is null)
        {
            return Raw("null"u8);
        }

        Raw("\""u8);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // JsonText's escapes, and lone surrogates too: UTF-8 cannot carry them.
            if (JsonText.IsPlain(c) && !char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            Text(value.AsSpan(start, i - start));
            Ascii(JsonText.Escape(c));
            start = i + 1;
        }

        Text(value.AsSpan(start));
        return Raw("\""u8);
    }

    private void Text(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        var span = Output.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        Output.Advance(Encoding.UTF8.GetBytes(chars, span));
    }
}
