using System.Globalization;
using System.Numerics;

namespace TaobaoVillage.Metrics;

/// <summary>
/// One cell of a row as a reader hands it to <see cref="RecordSchema.ParseCells"/>: its text, or
/// the whole number the reader has already read from it, so that the figures of a row need no string each. The CSV and
/// Excel readers use it; so may any other reader.
/// </summary>
/// <remarks>
/// Give <see cref="Number"/> only for a column <see cref="RecordSchema.ReadsNumber"/> says reads numbers, and only for a
/// cell that is nothing but 1 to 18 ASCII digits without a leading zero (<see cref="TryDigits(ReadOnlySpan{byte}, int, out long)"/>
/// says which), so that the number's own digits are the cell's text and problems quote the same value either way.
/// </remarks>
public readonly record struct CellValue
{
    private CellValue(string? text, long whole, bool isWhole) => (Text, Whole, IsWhole) = (text, whole, isWhole);

    /// <summary>The text; null for a missing cell or one given as a number.</summary>
    public string? Text { get; }

    /// <summary>The number, when <see cref="IsWhole"/>.</summary>
    public long Whole { get; }

    /// <summary>Whether the reader gave the cell as a number.</summary>
    public bool IsWhole { get; }

    /// <summary>A cell given as its text.</summary>
    /// <param name="text">The text; null or white space is a missing value.</param>
    /// <returns>The cell.</returns>
    public static CellValue Of(string? text) => new(text, 0, isWhole: false);

    /// <summary>A cell given as the whole number its digits are (see <see cref="TryDigits(ReadOnlySpan{byte}, int, out long)"/>).</summary>
    /// <param name="whole">The number.</param>
    /// <returns>The cell.</returns>
    public static CellValue Number(long whole) => new(null, whole, isWhole: true);

    /// <summary>
    /// The number of a cell a reader may give as <see cref="Number"/>: 1 to 18 ASCII digits, no leading zero, at most
    /// <paramref name="maxLength"/> bytes.
    /// </summary>
    /// <param name="utf8">The cell's UTF-8 bytes.</param>
    /// <param name="maxLength">The longest cell the reader accepts (a longer one goes the text way, to be reported).</param>
    /// <param name="whole">The number; zero when false.</param>
    /// <returns>Whether the cell is such digits.</returns>
    public static bool TryDigits(ReadOnlySpan<byte> utf8, int maxLength, out long whole) => Digits(utf8, maxLength, out whole);

    /// <summary>As <see cref="TryDigits(ReadOnlySpan{byte}, int, out long)"/>, for a cell's characters.</summary>
    /// <param name="text">The cell's characters.</param>
    /// <param name="maxLength">The longest cell the reader accepts, in characters.</param>
    /// <param name="whole">The number; zero when false.</param>
    /// <returns>Whether the cell is such digits.</returns>
    public static bool TryDigits(ReadOnlySpan<char> text, int maxLength, out long whole) => Digits(text, maxLength, out whole);

    private static bool Digits<T>(ReadOnlySpan<T> cell, int maxLength, out long whole)
        where T : unmanaged, IBinaryInteger<T>
    {
        whole = 0;
        if (cell.Length is 0 or > 18 || cell.Length > maxLength || (uint.CreateTruncating(cell[0]) == '0' && cell.Length > 1))
        {
            return false;
        }

        var value = 0L;
        foreach (var c in cell)
        {
            var digit = uint.CreateTruncating(c) - '0';
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        whole = value;
        return true;
    }

    /// <summary>The text as it was in the file.</summary>
    /// <returns>The text, or the number's digits.</returns>
    public override string ToString() => IsWhole ? Whole.ToString(CultureInfo.InvariantCulture) : Text ?? string.Empty;
}
