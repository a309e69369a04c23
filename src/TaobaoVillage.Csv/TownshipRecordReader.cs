using TaobaoVillage.Metrics;
using System.Globalization;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Csv;

/// <summary>
/// Reads township records given directly (instead of summed from villages): CSV with <c>township_code</c> or
/// <c>township</c>, optionally <c>province</c>, <c>city</c>, <c>county</c>, <c>year</c>, <c>kind</c>
/// (<c>township</c>/<c>subdistrict</c>), <c>taobao_villages</c>, <c>annual_sales_cny</c>, <c>active_shops</c>,
/// <c>households</c>, <c>ecommerce_households</c>. An empty cell is a missing figure.
/// </summary>
/// <remarks>Every data line comes out as one <see cref="RowResult{T}"/> of <see cref="TownshipFigures"/>. Static members are thread-safe.</remarks>
public static class TownshipRecordReader
{
    /// <summary>Reads a township records file (UTF-8, or the options' encoding).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per data line, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static IEnumerable<RowResult<TownshipFigures>> ReadFile(string path, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= CsvRecordReaderOptions.Default;
        return Core(path, options);

        static IEnumerable<RowResult<TownshipFigures>> Core(string path, CsvRecordReaderOptions options)
        {
            using var tables = CsvTables.OpenFile(path, options);
            foreach (var row in ReadCore(tables))
            {
                yield return row;
            }
        }
    }

    /// <summary>Reads township records from text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <returns>One row per data line, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static IEnumerable<RowResult<TownshipFigures>> Read(TextReader reader, CsvRecordReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new TaobaoVillage.IO.SingleUse<RowResult<TownshipFigures>>(ReadCore(reader, options ?? CsvRecordReaderOptions.Default), nameof(Read));
    }

    private static IEnumerable<RowResult<TownshipFigures>> ReadCore(TextReader text, CsvRecordReaderOptions options)
    {
        using var tables = CsvTables.Open(text, options);
        foreach (var row in ReadCore(tables))
        {
            yield return row;
        }
    }

    private static IEnumerable<RowResult<TownshipFigures>> ReadCore(CsvTables tables)
    {
        var csv = tables.Csv;
        var index = CsvTables.Index(csv.Headers ?? [], static name => name.Replace("_", string.Empty, StringComparison.Ordinal));
        var seen = new Dictionary<(string Code, int? Year), long>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (tables.LineProblem() is { } problem)
            {
                yield return new RowResult<TownshipFigures>(line, tables.Source, null, [problem]);
                continue;
            }

            var row = new TownshipLine(csv, index, line);
            var figures = row.Figures();
            yield return row.Problems.Count == 0 ? Once(new RowResult<TownshipFigures>(line, tables.Source, figures, []), seen) : new RowResult<TownshipFigures>(line, tables.Source, null, row.Problems);
        }
    }

    /// <summary>The row, or a rejection when the same township was given for the same year already: which figures count cannot be told.</summary>
    private static RowResult<TownshipFigures> Once(RowResult<TownshipFigures> row, Dictionary<(string Code, int? Year), long> seen)
    {
        var key = (row.Value!.Code, row.Value.Year);
        return seen.TryAdd(key, row.Line)
            ? row
            : new RowResult<TownshipFigures>(row.Line, row.Source, null, [(key.Year is { } year
                ? RecordProblem.Create("township_code", key.Code, RecordProblemCodes.DuplicateTownship, null, ("year", year.ToString(CultureInfo.InvariantCulture)), ("first", seen[key].ToString(CultureInfo.InvariantCulture)))
                : RecordProblem.Create("township_code", key.Code, RecordProblemCodes.DuplicateTownship, "no-year", ("first", seen[key].ToString(CultureInfo.InvariantCulture)))) with { Line = row.Line }]);
    }
}

/// <summary>One line of a townships file read into figures, each cell that cannot be read a problem of the line.</summary>
internal sealed class TownshipLine(CsvHelper.CsvReader csv, Dictionary<string, int> index, long line)
{
    /// <summary>What could not be read.</summary>
    public List<RecordProblem> Problems { get; } = [];

    /// <summary>The township's figures; where <see cref="Problems"/> is not empty, incomplete.</summary>
    public TownshipFigures Figures()
    {
        var key = Cell("township_code") ?? Cell("township");
        if (key is null)
        {
            Problems.Add(RecordProblem.Create("township_code", null, RecordProblemCodes.MissingTownship, null) with { Line = line });
        }

        // In this order, the order the line's problems are told in.
        var (sales, kind, year) = (Sales(), Kind(), Count("year"));
        return new TownshipFigures(key ?? string.Empty)
        {
            Name = Cell("township"), Province = Cell("province"), City = Cell("city"), County = Cell("county"),
            Year = year is { } y and <= 9999 ? (int)y : null, Kind = kind,
            TaobaoVillages = Count(Metric.TaobaoVillages.Name), AnnualSales = sales, ActiveShops = Count(Metric.ActiveShops.Name),
            Households = Count(Metric.Households.Name), EcommerceHouseholds = Count(Metric.EcommerceHouseholds.Name),
        };
    }

    private string? Cell(string name) => index.TryGetValue(name.Replace("_", string.Empty, StringComparison.Ordinal), out var i) && i < csv.FieldCount
        && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;

    private long? Count(string name)
    {
        if (Cell(name) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var negative = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        Problems.Add(RecordProblem.Create(name, text, negative ? RecordProblemCodes.Negative : RecordProblemCodes.NotANumber, "whole") with { Line = line });
        return null;
    }

    private Cny? Sales()
    {
        if (Cell(Metric.AnnualSales.Name) is not { } text)
        {
            return null;
        }

        var parsed = ExactDecimal.Parse(text, out var yuan);
        if (parsed == ExactDecimalResult.Exact && yuan >= 0)
        {
            return Cny.FromYuan(yuan);
        }

        var code = parsed switch
        {
            ExactDecimalResult.Inexact => RecordProblemCodes.Inexact,
            ExactDecimalResult.OutOfRange => RecordProblemCodes.OutOfRange,
            ExactDecimalResult.Exact => RecordProblemCodes.Negative,
            _ => RecordProblemCodes.NotANumber,
        };
        Problems.Add(RecordProblem.Create(Metric.AnnualSales.Name, text, code, "amount") with { Line = line });
        return null;
    }

    /// <summary>A kind column when given; else the code's NBS range, else the name's suffix, else unknown.</summary>
    private TownshipKind? Kind()
    {
        if (Cell("kind") is not { } text)
        {
            return OfficialNames.TownshipKindOf(Cell("township_code"), Cell("township"));
        }

        if (DomainNames.TryParseTownshipKind(text, out var kind))
        {
            return kind;
        }

        Problems.Add(RecordProblem.Create("kind", text, RecordProblemCodes.UnknownTownshipKind, null) with { Line = line });
        return null;
    }
}
