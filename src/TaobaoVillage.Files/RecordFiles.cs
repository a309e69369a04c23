using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Excel;
using TaobaoVillage.IO;
using TaobaoVillage.Metrics;
using TaobaoVillage.Parquet;
using TaobaoVillage.RuleSets;

namespace TaobaoVillage.Files;

/// <summary>
/// Opens a village records file by path, the reader chosen from its extension — <c>.xlsx</c> (a workbook),
/// <c>.parquet</c> (Apache Parquet),
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
            ".parquet" => RecordFileFormat.Parquet,
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
    /// <exception cref="InvalidDataException">The file cannot be read as a table: a <c>.xlsx</c> that is not a workbook, a sheet that is not there, a header that cannot be read, a CSV, workbook or Parquet header with no village-code column, a file named .parquet that is not Parquet; the message says why, names the sheets or the headers found and what was looked for (in Chinese under a Chinese UI culture).</exception>
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
            RecordFileFormat.Parquet => OpenParquet(path, options),
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
        RequireCodeColumn(report, options);
        return new RecordFile(report, ExcelRecordReader.ReadFile(path, excel));
    }

    private static RecordFile OpenCsv(string path, RecordFileOptions options)
    {
        var csv = CsvRecordReaderOptions.Default with { Encoding = options.Encoding, InferCommitteeFromName = options.InferCommitteeFromName, Columns = options.Columns };
        var header = CsvRecordReader.ReadHeader(path, csv);
        var report = Described(path, RecordFileFormat.Csv, header, options) with { HeaderRow = header.Count > 0 ? 1 : 0 };
        RequireCodeColumn(report, options);
        return new RecordFile(report, CsvRecordReader.ReadFile(path, csv));
    }

    private static RecordFile OpenParquet(string path, RecordFileOptions options)
    {
        var parquet = new ParquetRecordReaderOptions { InferCommitteeFromName = options.InferCommitteeFromName, Columns = options.Columns };
        var report = Described(path, RecordFileFormat.Parquet, ParquetRecordReader.ReadHeader(path), options);
        RequireCodeColumn(report, options);
        return new RecordFile(report, ParquetRecordReader.ReadFile(path, parquet));
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

    /// <summary>
    /// A table whose header names no village-code column cannot give a village: refused as a whole (every row would be
    /// rejected), as a missing sheet is. A file with no header at all (empty) has no rows to lose and passes.
    /// </summary>
    private static void RequireCodeColumn(RecordFileReport report, RecordFileOptions options)
    {
        if (report.Header.Count == 0 || RecordSchema.FromColumns(report.Header, options.InferCommitteeFromName, options.Columns).HasVillageCode)
        {
            return;
        }

        var where = report.Sheet is { } sheet ? $"'{sheet}'" : null;
        var found = string.Join(", ", report.Header.Select(h => $"'{h}'"));
        var others = string.Join(", ", report.OtherSheets.Select(o => $"'{o}'"));
        var chinese = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        throw new InvalidDataException(chinese
            ? $"{(where is null ? "表头" : $"工作表 {where} 第 {report.HeaderRow} 行表头")}没有村代码列：表头为 {found}；查找的是 village_code（或 村代码、行政区划代码等别名）{(others.Length > 0 ? $"；其他工作表：{others}" : string.Empty)}。"
            : $"{(where is null ? "the header" : $"sheet {where}, header row {report.HeaderRow},")} has no village-code column: it has {found}; looked for village_code (or an alias: 村代码, 行政区划代码…){(others.Length > 0 ? $"; the other sheets are {others}" : string.Empty)}.");
    }

    private static RecordFileReport Described(string path, RecordFileFormat format, IReadOnlyList<string> header, RecordFileOptions options)
    {
        var coverage = ColumnCoverage.Of(header, options.InferCommitteeFromName, options.Columns, [], BuiltInRuleSets.AliResearch);
        return new RecordFileReport { Path = path, Format = format, Header = header, Renamed = coverage.Renamed, Attributes = coverage.Ignored };
    }
}
