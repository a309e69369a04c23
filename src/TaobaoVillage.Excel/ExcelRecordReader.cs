using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Excel;

/// <summary>Options of <see cref="ExcelRecordReader"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ExcelRecordReaderOptions
{
    /// <summary>The defaults: the first sheet, committees read from official names.</summary>
    public static ExcelRecordReaderOptions Default { get; } = new();

    /// <summary>The sheet to read, by name; null for the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Whether a record without a committee value takes it from its official name (…村委会, …居委会); on by default.</summary>
    public bool InferCommitteeFromName { get; init; } = true;

    /// <summary>Further names for the contract's fields, beyond the built-in aliases (<see cref="ColumnMap"/>).</summary>
    public ColumnMap Columns { get; init; } = ColumnMap.Empty;
}

/// <summary>
/// Reads village records from an Excel workbook (<c>.xlsx</c>) with MiniExcel, streaming: the first row of the sheet
/// names the columns (the same names and aliases as CSV: 村代码, 户数, 年销售额（万元）…), every later row is a record.
/// Numbers are read as Excel stores them — a 12-digit code stored as a number is the code
/// <c>330782100000</c>, never <c>3.30782E+11</c> — and an empty cell is a missing value.
/// </summary>
/// <remarks>
/// Every row comes out as one <see cref="InputRow"/> whose line is its row number in the sheet; a file that is not a
/// workbook, or a sheet that is not there, is one rejected row saying so. Static members are thread-safe.
/// </remarks>
public static class ExcelRecordReader
{
    /// <summary>Reads records from a workbook file.</summary>
    /// <param name="path">The file; also the source named in problems.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per sheet row after the header, read lazily; it can be enumerated again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static IEnumerable<InputRow> ReadFile(string path, ExcelRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(path, options ?? ExcelRecordReaderOptions.Default);
    }

    /// <summary>The header row of the sheet the options name (the first by default), as texts; empty when it cannot be read.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>The column names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static IReadOnlyList<string> ReadHeader(string path, ExcelRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var enumerator = Open(path, options ?? ExcelRecordReaderOptions.Default, out _);
        try
        {
            return enumerator?.MoveNext() == true && enumerator.Current is IDictionary<string, object?> cells ? HeaderOf(cells) : [];
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException or NotSupportedException or System.Xml.XmlException)
        {
            return [];
        }
    }

    /// <summary>A cell's value as the text a CSV would hold: numbers in full, invariantly; empty as null.</summary>
    /// <param name="value">The value MiniExcel read.</param>
    /// <returns>The text.</returns>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        double d when double.IsInteger(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static IEnumerable<InputRow> Read(string path, ExcelRecordReaderOptions options)
    {
        using var enumerator = Open(path, options, out var failure);
        if (enumerator is null)
        {
            yield return InputRow.Unreadable(1, path, new RecordProblem("*", null, RecordProblemCodes.Malformed, failure!));
            yield break;
        }

        RecordSchema? schema = null;
        string[] letters = [];
        long line = 0;
        while (true)
        {
            InputRow? row;
            var stop = false;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                line++;
                var cells = (IDictionary<string, object?>)enumerator.Current;
                if (schema is null)
                {
                    letters = [.. cells.Keys];
                    schema = RecordSchema.FromColumns(HeaderOf(cells), options.InferCommitteeFromName, options.Columns);
                    continue;
                }

                if (cells.Values.All(v => v is null or ""))
                {
                    continue;
                }

                row = new InputRow(line, path, schema.Parse(letters.Select(l => cells.TryGetValue(l, out var v) ? CellText(v) : null).ToArray()));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or FormatException or NotSupportedException or System.Xml.XmlException)
            {
                var what = schema is null ? "The file is not an Excel workbook (.xlsx) that can be read: " : "The rest of the workbook cannot be read: ";
                row = InputRow.Unreadable(Math.Max(1, line), path, new RecordProblem("*", null, RecordProblemCodes.Malformed, what + ex.Message));
                stop = true;
            }

            yield return row.Value;
            if (stop)
            {
                yield break;
            }
        }
    }

    /// <summary>The header row's texts, in column order.</summary>
    private static string[] HeaderOf(IDictionary<string, object?> cells) => [.. cells.Values.Select(v => CellText(v)?.Trim() ?? string.Empty)];

    private static IEnumerator<object>? Open(string path, ExcelRecordReaderOptions options, out string? failure)
    {
        failure = null;
        try
        {
            var configuration = new OpenXmlConfiguration { IgnoreEmptyRows = false, FillMergedCells = false };
            if (options.Sheet is { } sheet && !MiniExcel.GetSheetNames(path, configuration).Contains(sheet))
            {
                failure = $"The workbook has no sheet '{sheet}'; it has {string.Join(", ", MiniExcel.GetSheetNames(path, configuration))}.";
                return null;
            }

            var enumerator = MiniExcel.Query(path, useHeaderRow: false, sheetName: options.Sheet, excelType: ExcelType.XLSX, configuration: configuration).GetEnumerator();
            return enumerator;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or System.Xml.XmlException)
        {
            failure = "The file is not an Excel workbook (.xlsx) that can be read: " + ex.Message;
            return null;
        }
    }
}
