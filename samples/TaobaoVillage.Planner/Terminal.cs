using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TaobaoVillage.Planner;

/// <summary>
/// Text from the data on its way to a terminal: control characters (C0, DEL, C1) and bidirectional overrides are shown,
/// never obeyed, so a village named <c>ESC[2J ESC]0;PWNED BEL</c> cannot clear the screen, retitle the window or
/// reorder what the planner prints.
/// </summary>
public static class Terminal
{
    /// <summary>The text with every control character made visible: C0 as its control picture (␛, ␇), others as <c>&lt;U+202E&gt;</c>.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>The text safe to print.</returns>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe))
        {
            return text ?? string.Empty;
        }

        var clean = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                clean.Append(c);
            }
            else if (c < 0x20)
            {
                clean.Append((char)(0x2400 + c));
            }
            else if (c == 0x7F)
            {
                clean.Append('\u2421');
            }
            else
            {
                clean.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
        }

        return clean.ToString();
    }

    /// <summary>Data text for Spectre markup: cleaned, then markup-escaped.</summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>The markup.</returns>
    public static string Text(string? text) => Markup.Escape(Clean(text));

    /// <summary>Makes a console clean every text segment it prints, whatever path the text took to get there.</summary>
    /// <param name="console">The console.</param>
    /// <returns>The same console.</returns>
    public static IAnsiConsole Guarded(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Pipeline.Attach(new Hook());
        return console;
    }

    private static readonly ConditionalWeakTable<TableColumn, StrongBox<int>> Ranks = [];

    /// <summary>
    /// Marks a column as one a narrow terminal may leave out (<see cref="Fit"/>): the lowest rank goes first. Columns
    /// not marked go only after every marked one, the rightmost first, the first column never.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="rank">Its rank: 1 goes before 2.</param>
    /// <returns>The same column.</returns>
    public static TableColumn Optional(TableColumn column, int rank)
    {
        ArgumentNullException.ThrowIfNull(column);
        Ranks.AddOrUpdate(column, new StrongBox<int>(rank));
        return column;
    }

    /// <summary>
    /// A table as it fits <paramref name="width"/> columns without splitting a word — a code, an amount, a share, a
    /// name's part: every column at least as wide as its longest word, text wrapped only between words. When even that
    /// does not fit, columns are left out (<see cref="Optional"/> ones first) and the caption names them. A table
    /// that fits as it is, or that has cells spanning columns, is returned unchanged.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="options">How it is rendered (for measuring its cells).</param>
    /// <param name="width">The width it must fit.</param>
    /// <returns>The table to render: <paramref name="table"/> or a new one.</returns>
    public static Table Fit(Table table, RenderOptions options, int width)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var rows = table.Rows.Select(r => r.ToList()).ToList();
        if (table.Columns.Count == 0 || table.Width is not null || rows.Any(r => r.Count != table.Columns.Count || r.OfType<TableCell>().Any()))
        {
            return table;
        }

        var columns = Enumerable.Range(0, table.Columns.Count).Select(i => Measure(table, rows, i, options)).ToList();
        var edges = table.Border.Visible ? 1 : 0;
        int Needed(IEnumerable<ColumnSize> kept, Func<ColumnSize, int> size) => kept.Sum(c => size(c) + c.Padding + edges) + edges;
        if (Needed(columns, c => c.Max) <= width)
        {
            return table;
        }

        var kept = columns.ToList();
        while (kept.Count > 1 && Needed(kept, c => c.Min) > width)
        {
            kept.Remove(kept.Skip(1).OrderBy(c => c.Rank).ThenByDescending(c => c.Index).First());
        }

        Narrow(kept, Needed(kept, c => c.Max) - width);
        return Rebuilt(table, rows, kept, columns.Except(kept).Select(c => c.Name).ToList());
    }

    /// <summary>What a column needs: its longest word (min) and its longest line (max), header included.</summary>
    private sealed record ColumnSize(int Index, string Name, int Min, int Max, int Padding, int Rank)
    {
        public int Width { get; set; } = Min;
    }

    private static ColumnSize Measure(Table table, List<List<IRenderable>> rows, int index, RenderOptions options)
    {
        var column = table.Columns[index];
        var sizes = rows.Select(r => r[index]).Prepend(column.Header).Select(r => r.Measure(options, int.MaxValue / 2)).ToList();
        var name = string.Concat(column.Header.Render(options, int.MaxValue / 2).Where(s => !s.IsLineBreak && !s.IsControlCode).Select(s => s.Text)).Trim();
        var rank = Ranks.TryGetValue(column, out var box) ? box.Value : int.MaxValue;
        return new ColumnSize(index, name, sizes.Max(m => m.Min), sizes.Max(m => m.Max), (column.Padding?.Left ?? 1) + (column.Padding?.Right ?? 1), rank);
    }

    /// <summary>Each column as wide as its longest line, then the widest ones narrowed, a character at a time, until the table fits: short columns stay whole, long texts wrap.</summary>
    private static void Narrow(List<ColumnSize> kept, int excess)
    {
        kept.ForEach(c => c.Width = c.Max);
        for (; excess > 0; excess--)
        {
            var widest = kept.Where(c => c.Width > c.Min).MaxBy(c => c.Width);
            if (widest is null)
            {
                return;
            }

            widest.Width--;
        }
    }

    private static Table Rebuilt(Table table, List<List<IRenderable>> rows, List<ColumnSize> kept, List<string> dropped)
    {
        var fitted = new Table
        {
            Border = table.Border, BorderStyle = table.BorderStyle, ShowHeaders = table.ShowHeaders, ShowFooters = table.ShowFooters,
            ShowRowSeparators = table.ShowRowSeparators, UseSafeBorder = table.UseSafeBorder, Title = table.Title,
            Caption = dropped.Count == 0 ? table.Caption : new TableTitle(Words.Format("Not shown, the terminal being too narrow: {0}.", string.Join(", ", dropped))),
        };
        foreach (var size in kept)
        {
            var column = table.Columns[size.Index];
            fitted.AddColumn(new TableColumn(column.Header) { Footer = column.Footer, Alignment = column.Alignment, Padding = column.Padding, NoWrap = column.NoWrap, Width = size.Width });
        }

        foreach (var row in rows)
        {
            fitted.AddRow(kept.Select(c => row[c.Index]));
        }

        return fitted;
    }

    private static bool IsUnsafe(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The safety net: text that reached a renderable without <see cref="Text"/> is cleaned segment by segment.</summary>
    private sealed class Hook : IRenderHook
    {
        public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
            renderables.Select(r => (IRenderable)new Cleaned(r is Table table ? Fit(table, options, options.ConsoleSize.Width) : r));
    }

    private sealed class Cleaned(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak || !s.Text.Any(IsUnsafe) ? s : new Segment(Clean(s.Text), s.Style));
    }
}
