using System.Globalization;
using CsvHelper;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Csv;

/// <summary>Options of the CSV writers (<see cref="CsvTableWriter"/>, <see cref="CsvVerdictWriter"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CsvOutputOptions
{
    /// <summary>The defaults: formulas neutralised, <c>\n</c> line ends.</summary>
    public static CsvOutputOptions Default { get; } = new();

    /// <summary>
    /// Whether a text cell that a spreadsheet would run as a formula — one starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return — is written with a leading <c>'</c> (OWASP's advice against CSV
    /// injection). On by default; numbers such as <c>-5</c> are never changed. Turn it off for machine consumers that
    /// need the cells byte for byte.
    /// </summary>
    public bool NeutraliseFormulas { get; init; } = true;

    /// <summary>
    /// Whether a code column's cell (<c>village_code</c>, <c>township_code</c>) made only of the digits 0–9 is written
    /// as the text formula <c>="330782100201"</c>, which Excel, WPS and LibreOffice show as the code itself instead of a
    /// number (<c>3.30782E+11</c>, a leading zero lost). Off by default: the cell is then a formula for programs too.
    /// It is the one formula a writer ever writes, and only around digits, so no cell text can run: a code holding
    /// anything else is written plainly, neutralised as <see cref="NeutraliseFormulas"/> says.
    /// </summary>
    public bool CodesAsText { get; init; }

    /// <summary>The columns <see cref="CodesAsText"/> applies to.</summary>
    public static IReadOnlyList<string> CodeColumns { get; } = ["village_code", "township_code"];
}

/// <summary>
/// Writes rows of text cells as RFC 4180 CSV, neutralising cells that would start a spreadsheet formula (see
/// <see cref="CsvOutputOptions.NeutraliseFormulas"/>). The one CSV writer of this package: every CSV output goes
/// through it.
/// </summary>
/// <remarks>Not thread-safe: one writer per output.</remarks>
public sealed class CsvTableWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly bool _neutralise;
    private readonly bool _codesAsText;

    /// <summary>Creates a writer.</summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="options">Options, or the defaults.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open on dispose.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public CsvTableWriter(TextWriter writer, CsvOutputOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _neutralise = (options ?? CsvOutputOptions.Default).NeutraliseFormulas;
        _codesAsText = (options ?? CsvOutputOptions.Default).CodesAsText;
        _csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", ValidateFieldCount = false }, leaveOpen);
    }

    /// <summary>Writes one row.</summary>
    /// <param name="cells">The cells; null is an empty cell.</param>
    public void WriteRow(params ReadOnlySpan<string?> cells)
    {
        foreach (var cell in cells)
        {
            WriteCell(cell);
        }

        _csv.EndRecord();
    }

    private void WriteCell(string? cell) => _csv.WriteField(_neutralise ? Neutralise(cell ?? string.Empty) : cell ?? string.Empty);

    /// <summary>Writes one row.</summary>
    /// <param name="cells">The cells; null is an empty cell.</param>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public void WriteRow(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        WriteRow([.. cells]);
    }

    /// <summary>Flushes what was written to the underlying writer.</summary>
    public void Flush() => _csv.Flush();

    /// <summary>
    /// Writes output rows (<see cref="OutputRow"/>): a header of the first row's names, then one line per row — numbers
    /// invariant, unknowns empty, a rule set as <c>id@version</c>, villages as the names of the qualifying ones; a
    /// verdict's criteria are left to JSON (docs/formats.md).
    /// </summary>
    /// <param name="rows">The rows, all of one shape.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public void WriteRows(IEnumerable<IReadOnlyList<OutputField>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var header = false;
        foreach (var row in rows)
        {
            if (!header)
            {
                WriteRow(CsvFields(row).Select(f => f.Name));
                header = true;
            }

            WriteFields(row);
        }
    }

    /// <summary>Writes one output row's values as cells, as <see cref="WriteRows"/> does (no header).</summary>
    /// <param name="fields">The fields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> is null.</exception>
    public void WriteFields(IReadOnlyList<OutputField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        // Cell by cell, as WriteRow writes them, without a sequence or an array a row: the verdict table writes one per village.
        for (var i = 0; i < fields.Count; i++)
        {
            if (InCsv(fields[i]))
            {
                WriteCodeOrCell(fields[i].Name, Cell(fields[i].Value));
            }
        }

        _csv.EndRecord();
    }

    /// <summary>A cell, or with <see cref="CsvOutputOptions.CodesAsText"/> a code of digits as <c>="…"</c> (never neutralised: it is a formula on purpose).</summary>
    private void WriteCodeOrCell(string name, string cell)
    {
        if (_codesAsText && cell.Length > 0 && cell.All(char.IsAsciiDigit) && CsvOutputOptions.CodeColumns.Contains(name))
        {
            _csv.WriteField("=\"" + cell + "\"");
            return;
        }

        WriteCell(cell);
    }

    /// <summary>The fields a CSV row holds: a verdict's criteria are left to JSON.</summary>
    private static IEnumerable<OutputField> CsvFields(IEnumerable<OutputField> fields) => fields.Where(InCsv);

    private static bool InCsv(OutputField field) => field.Value is not Verdict;

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        Eligibility e => StatusNames.Name(e),
        IReadOnlyList<VillageResult> villages => string.Join(" ", villages.Where(v => v.Eligibility == Eligibility.Eligible).Select(v => v.Village)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }

    /// <summary>
    /// The cell as a spreadsheet will show it and never run it: a text starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return gets a leading <c>'</c>; a number (<c>-5</c>, <c>+1.5</c>) is left alone.
    /// </summary>
    /// <param name="cell">The cell's text.</param>
    /// <returns>The text to write.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cell"/> is null.</exception>
    public static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return cell;
        }

        var number = cell[0] is '+' or '-' && decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
        return number ? cell : "'" + cell;
    }
}
