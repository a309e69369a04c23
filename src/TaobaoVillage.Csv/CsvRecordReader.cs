using System.Text;
using CsvHelper;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Csv;

/// <summary>Options of <see cref="CsvRecordReader"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CsvRecordReaderOptions
{
    /// <summary>The default options: UTF-8 (with or without BOM), comma-separated, one record per line.</summary>
    public static CsvRecordReaderOptions Default { get; } = new();

    /// <summary>
    /// The file's encoding when read from a path or stream: <see langword="null"/> (the default) finds it —
    /// UTF-8 with or without a BOM, else GB18030 (<see cref="CsvRecordReader.DetectEncoding"/>); give
    /// <see cref="Gb18030"/> or another to decide.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The separator; a comma by default.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>The most columns a file may have by default: 16,384, Excel's own limit.</summary>
    public const int DefaultMaxColumns = 16_384;

    /// <summary>The longest cell read, in characters; a longer cell rejects its row. Default 4,096.</summary>
    public int MaxFieldLength { get; init; } = 4096;

    /// <summary>
    /// The most columns (cells in a line) read; default <see cref="DefaultMaxColumns"/>. A header with more rejects
    /// every row of the file (<c>too-long</c>, with its line) without reading its cells; a wider line rejects its row.
    /// </summary>
    public int MaxColumns { get; init; } = DefaultMaxColumns;

    /// <summary>
    /// The longest line, and the longest record the parser buffers, in characters (16 Mi by default). A longer line is
    /// cut as it is read and its row rejected (<c>too-long</c>), and reading goes on with the next line; a quoted
    /// record spanning lines past this size cannot be skipped safely and ends the file as one rejected row. Memory stays
    /// bounded whatever the input.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 16 << 20;

    /// <summary>
    /// Whether a quoted cell may span lines (RFC 4180). Off by default, so that one stray quote rejects one line instead
    /// of swallowing the rest of the file.
    /// </summary>
    public bool AllowLineBreaksInQuotes { get; init; }

    /// <summary>
    /// Whether a record without a committee value takes it from its official name (…村委会, …居委会); on by default.
    /// See <see cref="RecordSchema.InferCommitteeFromName"/>.
    /// </summary>
    public bool InferCommitteeFromName { get; init; } = true;

    /// <summary>Further names for the contract's fields, beyond the built-in aliases (<see cref="ColumnMap"/>).</summary>
    public ColumnMap Columns { get; init; } = ColumnMap.Empty;

    /// <summary>
    /// The GB18030 encoding (a superset of GBK and GB2312), registered on first use. It decodes strictly: bytes that
    /// are not GB18030 become U+FFFD, which rejects their row (<c>bad-encoding</c>), never a silent <c>?</c>.
    /// </summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFD"));
        }
    }
}

/// <summary>
/// Reads village records from CSV with CsvHelper, streaming: the header names the columns (case-insensitive,
/// snake_case or camelCase), an empty cell is a missing value, unknown columns become attributes.
/// </summary>
/// <remarks>
/// Every data line comes out as one <see cref="InputRow"/>, valid or rejected with its line, field and reason: a row
/// with too many or too few cells, a stray or unbalanced quote, bytes that are not valid in the encoding, a cell over
/// the length limit. A file without a <c>village_code</c> column still yields one rejected row per line. Static
/// members are thread-safe; each enumeration reads on its own.
/// </remarks>
public static class CsvRecordReader
{
    /// <summary>Reads records from a file.</summary>
    /// <param name="path">The file's path; also the source named in problems.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per data line, read lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened (raised on enumeration).</exception>
    public static IEnumerable<InputRow> ReadFile(string path, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFileCore(path, options ?? CsvRecordReaderOptions.Default);
    }

    /// <summary>Reads records from a stream of bytes in the options' encoding.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="source">The name to report in problems.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per data line, read lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static IEnumerable<InputRow> ReadStream(Stream stream, string? source = null, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= CsvRecordReaderOptions.Default;
        if (LooksLikeUtf16WithoutBom(stream))
        {
            return [InputRow.Unreadable(1, source, RecordProblem.Create("*", null, RecordProblemCodes.BadEncoding, "utf-16"))];
        }

        var encoding = options.Encoding ?? DetectEncoding(stream);
        return Read(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: options.Encoding is null, bufferSize: 1 << 16, leaveOpen: true), source, options);
    }

    /// <summary>The header of a records file, as the reader sees it (encoding found or given), or an empty list.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>The column names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<string> ReadHeader(string path, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= CsvRecordReaderOptions.Default;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        using var text = new StreamReader(stream, options.Encoding ?? DetectEncoding(stream), detectEncodingFromByteOrderMarks: options.Encoding is null);
        using var csv = CsvReader.Create(text, CsvTables.ParserOptions(options, (_, _) => { }), leaveOpen: true);
        return csv.Headers is { } header ? [.. header] : [];
    }

    /// <summary>
    /// The encoding a file is in, found from its first 64 KiB (the stream is put back where it was): UTF-8 (with or
    /// without BOM) when those bytes are valid UTF-8, else GB18030 when they are valid GB18030 (as Excel and WPS save CSV
    /// on a Chinese Windows), else UTF-8, whose bad bytes then reject their rows. A stream that cannot seek is UTF-8.
    /// </summary>
    /// <param name="stream">The bytes.</param>
    /// <returns><see cref="UTF8Encoding"/> or <see cref="CsvRecordReaderOptions.Gb18030"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static Encoding DetectEncoding(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var utf8 = new UTF8Encoding(false);
        if (!stream.CanSeek)
        {
            return utf8;
        }

        var start = stream.Position;
        var head = new byte[64 * 1024];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return Decodes(new UTF8Encoding(false, throwOnInvalidBytes: true), head, n) || !Decodes(StrictGb18030(), head, n) ? utf8 : CsvRecordReaderOptions.Gb18030;
    }

    private static Encoding StrictGb18030()
    {
        _ = CsvRecordReaderOptions.Gb18030;
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>Whether the bytes decode without error (a character cut at the end of the sample is not an error).</summary>
    private static bool Decodes(Encoding encoding, byte[] bytes, int count)
    {
        try
        {
            encoding.GetDecoder().GetCharCount(bytes, 0, count, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }


    /// <summary>A seekable stream whose first bytes have zeros at every other position and no BOM: text no CSV encoding here reads.</summary>
    private static bool LooksLikeUtf16WithoutBom(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        var start = stream.Position;
        Span<byte> head = stackalloc byte[512];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (n < 4 || (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < n; i++)
        {
            if (head[i] == 0)
            {
                _ = i % 2 == 0 ? evenZeros++ : oddZeros++;
            }
        }

        return Math.Max(evenZeros, oddZeros) * 4 >= n;
    }

    /// <summary>Reads records from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name to report in problems.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per data line, read lazily; it can be enumerated once (a second time throws <see cref="InvalidOperationException"/>). <see cref="ReadFile"/> can be enumerated again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static IEnumerable<InputRow> Read(TextReader reader, string? source = null, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new TaobaoVillage.IO.SingleUse<InputRow>(TotalRows.CompareWithSums(ReadCore(reader, source, options ?? CsvRecordReaderOptions.Default)), nameof(Read));
    }

    private static IEnumerable<InputRow> ReadFileCore(string path, CsvRecordReaderOptions options)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var row in ReadStream(stream, path, options))
        {
            yield return row;
        }
    }

    private static IEnumerable<InputRow> ReadCore(TextReader text, string? source, CsvRecordReaderOptions options)
    {
        var malformed = new Dictionary<long, string>();
        var lines = new LineLimitingReader(text, options.MaxRecordBytes);
        using var csv = CsvReader.Create(lines, CsvTables.ParserOptions(options, (line, reason) => malformed[line] = reason), leaveOpen: false);
        var header = csv.Headers;
        if (header is null || header.Count == 0)
        {
            yield break;
        }

        if (header.Count > options.MaxColumns)
        {
            foreach (var row in TooWide(csv, header.Count, source, options))
            {
                yield return row;
            }

            yield break;
        }

        foreach (var row in ReadRows(csv, lines, RecordSchema.FromColumns(header, options.InferCommitteeFromName, options.Columns), header.Count, source, options, malformed))
        {
            yield return row;
        }
    }

    /// <summary>The rows under the header, up to the end or to a point the parser cannot go past.</summary>
    private static IEnumerable<InputRow> ReadRows(CsvReader csv, LineLimitingReader lines, RecordSchema schema, int width, string? source, CsvRecordReaderOptions options, Dictionary<long, string> malformed)
    {
        var cells = new CellValue[width];
        // Figures are read from the cell's bytes when they are plain digits: no string for them (issue 12).
        var numbers = Enumerable.Range(0, width).Select(schema.ReadsNumber).ToArray();
        while (true)
        {
            InputRow row;
            var stop = false;
            try
            {
                if (!csv.Read())
                {
                    break;
                }

                row = lines.WasCut(csv.LineNumber)
                    ? InputRow.Unreadable(csv.LineNumber, source, RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "line", ("limit", Count(options.MaxRecordBytes))))
                    : ReadRow(csv, schema, cells, numbers, source, options, malformed);
                malformed.Remove(csv.LineNumber);
            }
            catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
            {
                // The parser cannot go on past this point: report it as one rejected row so the count still adds up.
                row = InputRow.Unreadable(csv.LineNumber + 1, source, RecordProblem.Create("*", null, ex is DecoderFallbackException ? RecordProblemCodes.BadEncoding : RecordProblemCodes.TooLong, "rest", ("reason", ex.Message)));
                stop = true;
            }

            yield return row;
            if (stop)
            {
                yield break;
            }
        }
    }

    /// <summary>Every row of a file whose header is wider than the limit, rejected without its cells being read.</summary>
    private static IEnumerable<InputRow> TooWide(CsvReader csv, int columns, string? source, CsvRecordReaderOptions options)
    {
        while (csv.Read())
        {
            yield return InputRow.Unreadable(csv.LineNumber, source, RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "header", ("count", Count(columns)), ("limit", Count(options.MaxColumns))));
        }
    }

    private static InputRow ReadRow(CsvReader csv, RecordSchema schema, CellValue[] cells, bool[] numbers, string? source, CsvRecordReaderOptions options, Dictionary<long, string> malformed)
    {
        var width = cells.Length;
        var line = csv.LineNumber;
        var count = csv.FieldCount;
        string? Key() => count > 0 && schema.HasVillageCode ? SafeKey(csv, schema) : null;

        if (malformed.Remove(line, out var reason))
        {
            return InputRow.Unreadable(line, source, Malformed(reason), Key());
        }

        if (count != width)
        {
            return InputRow.Unreadable(line, source, RecordProblem.Create("*", count.ToString(System.Globalization.CultureInfo.InvariantCulture), RecordProblemCodes.WrongCellCount, null, ("width", width.ToString(System.Globalization.CultureInfo.InvariantCulture))), Key());
        }

        for (var i = 0; i < width; i++)
        {
            if (numbers[i] && CellValue.TryDigits(csv.GetSpan(i), options.MaxFieldLength, out var whole))
            {
                cells[i] = CellValue.Number(whole);
                continue;
            }

            var cell = csv.GetString(i);
            if (cell.Length > options.MaxFieldLength)
            {
                return InputRow.Unreadable(line, source, RecordProblem.Create(FieldOf(schema, i), null, RecordProblemCodes.TooLong, "cell", ("length", Count(cell.Length)), ("limit", Count(options.MaxFieldLength))), Key());
            }

            if (cell.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return InputRow.Unreadable(line, source, RecordProblem.Create(FieldOf(schema, i), cell, RecordProblemCodes.BadEncoding, null), Key());
            }

            cells[i] = CellValue.Of(cell);
        }

        return new InputRow(line, source, schema.ParseCells(cells));
    }

    private static string? SafeKey(CsvReader csv, RecordSchema schema)
    {
        for (var i = 0; i < schema.Columns.Count && i < csv.FieldCount; i++)
        {
            if (RecordSchema.ContractFieldOf(schema.Columns[i]) == FieldNames.VillageCode)
            {
                var key = csv.GetString(i).Trim();
                return key.Length is > 0 and <= 64 ? key : null;
            }
        }

        return null;
    }

    private static string FieldOf(RecordSchema schema, int index)
    {
        var column = schema.Columns[index];
        return RecordSchema.ContractFieldOf(column) ?? column;
    }

    private static RecordProblem Malformed(string reason) => reason switch
    {
        "LineBreakInQuotes" => RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "line-break-in-quotes"),
        "StrayQuote" => RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "stray-quote"),
        "UnterminatedQuote" => RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "unterminated-quote"),
        _ => RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "csv", ("reason", reason)),
    };

    /// <summary>A count as record problems state it: digits grouped, invariant culture.</summary>
    internal static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
