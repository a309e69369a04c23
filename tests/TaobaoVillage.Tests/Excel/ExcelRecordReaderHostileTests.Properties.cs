using System.Globalization;
using System.Security;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaobaoVillage.Excel;
using static TaobaoVillage.Tests.Excel.RawXlsx;

namespace TaobaoVillage.Tests.Excel;

/// <summary>The law the CSV properties hold, for generated raw OpenXML: every row of the sheet out once, with its own number, exact or refused.</summary>
public partial class ExcelRecordReaderHostileTests
{
    /// <summary>How a generated row gives its number.</summary>
    public enum RowNumbering
    {
        /// <summary>An <c>r</c> after the last, perhaps with a gap.</summary>
        After,

        /// <summary>No <c>r</c>: the next row.</summary>
        Missing,

        /// <summary><c>r="0"</c>.</summary>
        Zero,

        /// <summary>A negative <c>r</c>.</summary>
        Negative,

        /// <summary>The last row's number again (out of order).</summary>
        Again,
    }

    /// <summary>One generated row: how it is numbered, the gap, the sales figure, the cell type that holds it, whether it is over the cell limit.</summary>
    public sealed record GeneratedRow(RowNumbering Numbering, int Gap, decimal Sales, string CellType, bool TooLong);

    private const int SmallLimit = 40;

    private static Arbitrary<GeneratedRow[]> Rows()
    {
        var sales = from digits in Gen.Choose(0, int.MaxValue)
                    from high in Gen.Choose(0, 99_999)
                    from scale in Gen.Choose(0, 10)
                    select new decimal((int)((high * 1_000_000_000L + digits) & int.MaxValue), high, 0, false, (byte)scale);
        var row = from numbering in Gen.Frequency((6, Gen.Constant(RowNumbering.After)), (2, Gen.Constant(RowNumbering.Missing)), (1, Gen.Constant(RowNumbering.Zero)), (1, Gen.Constant(RowNumbering.Negative)), (1, Gen.Constant(RowNumbering.Again)))
                  from gap in Gen.Choose(1, 3000)
                  from value in sales
                  from type in Gen.Elements("n", "inlineStr", "str", "s")
                  from tooLong in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
                  select new GeneratedRow(numbering, gap, value, type, tooLong);
        return Arb.From(Gen.ArrayOf(row), rows => Enumerable.Range(0, rows.Length).Select(i => rows.Where((_, j) => j != i).ToArray()));
    }

    [Property(MaxTest = 60)]
    public Property ReadFile_GeneratedSheets_EveryRowOutOnceWithItsNumberExactOrRefused() => Prop.ForAll(Rows(), generated =>
    {
        var strings = new List<string>();
        var expected = new List<(long Line, decimal? Sales)>();
        var xml = new System.Text.StringBuilder(Header());
        long last = 1;
        for (var i = 0; i < generated.Length; i++)
        {
            var g = generated[i];
            var (r, line, valid) = Numbered(g, ref last);
            var text = g.Sales.ToString(CultureInfo.InvariantCulture) + (g.TooLong ? new string('0', SmallLimit) : string.Empty);
            xml.Append(r is null ? "<row>" : $"<row r=\"{r}\">")
                .Append(CultureInfo.InvariantCulture, $"<c t=\"inlineStr\"><is><t>3307821{i:00000}</t></is></c>")
                .Append("<c t=\"inlineStr\"><is><t>village</t></is></c><c><v>400</v></c><c><v>150</v></c>")
                .Append(Cell(g.CellType, text, strings)).Append("</row>");
            expected.Add((line, valid && !g.TooLong ? g.Sales : null));
        }

        var rows = Read(xml.ToString(), strings, new ExcelRecordReaderOptions { MaxFieldLength = SmallLimit });
        return (rows.Count == expected.Count
                && rows.Select(x => x.Line).SequenceEqual(expected.Select(e => e.Line))
                && rows.Zip(expected).All(p => p.Second.Sales is { } s ? p.First.Value?.AnnualSales?.Yuan == s : !p.First.IsValid))
            .Label($"lines {string.Join(",", rows.Select(x => x.Line))} expected {string.Join(",", expected.Select(e => e.Line))}");
    });

    /// <summary>The row's <c>r</c> text (null for none), the line it must come out with, and whether it can be a record.</summary>
    private static (string? R, long Line, bool Valid) Numbered(GeneratedRow g, ref long last)
    {
        switch (g.Numbering)
        {
            case RowNumbering.After:
                last = Math.Min(last + g.Gap, 1_048_576);
                return (last.ToString(CultureInfo.InvariantCulture), last, true);
            case RowNumbering.Missing:
                return (null, ++last, true);
            case RowNumbering.Again:
                return (last.ToString(CultureInfo.InvariantCulture), last, false);
            default:
                return (g.Numbering == RowNumbering.Zero ? "0" : "-" + g.Gap, ++last, false);
        }
    }

    private static string Cell(string type, string text, List<string> strings)
    {
        if (type == "s")
        {
            strings.Add(text);
            return $"<c t=\"s\"><v>{strings.Count - 1}</v></c>";
        }

        return type == "inlineStr" ? $"<c t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>" : $"<c t=\"{type}\"><v>{text}</v></c>";
    }
}
