using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TaobaoVillage.Batch;
using TaobaoVillage.Csv;
using TaobaoVillage.Excel;

namespace TaobaoVillage.Tests;

public class ExcelVerdictLabelsTests
{
    private const string Header = "village_code,village_name,year,committee,main_platform,households,ecommerce_households,active_shops,annual_sales_cny\n";

    [Fact]
    public void Write_RowsOfOneYearUnderSetsByYear_OnlyThatSetsColumns()
    {
        var sheet = Read(Write(Records(3, 2016)));

        var header = sheet[0];
        Assert.Contains("annual-sales", header);
        Assert.Contains("active-shop-count shortfall", header);
        Assert.DoesNotContain("main-platform-taobao", header);
        Assert.DoesNotContain("annual-transactions", header);
        Assert.DoesNotContain("administrative-village", header);
        Assert.Equal(["village_code", "village_name"], header.Take(2));
        Assert.All(sheet.Skip(1), row => Assert.Equal("aliresearch-2014", row[header.IndexOf("rule_set")]));
    }

    [Fact]
    public void Write_ASetFirstUsedAfterTheHeldRows_ItsColumnsAndTheSpooledRowsExact()
    {
        var text = Records(SheetWriter.MeasuredRows + 200, 2016) + "330782100999,后村,2021,village,taobao,400,60,150,9999999.99\n";

        var sheet = Read(Write(text));

        var header = sheet[0];
        Assert.Equal(SheetWriter.MeasuredRows + 202, sheet.Count);
        Assert.Contains("administrative-village", header);
        Assert.DoesNotContain("main-platform-taobao", header);
        var last = sheet[^1];
        Assert.Equal("330782100999", last[header.IndexOf("village_code")]);
        Assert.Equal("pass", last[header.IndexOf("administrative-village")]);
        Assert.Equal("0.01", last[header.IndexOf("annual-sales shortfall")]);
        Assert.Equal("9999999.99", last[header.IndexOf("annual-sales value")]);
        Assert.Equal("330782101400", sheet[^2][header.IndexOf("village_code")]);
        Assert.Equal(string.Empty, sheet[^2][header.IndexOf("administrative-village")]);
    }

    [Fact]
    public void Write_NoRowJudged_TheNewestSetsColumns()
    {
        var sheet = Read(Write(string.Empty));

        Assert.Equal(new IO.VerdictTable([BuiltInRuleSets.AliResearch]).Columns.Order(), sheet[0].Order());
    }

    [Fact]
    public void Write_LabelsGiven_HeadersAndWordsTheirsColoursByTheCode()
    {
        var labels = new ExcelVerdictLabels
        {
            Column = name => "C:" + name, Criterion = id => "K:" + id, Shortfall = id => "S:" + id, Value = id => "V:" + id,
            Word = code => "W:" + code, Needs = _ => "needs-words",
        };

        var bytes = Write(Records(1, 2016) + "330782100998,前村,2016,village,taobao,400,60,150,99\n", labels);

        var sheet = Read(bytes);
        Assert.Equal(["C:village_code", "C:village_name", "C:line"], sheet[0].Take(3));
        Assert.Contains("K:annual-sales", sheet[0]);
        Assert.Contains("S:annual-sales", sheet[0]);
        Assert.Contains("V:annual-sales", sheet[0]);
        Assert.Equal("W:eligible", sheet[1][sheet[0].IndexOf("C:verdict")]);
        Assert.Equal("W:not_eligible", sheet[2][sheet[0].IndexOf("C:verdict")]);
        Assert.Equal("W:fail", sheet[2][sheet[0].IndexOf("K:annual-sales")]);
        Assert.Equal("needs-words", sheet[2][sheet[0].IndexOf("C:needs")]);
        Assert.Equal("FFC6EFCE", FillOf(bytes, "W:eligible"));
        Assert.Equal("FFFFC7CE", FillOf(bytes, "W:fail"));
    }

    private static string Records(int count, int year)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < count; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{330782100201 + i},村{i},{year},village,taobao,400,60,150,12345678\n");
        }

        return count == 0 ? string.Empty : text.ToString();
    }

    private static byte[] Write(string csv, ExcelVerdictLabels? labels = null)
    {
        var scorer = BatchScorer.ForYears();
        IEnumerable<ScoredRow> rows = csv.Length == 0 ? [] : scorer.Score(CsvRecordReader.Read(new StringReader(csv)));
        var bytes = new MemoryStream();
        ExcelVerdictWriter.Write(bytes, rows, scorer.RuleSets, labels ?? ExcelVerdictLabels.Machine);
        return bytes.ToArray();
    }

    /// <summary>The sheet's cells as text, row by row, each row as wide as the header (an absent cell empty).</summary>
    internal static List<List<string>> Read(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var width = rows[0].Elements<Cell>().Count();
        return [.. rows.Select(row =>
        {
            var cells = Enumerable.Repeat(string.Empty, width).ToList();
            foreach (var cell in row.Elements<Cell>())
            {
                cells[Column(cell.CellReference!.Value!)] = cell.InnerText;
            }

            return cells;
        })];
    }

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;

    private static string? FillOf(byte[] workbook, string text)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), isEditable: false);
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var fills = styles.CellFormats!.Elements<CellFormat>().Select(f => styles.Fills!.Elements<Fill>().ElementAt((int)f.FillId!.Value).PatternFill?.ForegroundColor?.Rgb?.Value).ToList();
        return document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().Where(c => c.InnerText == text).Select(c => fills[(int)(c.StyleIndex?.Value ?? 0)]).Distinct().Single();
    }
}
