using CsvHelper;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Csv;

/// <summary>
/// The CSV source the list and township readers share with <see cref="CsvRecordReader"/>: every option honoured
/// (separator, line breaks in quotes, line and record limits), and the same per-line checks (too long, malformed,
/// bytes invalid in the encoding).
/// </summary>
internal sealed class CsvTables : IDisposable
{
    private readonly LineLimitingReader _lines;
    private readonly HashSet<long> _malformed = [];
    private readonly int _maxFieldLength;
    private readonly int _maxLine;
    private readonly int _maxColumns;

    private CsvTables(TextReader text, CsvRecordReaderOptions options, string? source = null)
    {
        Source = source;
        _maxFieldLength = options.MaxFieldLength;
        _maxLine = options.MaxRecordBytes;
        _maxColumns = options.MaxColumns;
        _lines = new LineLimitingReader(text, options.MaxRecordBytes);
        Csv = CsvReader.Create(_lines, ParserOptions(options, (line, _) => _malformed.Add(line)), leaveOpen: false);
    }

    /// <summary>
    /// The parser settings every CSV reader here uses: the options' separator and quoting, lines counted, short or long
    /// rows and malformed lines reported rather than fatal, and a record-size backstop just above the line limit.
    /// </summary>
    public static CsvReaderOptions ParserOptions(CsvRecordReaderOptions options, Action<long, string> onMalformed) => new()
    {
        HasHeader = true,
        Separator = options.Separator,
        TrackLineNumbers = true,
        AllowLineBreaksInQuotes = options.AllowLineBreaksInQuotes,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        MalformedData = CsvMalformedDataHandling.Recover,
        OnMalformedRecord = m => onMalformed(m.LineNumber, m.Reason.ToString()),
        TrimWhitespace = false,
        PoolStrings = true,
        MaxRecordSize = options.MaxRecordBytes + 1024,
    };

    /// <summary>The file's path when opened from a file, for the rows' <c>Source</c>.</summary>
    public string? Source { get; }

    /// <summary>The parser, positioned by <see cref="CsvReader.Read"/>.</summary>
    public CsvReader Csv { get; }

    /// <summary>Opens a file in the options' encoding (UTF-8 with or without BOM by default), decoding strictly.</summary>
    public static CsvTables OpenFile(string path, CsvRecordReaderOptions options) =>
        new(new StreamReader(path, options.Encoding ?? new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: options.Encoding is null), options, path);

    /// <summary>Opens text.</summary>
    public static CsvTables Open(TextReader text, CsvRecordReaderOptions options) => new(text, options);

    /// <summary>Why the current line cannot be read as cells (cut for length, malformed, a cell too long or with bytes invalid in the encoding), or null.</summary>
    public RecordProblem? LineProblem()
    {
        var line = Csv.LineNumber;
        if (_lines.WasCut(line))
        {
            return RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "line", ("limit", CsvRecordReader.Count(_maxLine))) with { Line = line };
        }

        if (_malformed.Remove(line))
        {
            return RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "quote") with { Line = line };
        }

        if (Csv.FieldCount > _maxColumns)
        {
            return RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cells", ("count", CsvRecordReader.Count(Csv.FieldCount)), ("limit", CsvRecordReader.Count(_maxColumns))) with { Line = line };
        }

        for (var i = 0; i < Csv.FieldCount; i++)
        {
            var cell = Csv.GetString(i);
            if (cell.Length > _maxFieldLength)
            {
                return RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cell", ("length", CsvRecordReader.Count(cell.Length)), ("limit", CsvRecordReader.Count(_maxFieldLength))) with { Line = line };
            }

            if (cell.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return RecordProblem.Create("*", null, RecordProblemCodes.BadEncoding, null) with { Line = line };
            }
        }

        return null;
    }

    /// <summary>Column positions by name, case-insensitive, the first of a repeated name winning.</summary>
    public static Dictionary<string, int> Index(IReadOnlyList<string>? header, Func<string, string> normalize)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (header?.Count ?? 0); i++)
        {
            index.TryAdd(normalize(header![i].Trim()), i);
        }

        return index;
    }

    public void Dispose() => Csv.Dispose();
}
