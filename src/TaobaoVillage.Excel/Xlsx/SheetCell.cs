namespace TaobaoVillage.Excel.Xlsx;

/// <summary>One cell of a sheet row: its column (1 for A), its text, and whether the sheet stores it as a number.</summary>
internal readonly record struct SheetCell(int Column, string Text, bool IsNumber);
