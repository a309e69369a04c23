using System.Text;

namespace TaobaoVillage.Csv;

/// <summary>
/// GB18030 for output files that GBK (code page 936) software must read too: a character that GBK lacks but that has a
/// GBK form of the same meaning is written in that form — the yen/yuan sign ¥ (U+00A5, four bytes in GB18030, which
/// GBK shows as garbage) as the full-width ￥ (U+FFE5). Every other character is written as GB18030 writes it, so text
/// within the GBK subset comes out as GBK bytes, and text beyond it is still never lost. Decoding is GB18030's.
/// </summary>
/// <remarks>Thread-safe, as <see cref="Encoding"/> instances are; the encoders it makes are not, as no encoder is.</remarks>
public sealed class GbkFirstEncoding : Encoding
{
    private readonly Encoding _inner = CsvRecordReaderOptions.Gb18030;

    /// <summary>The characters written in another form, each with the GBK character written for it.</summary>
    public static IReadOnlyDictionary<char, char> Substitutes { get; } = new Dictionary<char, char> { ['\u00A5'] = '\uFFE5' };

    /// <inheritdoc />
    public override string WebName => _inner.WebName;

    /// <inheritdoc />
    public override string EncodingName => _inner.EncodingName;

    /// <inheritdoc />
    public override int GetByteCount(char[] chars, int index, int count) => _inner.GetByteCount(Substituted(chars, index, count));

    /// <inheritdoc />
    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        _inner.GetBytes(Substituted(chars, charIndex, charCount), 0, charCount, bytes, byteIndex);

    /// <inheritdoc />
    public override int GetCharCount(byte[] bytes, int index, int count) => _inner.GetCharCount(bytes, index, count);

    /// <inheritdoc />
    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) => _inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    /// <inheritdoc />
    public override int GetMaxByteCount(int charCount) => _inner.GetMaxByteCount(charCount);

    /// <inheritdoc />
    public override int GetMaxCharCount(int byteCount) => _inner.GetMaxCharCount(byteCount);

    /// <inheritdoc />
    public override Encoder GetEncoder() => new SubstitutingEncoder(_inner.GetEncoder());

    /// <inheritdoc />
    public override Decoder GetDecoder() => _inner.GetDecoder();

    /// <summary>A copy of the characters with each <see cref="Substitutes"/> entry replaced.</summary>
    private static char[] Substituted(char[] chars, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(chars);
        var copy = chars.AsSpan(index, count).ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (Substitutes.TryGetValue(copy[i], out var gbk))
            {
                copy[i] = gbk;
            }
        }

        return copy;
    }

    /// <summary>GB18030's own encoder (which keeps a surrogate pair split across two calls) fed the substituted characters.</summary>
    private sealed class SubstitutingEncoder(Encoder inner) : Encoder
    {
        public override int GetByteCount(char[] chars, int index, int count, bool flush) => inner.GetByteCount(Substituted(chars, index, count), 0, count, flush);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush) =>
            inner.GetBytes(Substituted(chars, charIndex, charCount), 0, charCount, bytes, byteIndex, flush);

        public override void Reset() => inner.Reset();
    }
}
