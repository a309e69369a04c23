namespace TaobaoVillage.Csv;

/// <summary>
/// Reads any CSV table as rows of cells through the same source as the record readers (every option honoured:
/// separator, quoting, line and cell limits): for tables that are not village records, such as statistical code lists.
/// </summary>
/// <remarks>Static members are thread-safe; each sequence is read once.</remarks>
public static class CsvTableReader
{
    /// <summary>The data rows after the header line, each as its cells, lazily.</summary>
    /// <param name="text">The text; disposed when the sequence is.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IEnumerable<string[]> ReadRows(TextReader text, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TaobaoVillage.IO.SingleUse<string[]>(Core(text, options ?? CsvRecordReaderOptions.Default), nameof(ReadRows));

        static IEnumerable<string[]> Core(TextReader text, CsvRecordReaderOptions options)
        {
            using var tables = CsvTables.Open(text, options);
            var csv = tables.Csv;
            while (csv.Read())
            {
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = csv.GetString(i);
                }

                yield return cells;
            }
        }
    }
}
