using System.Buffers;
using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace TaobaoVillage.Floor;

/// <summary>
/// The floor of issue 12, as it defines it: the unavoidable work of a national run, with nothing a library adds. Read
/// the file with Sylvan.Data.Csv, parse the four figures, decide the three aliresearch criteria three-valued, and write
/// one compact JSON line per row, <c>{"line":N,"village_code":"…","verdict":"…"}</c>, through a plain
/// <see cref="StreamWriter"/>. What the planner costs is measured against this.
/// </summary>
public static class ReferenceFloor
{
    // A code is written as it stands, so it must need no JSON escaping (NBS codes are 12 digits).
    private static readonly SearchValues<char> Plain = SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Runs the floor over a records file.</summary>
    /// <param name="path">The CSV file (a header row naming village_code, committee, households, active_shops, annual_sales_cny).</param>
    /// <param name="output">Where the lines go, as UTF-8; left open.</param>
    /// <returns>The rows read.</returns>
    /// <exception cref="InvalidDataException">A village code would need JSON escaping.</exception>
    public static long Run(string path, Stream output)
    {
        using var csv = CsvDataReader.Create(path);
        int code = csv.GetOrdinal("village_code"), committee = csv.GetOrdinal("committee"), households = csv.GetOrdinal("households"),
            shops = csv.GetOrdinal("active_shops"), sales = csv.GetOrdinal("annual_sales_cny");
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        Span<char> number = stackalloc char[20];
        long rows = 0;
        while (csv.Read())
        {
            rows++;
            var village = csv.GetFieldSpan(code);
            if (village.ContainsAnyExcept(Plain))
            {
                throw new InvalidDataException($"Row {rows}: the floor writes village codes unescaped.");
            }

            // The file's line: the header is line 1.
            (rows + 1).TryFormat(number, out var digits, default, CultureInfo.InvariantCulture);
            writer.Write("{\"line\":");
            writer.Write(number[..digits]);
            writer.Write(",\"village_code\":\"");
            writer.Write(village);
            writer.Write(Decide(csv.GetFieldSpan(committee), csv.GetFieldSpan(sales), csv.GetFieldSpan(households), csv.GetFieldSpan(shops)) switch
            {
                1 => "\",\"verdict\":\"eligible\"}\n",
                0 => "\",\"verdict\":\"not_eligible\"}\n",
                _ => "\",\"verdict\":\"indeterminate\"}\n",
            });
        }

        return rows;
    }

    /// <summary>The three aliresearch criteria in Kleene logic: 1 pass, 0 fail, -1 unknown (a figure missing).</summary>
    private static int Decide(ReadOnlySpan<char> committee, ReadOnlySpan<char> sales, ReadOnlySpan<char> households, ReadOnlySpan<char> shops)
    {
        // An administrative village (villagers' committee), annual sales of at least CN¥10M, and at least 100 active
        // shops or active shops at least 10% of households.
        var admin = committee.SequenceEqual("village") ? 1 : committee.SequenceEqual("residents") ? 0 : -1;
        var salesOk = decimal.TryParse(sales, NumberStyles.Number, CultureInfo.InvariantCulture, out var s) ? (s >= 10_000_000m ? 1 : 0) : -1;
        long? h = long.TryParse(households, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hv) ? hv : null;
        long? n = long.TryParse(shops, NumberStyles.Integer, CultureInfo.InvariantCulture, out var nv) ? nv : null;
        var count = n is null ? -1 : n >= 100 ? 1 : 0;
        var share = n is null || h is null ? -1 : n * 10 >= h ? 1 : 0;
        var shopsOk = count == 1 || share == 1 ? 1 : count == -1 || share == -1 ? -1 : 0;
        return admin == 0 || salesOk == 0 || shopsOk == 0 ? 0 : admin == 1 && salesOk == 1 && shopsOk == 1 ? 1 : -1;
    }
}
