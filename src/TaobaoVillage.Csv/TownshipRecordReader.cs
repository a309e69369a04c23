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
        var header = csv.Headers ?? [];
        var index = CsvTables.Index(header, static name => name.Replace("_", string.Empty, StringComparison.Ordinal));
        var seen = new Dictionary<(string Code, int? Year), long>();
        while (csv.Read())
        {
            var line = csv.LineNumber;
            if (tables.LineProblem() is { } problem)
            {
                yield return new RowResult<TownshipFigures>(line, tables.Source, null, [problem]);
                continue;
            }

            var problems = new List<RecordProblem>();
            string? Cell(string name) => index.TryGetValue(name.Replace("_", string.Empty, StringComparison.Ordinal), out var i) && i < csv.FieldCount
                && csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;
            long? Count(string name)
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
                problems.Add(new RecordProblem(name, text, negative ? RecordProblemCodes.Negative : RecordProblemCodes.NotANumber, "Expected a whole number of zero or more.") { Line = line });
                return null;
            }

            var key = Cell("township_code") ?? Cell("township");
            if (key is null)
            {
                problems.Add(new RecordProblem("township_code", null, RecordProblemCodes.MissingTownship, "A township row needs township_code or township.") { Line = line });
            }

            Cny? sales = null;
            if (Cell(Metric.AnnualSales.Name) is { } salesText)
            {
                var parsed = ExactDecimal.Parse(salesText, out var yuan);
                if (parsed == ExactDecimalResult.Exact && yuan >= 0)
                {
                    sales = Cny.FromYuan(yuan);
                }
                else
                {
                    var code = parsed switch
                    {
                        ExactDecimalResult.Inexact => RecordProblemCodes.Inexact,
                        ExactDecimalResult.OutOfRange => RecordProblemCodes.OutOfRange,
                        ExactDecimalResult.Exact => RecordProblemCodes.Negative,
                        _ => RecordProblemCodes.NotANumber,
                    };
                    problems.Add(new RecordProblem(Metric.AnnualSales.Name, salesText, code, "Expected an amount of zero or more, held exactly.") { Line = line });
                }
            }

            // A kind column when given; else the code's NBS range, else the name's suffix, else unknown.
            TownshipKind? kind = Cell("kind") switch
            {
                null => OfficialNames.TownshipKindOf(Cell("township_code"), Cell("township")),
                var text when DomainNames.TryParseTownshipKind(text, out var k) => k,
                var other => Bad(other),
            };
            TownshipKind? Bad(string other)
            {
                problems.Add(new RecordProblem("kind", other, RecordProblemCodes.Malformed, "The kind is 'township', 'subdistrict' or 'other'.") { Line = line });
                return null;
            }

            var year = Count("year");
            var figures = new TownshipFigures(key ?? string.Empty)
            {
                Name = Cell("township"), Province = Cell("province"), City = Cell("city"), County = Cell("county"),
                Year = year is { } y and <= 9999 ? (int)y : null, Kind = kind,
                TaobaoVillages = Count(Metric.TaobaoVillages.Name), AnnualSales = sales, ActiveShops = Count(Metric.ActiveShops.Name),
                Households = Count(Metric.Households.Name), EcommerceHouseholds = Count(Metric.EcommerceHouseholds.Name),
            };
            yield return problems.Count == 0 ? Once(new RowResult<TownshipFigures>(line, tables.Source, figures, []), seen) : new RowResult<TownshipFigures>(line, tables.Source, null, problems);
        }
    }

    /// <summary>The row, or a rejection when the same township was given for the same year already: which figures count cannot be told.</summary>
    private static RowResult<TownshipFigures> Once(RowResult<TownshipFigures> row, Dictionary<(string Code, int? Year), long> seen)
    {
        var key = (row.Value!.Code, row.Value.Year);
        return seen.TryAdd(key, row.Line)
            ? row
            : new RowResult<TownshipFigures>(row.Line, row.Source, null, [new RecordProblem("township_code", key.Code, RecordProblemCodes.DuplicateTownship,
                $"The township {key.Code} is given again for {(key.Year?.ToString(CultureInfo.InvariantCulture) ?? "no year")} (first at line {seen[key]}); which figures count cannot be told, so only the first is read.") { Line = row.Line }]);
    }
}
