using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Excel;

/// <summary>The cell styles of the verdicts workbook: their indexes are the order of <see cref="Sheet"/>'s formats.</summary>
internal static class Style
{
    public const uint Plain = 0;
    public const uint Header = 1;
    public const uint Good = 2;
    public const uint Bad = 3;
    public const uint Open = 4;
    public const uint Void = 5;

    /// <summary>The style of a verdict or outcome code; plain for any other.</summary>
    public static uint Of(string value) => value switch
    {
        "eligible" or "pass" => Good,
        "not_eligible" or "fail" => Bad,
        "indeterminate" or "unknown" => Open,
        "invalid" => Void,
        _ => Plain,
    };

    /// <summary>Excel's own "good / bad / neutral" colours, so the sheet looks like one its users made.</summary>
    public static Stylesheet Sheet() => new(
        new Fonts(new Font(), new Font(new Bold()), Coloured("FF006100"), Coloured("FF9C0006"), Coloured("FF9C5700"), Coloured("FF595959")),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFC6EFCE"), Solid("FFFFC7CE"), Solid("FFFFEB9C"), Solid("FFD9D9D9")),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
            Filled(2), Filled(3), Filled(4), Filled(5)));

    private static Font Coloured(string rgb) => new(new Color { Rgb = rgb });

    private static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });

    private static CellFormat Filled(uint index) => new() { FontId = index, FillId = index, BorderId = 0, ApplyFont = true, ApplyFill = true };
}

/// <summary>
/// Streams the verdicts sheet's XML: frozen header, the village code and name first, widths from the header and the
/// first rows, rows as they come, the filter over all of them. Only the columns of the rule sets the rows used: the
/// first rows are held, and when more follow they are spooled to a temporary file (<see cref="RowSpool"/>) until the
/// last one has said which sets were used.
/// </summary>
internal static class SheetWriter
{
    /// <summary>The rows the column widths are measured on (held before writing; the rest spool).</summary>
    public const int MeasuredRows = 1000;

    /// <summary>The widest column, in characters (a Chinese character counts two).</summary>
    public const int MaxWidth = 50;

    /// <summary>Writes the sheet.</summary>
    /// <returns>The filtered range, as <c>A1:X9</c>.</returns>
    public static string Write(Stream target, IReadOnlyList<RuleSet> ruleSets, IEnumerable<ScoredRow> rows, ExcelVerdictLabels labels)
    {
        var table = new VerdictTable(ruleSets);
        var used = new UsedRuleSets(ruleSets);
        var needs = table.Columns.ToList().IndexOf("needs");
        object?[] Values(ScoredRow row)
        {
            used.Add(row);
            var values = table.Row(row).Select(f => f.Value).ToArray();
            if (labels.Needs is { } words && values[needs] is not null)
            {
                values[needs] = words(row.Verdict!);
            }

            return values;
        }

        using var source = rows.GetEnumerator();
        var head = new List<object?[]>();
        while (head.Count < MeasuredRows && source.MoveNext())
        {
            head.Add(Values(source.Current));
        }

        using var spool = head.Count == MeasuredRows ? new RowSpool() : null;
        while (spool is not null && source.MoveNext())
        {
            spool.Add(Values(source.Current));
        }

        var layout = SheetLayout.Of(table, used.Sets(), labels);
        return WriteSheet(target, layout, labels, head, spool?.Rows(table.Columns.Count) ?? []);
    }

    private static string WriteSheet(Stream target, SheetLayout layout, ExcelVerdictLabels labels, List<object?[]> head, IEnumerable<object?[]> rest)
    {
        var letters = layout.Headers.Select((_, i) => ColumnLetters(i)).ToArray();
        var shown = head.Select(row => Shown(layout, labels, row)).ToList();
        using var writer = OpenXmlWriter.Create(target, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(layout.Headers.Select((header, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true, Width = Width(header, shown.Select(r => r[i].Value)),
        })));
        writer.WriteStartElement(new SheetData());
        uint line = 1;
        WriteRow(writer, line, letters, [.. layout.Headers.Select(h => ((object?)h, Style.Header))]);
        foreach (var row in shown.Concat(rest.Select(row => Shown(layout, labels, row))))
        {
            WriteRow(writer, ++line, letters, row);
        }

        writer.WriteEndElement();
        var range = $"A1:{letters[^1]}{line}";
        writer.WriteElement(new AutoFilter { Reference = range });
        writer.WriteEndElement();
        return range;
    }

    /// <summary>A row's cells in sheet order: codes as the labels' words, each with the style of its code.</summary>
    private static (object? Value, uint Style)[] Shown(SheetLayout layout, ExcelVerdictLabels labels, object?[] values)
    {
        var cells = new (object?, uint)[layout.Source.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = values[layout.Source[i]];
            cells[i] = layout.Kinds[i] != SheetColumnKind.Plain && value is string code ? (labels.Word(code), Style.Of(code)) : (value, Style.Plain);
        }

        return cells;
    }

    /// <summary>A column's width: its header's or widest measured value's display width, plus a margin, from 8 to <see cref="MaxWidth"/>.</summary>
    private static double Width(string header, IEnumerable<object?> values) =>
        Math.Clamp(values.Select(Shown).Append(header).Max(DisplayWidth) + 2, 8, MaxWidth);

    private static string Shown(object? value) => value switch
    {
        null => string.Empty,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Characters as a spreadsheet draws them: East Asian wide ones (CJK, full-width forms) take two.</summary>
    public static int DisplayWidth(string text) => text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    private static void WriteRow(OpenXmlWriter writer, uint line, string[] letters, (object? Value, uint Style)[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = line });
        var number = line.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < cells.Length; i++)
        {
            if (Cell(letters[i] + number, cells[i].Value, cells[i].Style) is { } cell)
            {
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>A cell: numbers as numbers, text inline (with its style), nothing for an unknown.</summary>
    private static Cell? Cell(string reference, object? value, uint style) => value switch
    {
        null => null,
        string text => new Cell(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        },
        int number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        long number => new Cell { CellReference = reference, CellValue = new CellValue((decimal)number) },
        decimal number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
        IFormattable other => new Cell { CellReference = reference, CellValue = new CellValue(other.ToString(null, CultureInfo.InvariantCulture)) },
        _ => Cell(reference, value.ToString(), style),
    };

    /// <summary>XML 1.0 cannot hold most control characters; a name read from a damaged file may have them.</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return string.Concat(text.Select(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch) ? ch : '\uFFFD'));
            }
        }

        return text;
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
