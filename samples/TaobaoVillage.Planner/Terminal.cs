using System.Globalization;
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

    private static bool IsUnsafe(char c) => c < 0x20 || c is >= '\u007F' and <= '\u009F'
        || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The safety net: text that reached a renderable without <see cref="Text"/> is cleaned segment by segment.</summary>
    private sealed class Hook : IRenderHook
    {
        public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) => renderables.Select(r => (IRenderable)new Cleaned(r));
    }

    private sealed class Cleaned(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak || !s.Text.Any(IsUnsafe) ? s : new Segment(Clean(s.Text), s.Style));
    }
}
