using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Excel;
using TaobaoVillage.IO;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Files;

/// <summary>
/// Opens a village records file by path, the reader chosen from its extension — <c>.xlsx</c> (a workbook),
/// <c>.jsonl</c>/<c>.ndjson</c> (JSON Lines), <c>.json</c> (an array), anything else CSV — and says what it found
/// (<see cref="RecordFileReport"/>): one report for every format.
/// </summary>
/// <example><code>
/// var file = RecordFiles.Open("县电商统计.xlsx");
/// Console.Error.WriteLine($"sheet {file.Report.Sheet}, header in row {file.Report.HeaderRow}");
/// foreach (var row in new BatchScorer(BuiltInRuleSets.AliResearch).Score(file.Rows)) { … }
/// </code></example>
/// <remarks>Static members are thread-safe.</remarks>
public static class RecordFiles
{
    /// <summary>The format a path's extension names (case-insensitive); CSV for any other.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static RecordFileFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => RecordFileFormat.Xlsx,
            ".jsonl" or ".ndjson" => RecordFileFormat.JsonLines,
            ".json" => RecordFileFormat.Json,
            _ => RecordFileFormat.Csv,
        };
    }

    /// <summary>Opens a records file: reads what is needed to describe it (a workbook's sheets and header, a CSV's header line), and gives its rows lazily.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read it, or the defaults.</param>
    /// <returns>The report and the rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file cannot be read as a table: a <c>.xlsx</c> that is not a workbook, a sheet that is not there, a header that cannot be read; the message says why and names the sheets.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RecordFile Open(string path, RecordFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= RecordFileOptions.Default;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no file '{path}'.", path);
        }

        return FormatOf(path) switch
        {
            RecordFileFormat.Xlsx => OpenWorkbook(path, options),
            RecordFileFormat.Csv => OpenCsv(path, options),
            var json => OpenJson(path, options, json),
        };
    }

    private static RecordFile OpenWorkbook(string path, RecordFileOptions options)
    {
        var excel = new ExcelRecordReaderOptions { Sheet = options.Sheet, HeaderRow = options.HeaderRow, InferCommitteeFromName = options.InferCommitteeFromName, Columns = options.Columns };
        var info = ExcelRecordReader.Describe(path, excel);
        var report = Described(path, RecordFileFormat.Xlsx, info.Header, options) with
        {
            Sheet = info.Sheet,
            OtherSheets = [.. info.Sheets.Where(s => s != info.Sheet)],
            HeaderRow = info.HeaderRow,
            BlankColumns = info.BlankColumns,
        };
        return new RecordFile(report, ExcelRecordReader.ReadFile(path, excel));
    }

    private static RecordFile OpenCsv(string path, RecordFileOptions options)
    {
        var csv = CsvRecordReaderOptions.Default with { Encoding = options.Encoding, InferCommitteeFromName = options.InferCommitteeFromName, Columns = options.Columns };
        var header = CsvRecordReader.ReadHeader(path, csv);
        var report = Described(path, RecordFileFormat.Csv, header, options) with { HeaderRow = header.Count > 0 ? 1 : 0 };
        return new RecordFile(report, CsvRecordReader.ReadFile(path, csv));
    }

    private static RecordFile OpenJson(string path, RecordFileOptions options, RecordFileFormat format)
    {
        var json = JsonRecordReaderOptions.Default with { InferCommitteeFromName = options.InferCommitteeFromName, Columns = options.Columns };
        var report = Described(path, format, JsonKeys.OfFirstRecord(path, options.Encoding, lines: format == RecordFileFormat.JsonLines), options);
        return new RecordFile(report, ReadJson(path, options, json, format == RecordFileFormat.JsonLines));
    }

    private static IEnumerable<InputRow> ReadJson(string path, RecordFileOptions options, JsonRecordReaderOptions json, bool lines)
    {
        using var reader = new StreamReader(path, options.Encoding ?? System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        foreach (var row in lines ? JsonRecordReader.ReadJsonLines(reader, path, json) : JsonRecordReader.ReadJsonArray(reader, path, json))
        {
            yield return row;
        }
    }

    private static RecordFileReport Described(string path, RecordFileFormat format, IReadOnlyList<string> header, RecordFileOptions options)
    {
        var coverage = ColumnCoverage.Of(header, options.InferCommitteeFromName, options.Columns, [], BuiltInRuleSets.AliResearch);
        return new RecordFileReport { Path = path, Format = format, Header = header, Renamed = coverage.Renamed, Attributes = coverage.Ignored };
    }
}
