using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Excel.Xlsx;

/// <summary>The rows below a sheet's header as input rows: cells put under their header's column, parsed by the record schema.</summary>
internal sealed class SheetRecords
{
    private readonly SheetTable _table;
    private readonly string _source;
    private readonly RecordSchema _schema;
    private readonly Dictionary<int, int> _slots = [];
    private readonly CellValue[] _cells;
    private readonly bool[] _isCode;
    private readonly bool[] _numbers;
    private readonly IReadOnlyList<string?> _fields;
    private bool _done;

    public SheetRecords(SheetTable table, string source, ExcelRecordReaderOptions options)
    {
        _table = table;
        _source = source;
        _schema = RecordSchema.FromColumns(table.Info.Header, options.InferCommitteeFromName, options.Columns);
        _cells = new CellValue[table.HeaderColumns.Count];
        _fields = _schema.ContractFields;
        _isCode = [.. _fields.Select(f => f is FieldNames.VillageCode or FieldNames.TownshipCode)];
        // Figures that are plain digits go to the schema as numbers, as the CSV reader gives them.
        _numbers = [.. Enumerable.Range(0, _cells.Length).Select(_schema.ReadsNumber)];
        for (var i = 0; i < table.HeaderColumns.Count; i++)
        {
            _slots[table.HeaderColumns[i]] = i;
        }
    }

    /// <summary>The next input row, or null at the end; a sheet that stops being readable ends with one rejected row saying so.</summary>
    public InputRow? Next()
    {
        while (!_done)
        {
            try
            {
                if (_table.Next() is not { } row)
                {
                    _done = true;
                    return null;
                }

                if (!row.IsEmpty)
                {
                    return ToInput(row);
                }
            }
            catch (Exception ex) when (Workbook.IsUnreadable(ex))
            {
                _done = true;
                return InputRow.Unreadable(_table.LastRow + 1, _source, RecordProblem.Create("*", null, RecordProblemCodes.Malformed, "sheet-rest",
                    ("row", _table.LastRow.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", ex.Message)));
            }
        }

        return null;
    }

    private InputRow ToInput(SheetRow row)
    {
        if (row.Problem is { } problem)
        {
            return InputRow.Unreadable(row.Number, _source, problem, KeyOf(row));
        }

        Array.Clear(_cells);
        foreach (var cell in row.Cells)
        {
            if (_slots.TryGetValue(cell.Column, out var slot))
            {
                if (_isCode[slot] && cell.IsNumber && InexactCode(cell.Text))
                {
                    return InputRow.Unreadable(row.Number, _source, RecordProblem.Create(_fields[slot]!, cell.Text, RecordProblemCodes.Inexact, "number-code",
                        ("cell", SheetRowReader.ColumnName(cell.Column) + row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("digits", ExcelRecordReader.MaxDigitsOfANumberCode.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                }

                _cells[slot] = _numbers[slot] && CellValue.TryDigits(cell.Text, int.MaxValue, out var whole) ? CellValue.Number(whole) : CellValue.Of(cell.Text);
            }
        }

        return new InputRow(row.Number, _source, _schema.ParseCells(_cells));
    }

    /// <summary>The row's village code as written, so that a rejected row still names its record; null when none can be told.</summary>
    private string? KeyOf(SheetRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (_slots.TryGetValue(cell.Column, out var slot) && _fields[slot] == FieldNames.VillageCode && cell.Text.Trim() is { Length: > 0 and <= 64 } key)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Whether a number cannot be a code exactly: more digits than Excel keeps, not whole digits, or a leading zero (a number has none, so <c>0330…</c> is either <c>330…</c> or a code that lost its meaning as a number; refused rather than guessed).</summary>
    private static bool InexactCode(string text) =>
        text.Length > ExcelRecordReader.MaxDigitsOfANumberCode || text.AsSpan().ContainsAnyExceptInRange('0', '9') || (text.Length > 1 && text[0] == '0');
}
