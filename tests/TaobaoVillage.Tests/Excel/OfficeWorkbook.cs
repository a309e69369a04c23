using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TaobaoVillage.Tests.Excel;

/// <summary>
/// Writes a real .xlsx through the Open XML SDK the way county offices make them: a title merged across the table, a
/// blank line, 序号 and 备注 columns, blank spacer columns, numbers stored as text, a notes sheet first, hidden rows, and
/// a 合计 row under the villages — each part switched on by its own flag, so a test can say which one it checks.
/// </summary>
internal sealed record OfficeWorkbook
{
    /// <summary>One village: code, name, committee (村委会/居委会), households, shops, sales in yuan.</summary>
    internal sealed record Village(string Code, string Name, string Committee, long Households, long Shops, decimal Sales);

    /// <summary>Three villages: eligible, one fen short, and a residents' committee.</summary>
    public static IReadOnlyList<Village> Sample { get; } =
    [
        new("330782100201", "青岩刘村", "村委会", 400, 150, 12345678.5m),
        new("330782100202", "下骆宅村", "村委会", 400, 39, 9999999.99m),
        new("330782100203", "江湾社区", "居委会", 400, 150, 25000000m),
    ];

    public bool Title { get; init; }

    public bool BlankColumns { get; init; }

    public bool NumbersAsText { get; init; }

    public bool NotesSheetFirst { get; init; }

    public bool TotalRow { get; init; }

    /// <summary>The code column's header: 村代码, or one that names no village code (编号).</summary>
    public string CodeHeader { get; init; } = "村代码";

    /// <summary>The villages (by index) whose rows are hidden, as a filter leaves them.</summary>
    public IReadOnlyList<int> HiddenRows { get; init; } = [];

    /// <summary>Every part switched on.</summary>
    public static OfficeWorkbook All => new() { Title = true, BlankColumns = true, NumbersAsText = true, NotesSheetFirst = true, TotalRow = true, HiddenRows = [1] };

    /// <summary>The header row's number in the sheet.</summary>
    public int HeaderRow => Title ? 3 : 1;

    /// <summary>The same villages as a contract CSV.</summary>
    public static string ContractCsv(IReadOnlyList<Village> villages) =>
        "village_code,village_name,committee,households,active_shops,annual_sales_cny\n" + string.Concat(villages.Select(v =>
            $"{v.Code},{v.Name},{(v.Committee == "村委会" ? "village" : "residents")},{v.Households},{v.Shops},{v.Sales.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n"));

    public void Write(string path, IReadOnlyList<Village> villages)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        if (NotesSheetFirst)
        {
            AddSheet(workbook, "填表说明", new SheetData(Row(1, ["本表由各乡镇填报，金额单位为元。"]), Row(2, ["联系人：县商务局"])), null);
        }

        AddSheet(workbook, "统计", Data(villages), Title ? new MergeCells(new MergeCell { Reference = "A1:" + Letter(Columns().Count - 1) + "1" }) : null);
    }

    private SheetData Data(IReadOnlyList<Village> villages)
    {
        var data = new SheetData();
        if (Title)
        {
            data.Append(Row(1, ["某某县2023年电子商务统计表"]));
            data.Append(Row(2, ["单位：户、家、元"]));
        }

        data.Append(Row(HeaderRow, [.. Columns().Cast<object?>()]));
        for (var i = 0; i < villages.Count; i++)
        {
            var v = villages[i];
            data.Append(Row(HeaderRow + 1 + i, Cells(i + 1, v.Code, v.Name, v.Committee, v.Households, v.Shops, v.Sales), HiddenRows.Contains(i)));
        }

        if (TotalRow)
        {
            data.Append(Row(HeaderRow + 1 + villages.Count, Cells(null, "合计", null, null, villages.Sum(v => v.Households), villages.Sum(v => v.Shops), villages.Sum(v => v.Sales))));
        }

        return data;
    }

    private List<string?> Columns() => BlankColumns
        ? ["序号", CodeHeader, null, "村名", "类型", null, "户数", "活跃网店数", "年销售额（元）", "备注"]
        : ["序号", CodeHeader, "村名", "类型", "户数", "活跃网店数", "年销售额（元）", "备注"];

    private object?[] Cells(int? number, string code, string? name, string? committee, long households, long shops, decimal sales)
    {
        object? Figure(decimal value) => NumbersAsText ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : value;
        object?[] core = [Figure(households), Figure(shops), Figure(sales), null];
        object?[] head = BlankColumns ? [number, code, null, name, committee, null] : [number, code, name, committee];
        return [.. head, .. core];
    }

    private static void AddSheet(WorkbookPart workbook, string name, SheetData data, MergeCells? merged)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = merged is null ? new Worksheet(data) : new Worksheet(data, merged);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Row Row(int number, object?[] values, bool hidden = false)
    {
        var row = new Row { RowIndex = (uint)number, Hidden = hidden ? true : null };
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                row.Append(Cell(Letter(i) + number, value));
            }
        }

        return row;
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) },
        _ => new Cell { CellReference = reference, CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!) },
    };

    private static string Letter(int index) => ((char)('A' + index)).ToString();
}
