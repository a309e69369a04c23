using Parquet;
using Parquet.Schema;
using TaobaoVillage.Batch;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Parquet;

/// <summary>
/// Writes scored rows as an Apache Parquet file: one row per input row, the columns of <see cref="VerdictTable"/> (the
/// CSV's and the workbook's) typed — <c>line</c> int64, <c>year</c> int32, each criterion's outcome a string, each
/// numeric criterion's <c>ID shortfall</c> and <c>ID value</c> decimal(38, 18) — in row groups of
/// <see cref="RowGroupSize"/> rows, so memory holds one group, not the file. DuckDB, pandas and Spark read it directly.
/// </summary>
/// <remarks>Thread-safe: every member is static and keeps no state.</remarks>
public static class ParquetVerdictWriter
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupSize = 32_768;

    /// <summary>Writes the file.</summary>
    /// <param name="stream">Where the file goes; left open. It must be writable and seekable.</param>
    /// <param name="rows">The scored rows, in order.</param>
    /// <param name="ruleSets">The rule sets that judged them (one, or the sets by year), for the columns.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>The writing.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">A figure cannot be held exactly in decimal(38, 18) — more than 18 decimal places or 20 digits before the point: never rounded or cut; the message names the line and the column, and what was written is incomplete.</exception>
    public static async Task WriteAsync(Stream stream, IEnumerable<ScoredRow> rows, IReadOnlyList<RuleSet> ruleSets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(ruleSets);
        var table = new VerdictTable(ruleSets);
        var types = table.ColumnTypes;
        var fields = table.Columns.Select((name, i) => Field(name, types[i])).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var disposing = writer.ConfigureAwait(false);

        // One array per column, filled row by row and reused for every group: memory holds one group's cells.
        var columns = fields.Select(f => Column(f.ClrType)).ToArray();
        var count = 0;
        var any = false;
        foreach (var row in rows)
        {
            var cells = table.Row(row);
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].SetValue(Cell(cells[c].Value, fields[c].ClrType, row.Line, fields[c].Name), count);
            }

            if (++count == RowGroupSize)
            {
                await WriteGroupAsync(writer, fields, columns, count, cancellationToken).ConfigureAwait(false);
                (count, any) = (0, true);
            }
        }

        if (count > 0 || !any)
        {
            await WriteGroupAsync(writer, fields, columns, count, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the file, waiting for it: for callers without async code (Parquet.Net itself is async only).</summary>
    /// <param name="stream">Where the file goes; left open. It must be writable and seekable.</param>
    /// <param name="rows">The scored rows, in order.</param>
    /// <param name="ruleSets">The rule sets that judged them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">A figure cannot be held exactly in decimal(38, 18).</exception>
    public static void Write(Stream stream, IEnumerable<ScoredRow> rows, IReadOnlyList<RuleSet> ruleSets) =>
        Task.Run(() => WriteAsync(stream, rows, ruleSets)).GetAwaiter().GetResult();

    private static DataField Field(string name, Type type) => type == typeof(long)
        ? new DataField<long>(name)
        : type == typeof(int)
            ? new DataField<int?>(name)
            : type == typeof(decimal)
                ? new DecimalDataField(name, precision: 38, scale: 18, isNullable: true)
                : new DataField<string>(name);

    private static Array Column(Type type) =>
        type == typeof(long) ? new long[RowGroupSize] : type == typeof(int) ? new int?[RowGroupSize] : type == typeof(decimal) ? new decimal?[RowGroupSize] : new string?[RowGroupSize];

    /// <summary>The most a decimal(38, 18) column holds: 20 digits before the point.</summary>
    private const decimal Limit = 100_000_000_000_000_000_000m;

    private static object? Cell(object? value, Type type, long line, string column) => value switch
    {
        _ when type == typeof(long) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        decimal d when Math.Round(d, 18) != d || Math.Abs(d) >= Limit => throw new InvalidDataException(
            $"Line {line}: {column} is {d.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which Parquet's decimal(38, 18) cannot hold exactly (at most 18 decimal places and 20 digits before the point); it is not rounded. Write CSV or JSON Lines for such figures."),
        _ => value,
    };

    private static async Task WriteGroupAsync(ParquetWriter writer, DataField[] fields, Array[] columns, int count, CancellationToken cancellationToken)
    {
        using var rowGroup = writer.CreateRowGroup();
        for (var c = 0; c < fields.Length; c++)
        {
            var field = fields[c];
            switch (columns[c])
            {
                case long[] longs:
                    await rowGroup.WriteAsync<long>(field, longs.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case int?[] ints:
                    await rowGroup.WriteAsync<int>(field, ints.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case decimal?[] decimals:
                    await rowGroup.WriteAsync<decimal>(field, decimals.AsMemory(0, count), cancellationToken: cancellationToken).ConfigureAwait(false);
                    break;
                case string?[] strings:
                    await rowGroup.WriteAsync(field, new ArraySegment<string>(strings!, 0, count)).ConfigureAwait(false);
                    Array.Clear(strings, 0, count);
                    break;
            }
        }
    }
}
