using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace TaobaoVillage.Benchmarks;

/// <summary>
/// The floor of issue 12: the unavoidable work of a national run, with nothing a library adds. Read the file with
/// Sylvan.Data.Csv, parse the four figures, decide the three aliresearch criteria three-valued, write one compact JSON
/// line per row as UTF-8. What the planner costs is measured against this.
/// </summary>
public static class Floor
{
    private static readonly byte[] Pass = "pass"u8.ToArray();
    private static readonly byte[] Fail = "fail"u8.ToArray();
    private static readonly byte[] Unknown = "unknown"u8.ToArray();

    /// <summary>Runs the floor over a records file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="output">Where the lines go.</param>
    /// <returns>The rows read.</returns>
    public static long Run(string path, Stream output)
    {
        using var csv = CsvDataReader.Create(path);
        int code = csv.GetOrdinal("village_code"), committee = csv.GetOrdinal("committee"), households = csv.GetOrdinal("households"),
            shops = csv.GetOrdinal("active_shops"), sales = csv.GetOrdinal("annual_sales_cny");
        using var buffered = new BufferedStream(output, 1 << 16);
        Span<byte> number = stackalloc byte[64];
        long rows = 0;
        while (csv.Read())
        {
            rows++;
            var kind = csv.GetFieldSpan(committee);
            var admin = kind.SequenceEqual("village") ? 1 : kind.SequenceEqual("residents") ? 0 : -1;
            var salesOk = decimal.TryParse(csv.GetFieldSpan(sales), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) ? (s >= 10_000_000m ? 1 : 0) : -1;
            long? h = long.TryParse(csv.GetFieldSpan(households), NumberStyles.Integer, CultureInfo.InvariantCulture, out var hv) ? hv : null;
            long? n = long.TryParse(csv.GetFieldSpan(shops), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nv) ? nv : null;
            var count = n is null ? -1 : n >= 100 ? 1 : 0;
            var share = n is null || h is null ? -1 : n * 10 >= h ? 1 : 0;
            var shopsOk = count == 1 || share == 1 ? 1 : count == -1 || share == -1 ? -1 : 0;
            var all = admin == 0 || salesOk == 0 || shopsOk == 0 ? 0 : admin == 1 && salesOk == 1 && shopsOk == 1 ? 1 : -1;

            buffered.Write("{\"village_code\":\""u8);
            var written = Encoding.UTF8.GetBytes(csv.GetFieldSpan(code), number);
            buffered.Write(number[..written]);
            buffered.Write(all == 1 ? "\",\"verdict\":\"eligible\",\"criteria\":["u8 : all == 0 ? "\",\"verdict\":\"not_eligible\",\"criteria\":["u8 : "\",\"verdict\":\"indeterminate\",\"criteria\":["u8);
            Criterion(buffered, "{\"id\":\"administrative-village\",\"outcome\":\""u8, admin);
            Criterion(buffered, ",{\"id\":\"annual-sales\",\"outcome\":\""u8, salesOk);
            Criterion(buffered, ",{\"id\":\"active-shops\",\"outcome\":\""u8, shopsOk);
            buffered.Write("]}\n"u8);
        }

        return rows;
    }

    private static void Criterion(Stream output, ReadOnlySpan<byte> head, int outcome)
    {
        output.Write(head);
        output.Write(outcome == 1 ? Pass : outcome == 0 ? Fail : Unknown);
        output.Write("\"}"u8);
    }
}
