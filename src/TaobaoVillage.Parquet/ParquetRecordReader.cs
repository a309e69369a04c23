using System.Globalization;
using Parquet;
using Parquet.Schema;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Parquet;

/// <summary>
/// Reads village records from an Apache Parquet file: its columns are named as a CSV's (<c>village_code</c>,
/// <c>annual_sales_cny</c>, 村代码, 年销售额（万元）…), one record per row, read a row group at a time. Each cell is
/// turned into the text a CSV would hold and read by the same rules (<see cref="RecordSchema"/>), so a file gives the
/// verdicts its CSV gives. Amounts are never read through a binary fraction: a STRING or DECIMAL column is read
/// exactly, whole-number columns (INT32, INT64) as they are; a DOUBLE or FLOAT cell is read only when it holds a whole
/// number below 2^53 (which it holds exactly: pandas writes counts with gaps as float64), and any other is refused
/// with an <see cref="RecordProblemCodes.Inexact"/> problem — 9999999.99 as a double is 9999999.9900000002…, and
/// which decimal was meant cannot be known. Write amounts with cents as DECIMAL or text.
/// </summary>
/// <remarks>
/// Lines are row numbers, the first row 1. Nested or repeated columns are refused (<see cref="InvalidDataException"/>);
/// columns that name no field are ignored as a CSV's are. Static members are thread-safe.
/// </remarks>
public static class ParquetRecordReader
{
    /// <summary>Largest whole number every double below it holds exactly: 2^53.</summary>
    private const double ExactWholeLimit = 9_007_199_254_740_992d;

    /// <summary>Reads records from a Parquet file.</summary>
    /// <param name="path">The file; also the source named in problems.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per file row, read lazily; it can be enumerated again.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidDataException">On enumeration: the file is not Parquet, or has nested columns.</exception>
    public static IEnumerable<InputRow> ReadFile(string path, ParquetRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TotalRows.CompareWithSums(Read(path, options ?? ParquetRecordReaderOptions.Default));
    }

    /// <summary>The file's column names, in order.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, or has nested columns.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        var reader = Open(stream, path);
        try
        {
            return [.. Fields(reader, path).Select(f => f.Name)];
        }
        finally
        {
            Close(reader);
        }
    }

    private static IEnumerable<InputRow> Read(string path, ParquetRecordReaderOptions options)
    {
        using var stream = File.OpenRead(path);
        var reader = Open(stream, path);
        try
        {
            var fields = Fields(reader, path);
            var schema = RecordSchema.FromColumns(fields.Select(f => f.Name), options.InferCommitteeFromName, options.Columns);
            var line = 0L;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var (columns, count) = Wait(() => ReadGroupAsync(reader, g, fields));
                for (var r = 0; r < count; r++)
                {
                    yield return Row(schema, columns, r, ++line, path);
                }
            }
        }
        finally
        {
            Close(reader);
        }
    }

    /// <summary>One row group's columns, each as an array of its values (null where a value is missing).</summary>
    private static async Task<(Array[] Columns, int Count)> ReadGroupAsync(ParquetReader reader, int index, DataField[] fields)
    {
        using var group = reader.OpenRowGroupReader(index);
        var count = checked((int)group.RowCount);
        var columns = new Array[fields.Length];
        for (var c = 0; c < fields.Length; c++)
        {
            columns[c] = await ColumnAsync(group, fields[c], count).ConfigureAwait(false);
        }

        return (columns, count);
    }

    private static async Task<Array> ColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory()).ConfigureAwait(false);
            return strings;
        }

        if (field.ClrType == typeof(byte[]))
        {
            var bytes = new byte[]?[count];
            await group.ReadAsync(field, bytes.AsMemory()).ConfigureAwait(false);
            return bytes.Select(b => b is null ? null : System.Text.Encoding.UTF8.GetString(b)).ToArray();
        }

        // Every other Parquet type is a value type (numbers, decimals, dates, booleans): read as T or T?.
        var read = typeof(ParquetRecordReader).GetMethod(nameof(ValuesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(field.ClrType);
        return await ((Task<Array>)read.Invoke(null, [group, field, count])!).ConfigureAwait(false);
    }

    private static async Task<Array> ValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            await group.ReadAsync(field, nullable.AsMemory()).ConfigureAwait(false);
            return nullable;
        }

        var values = new T[count];
        await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
        return values;
    }

    private static InputRow Row(RecordSchema schema, Array[] columns, int index, long line, string path)
    {
        var cells = new string?[columns.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            var value = columns[c].GetValue(index);
            if (!TryText(value, out cells[c]))
            {
                var field = RecordSchema.ContractFieldOf(schema.Columns[c]) ?? schema.Columns[c];
                var shown = Convert.ToString(value, CultureInfo.InvariantCulture);
                var problem = RecordProblem.Create(field, shown, RecordProblemCodes.Inexact, "double") with { Source = path, Line = line };
                return InputRow.Unreadable(line, path, problem, Key(schema, cells));
            }
        }

        return new InputRow(line, path, schema.Parse(cells));
    }

    /// <summary>A cell as a CSV would hold it; false for a binary fraction that is not a whole number held exactly.</summary>
    private static bool TryText(object? value, out string? text)
    {
        text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            double d when IsExactWhole(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
            float f when IsExactWhole(f) => ((long)f).ToString(CultureInfo.InvariantCulture),
            double or float => null,
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is not null || value is null;
    }

    private static bool IsExactWhole(double value) => double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < ExactWholeLimit;

    private static string? Key(RecordSchema schema, string?[] cells)
    {
        var index = schema.ContractFields.ToList().IndexOf(FieldNames.VillageCode);
        return index >= 0 && index < cells.Length ? cells[index] : null;
    }

    private static ParquetReader Open(Stream stream, string path)
    {
        try
        {
            return Wait(() => ParquetReader.CreateAsync(stream, leaveStreamOpen: true));
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"'{path}' is not a Parquet file that can be read: {ex.Message}", ex);
        }
    }

    private static DataField[] Fields(ParquetReader reader, string path)
    {
        var fields = reader.Schema.GetDataFields();
        return fields.FirstOrDefault(f => f.IsArray || f.MaxRepetitionLevel > 0) is { } nested
            ? throw new InvalidDataException($"'{path}': the column '{nested.Path}' is nested or repeated; records are flat, one value per column.")
            : fields;
    }

    private static void Close(ParquetReader reader) => Wait(async () => { await reader.DisposeAsync().ConfigureAwait(false); return true; });

    /// <summary>Parquet.Net is async only; waited for off any synchronisation context.</summary>
    private static T Wait<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();
}
