using System.Globalization;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Csv;

/// <summary>
/// Reads an official list of designated Taobao Villages: CSV with the columns <c>year</c>, <c>province</c>,
/// <c>city</c>, <c>county</c>, <c>township</c>, <c>village</c> and optionally <c>main_product</c> — the shape of
/// AliResearch's published lists.
/// </summary>
/// <remarks>Every data line comes out as one <see cref="RowResult{T}"/> of <see cref="DesignatedVillage"/>. Static members are thread-safe.</remarks>
public static class OfficialListReader
{
    private static readonly string[] Required = ["year", "province", "city", "county", "township", "village"];

    /// <summary>Reads a list file (UTF-8, or the options' encoding).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options (encoding, separator), or the defaults.</param>
    /// <returns>One row per data line, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column (raised on enumeration).</exception>
    public static IEnumerable<RowResult<DesignatedVillage>> ReadFile(string path, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFileCore(path, options ?? CsvRecordReaderOptions.Default);
    }

    /// <summary>Reads a list from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per data line, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="InvalidDataException">The header lacks a required column (raised on enumeration).</exception>
    public static IEnumerable<RowResult<DesignatedVillage>> Read(TextReader reader, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new TaobaoVillage.IO.SingleUse<RowResult<DesignatedVillage>>(ReadCore(reader, options ?? CsvRecordReaderOptions.Default), nameof(Read));
    }

    private static IEnumerable<RowResult<DesignatedVillage>> ReadFileCore(string path, CsvRecordReaderOptions options)
    {
        using var tables = CsvTables.OpenFile(path, options);
        foreach (var row in ReadCore(tables))
        {
            yield return row;
        }
    }

    private static IEnumerable<RowResult<DesignatedVillage>> ReadCore(TextReader text, CsvRecordReaderOptions options)
    {
        using var tables = CsvTables.Open(text, options);
        foreach (var row in ReadCore(tables))
        {
            yield return row;
        }
    }

    private static IEnumerable<RowResult<DesignatedVillage>> ReadCore(CsvTables tables)
    {
        var csv = tables.Csv;
        var header = csv.Headers ?? [];
        var index = CsvTables.Index(header, static name => name);

        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (header.Count > 0 && missing.Count > 0)
        {
            throw new InvalidDataException($"The list lacks the column(s) {string.Join(", ", missing)}; expected year, province, city, county, township, village.");
        }

        var product = index.GetValueOrDefault("main_product", -1);
        var seen = new Dictionary<DesignatedVillage, long>();
        while (csv.Read())
        {
            yield return tables.LineProblem() is { } problem
                ? new RowResult<DesignatedVillage>(csv.LineNumber, tables.Source, null, [problem])
                : Once(RowOf(csv, tables.Source, index, product), seen);
        }
    }

    private static RowResult<DesignatedVillage> RowOf(CsvHelper.CsvReader csv, string? source, Dictionary<string, int> index, int product)
    {
        string Cell(string name) => index[name] < csv.FieldCount ? csv.GetString(index[name]).Trim() : string.Empty;
        var empty = Required.FirstOrDefault(c => Cell(c).Length == 0);
        if (empty is not null)
        {
            return new RowResult<DesignatedVillage>(csv.LineNumber, source, null, [RecordProblem.Create(empty, null, RecordProblemCodes.Malformed, "list-row") with { Line = csv.LineNumber }]);
        }

        if (!int.TryParse(Cell("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new RowResult<DesignatedVillage>(csv.LineNumber, source, null, [RecordProblem.Create("year", Cell("year"), RecordProblemCodes.NotANumber, "year") with { Line = csv.LineNumber }]);
        }

        var village = new DesignatedVillage(year, Cell("province"), Cell("city"), Cell("county"), Cell("township"), Cell("village"))
        {
            MainProduct = product >= 0 && product < csv.FieldCount && csv.GetString(product).Trim() is { Length: > 0 } p ? p : null,
        };
        return new RowResult<DesignatedVillage>(csv.LineNumber, source, village, []);
    }

    /// <summary>The row, or a rejection when the list named the same village in the same year already (it would be counted twice).</summary>
    private static RowResult<DesignatedVillage> Once(RowResult<DesignatedVillage> row, Dictionary<DesignatedVillage, long> seen)
    {
        if (row.Value is not { } village)
        {
            return row;
        }

        var key = village with { MainProduct = null };
        if (seen.TryAdd(key, row.Line))
        {
            return row;
        }

        return new RowResult<DesignatedVillage>(row.Line, row.Source, null, [RecordProblem.Create("village", village.Village, RecordProblemCodes.DuplicateVillage, "list",
            ("place", $"{village.Province} {village.City} {village.County} {village.Township} {village.Village}"), ("year", village.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("first", seen[key].ToString(System.Globalization.CultureInfo.InvariantCulture))) with { Line = row.Line }]);
    }
}
