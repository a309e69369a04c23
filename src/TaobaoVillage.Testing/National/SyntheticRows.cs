using System.Globalization;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Testing.National;

/// <summary>The figures of one generated row: drawn from one random source in a fixed order, so a seed gives the same bytes.</summary>
internal sealed class SyntheticRows(Random random, double brokenRate)
{
    // 3rd Agricultural Census (end of 2016): about 386 households per village, from about 240 (Qinghai) to 470 (Fujian).
    private static readonly Dictionary<string, int> ProvinceHouseholds = new(StringComparer.Ordinal)
    {
        ["63"] = 240, ["35"] = 470, ["33"] = 430, ["32"] = 450, ["44"] = 420, ["37"] = 400, ["13"] = 390, ["41"] = 420,
        ["54"] = 250, ["65"] = 300, ["62"] = 320, ["15"] = 300, ["11"] = 350, ["31"] = 380,
    };

    private const int Households = 8;
    private const int ActiveShops = 10;
    private const int AnnualSales = 11;

    /// <summary>Writes one unit's row.</summary>
    /// <returns>Whether the row was broken on purpose.</returns>
    public bool Write(CsvTableWriter csv, DivisionUnit unit, int year)
    {
        var cells = Cells(unit, year, out var shops);
        LeaveOneBlank(cells);
        if (brokenRate > 0 && random.NextDouble() < brokenRate)
        {
            Break(csv, cells, shops);
            return true;
        }

        csv.WriteRow(cells);
        return false;
    }

    private string[] Cells(DivisionUnit unit, int year, out long shops)
    {
        var residents = OfficialNames.CommitteeKindOf(unit.Name) == CommitteeKind.Residents;
        var mean = ProvinceHouseholds.GetValueOrDefault(unit.Code[..2], 386);
        var households = Math.Max(20, (int)(mean + (Gaussian() * mean * 0.35)));
        (shops, var sales) = Trade();
        var engaged = Math.Min(households, (long)(shops * (0.4 + (random.NextDouble() * 0.5))));
        return
        [
            unit.Code, unit.ShortName, unit.Province, unit.City, unit.County, unit.Township,
            Text(year), residents ? "residents" : "village", Text(households), Text(engaged), Text(shops),
            sales.ToString(CultureInfo.InvariantCulture), Platform(),
        ];
    }

    private (long Shops, decimal Sales) Trade() => random.NextDouble() switch
    {
        // A Taobao Village cluster member: many shops, sales around or above CN¥10M.
        < 0.012 => (random.Next(60, 700), random.Next(7_000, 120_000) * 1_000m + random.Next(0, 100) / 100m),

        // Growing e-commerce villages: the near misses.
        < 0.04 => (random.Next(20, 120), random.Next(1_000, 11_000) * 1_000m),
        _ => (random.Next(0, 25), random.Next(0, 2_000) * 1_000m),
    };

    private string Platform() => random.NextDouble() switch
    {
        < 0.55 => "taobao",
        < 0.65 => "tmall",
        < 0.70 => "1688",
        < 0.80 => "pinduoduo",
        < 0.87 => "jd",
        < 0.95 => "douyin",
        _ => "other",
    };

    // A little missing data, as real returns have.
    private void LeaveOneBlank(string[] cells)
    {
        if (random.NextDouble() < 0.01)
        {
            cells[Households + random.Next(0, 5)] = string.Empty;
        }
    }

    private void Break(CsvTableWriter csv, string[] cells, long shops)
    {
        switch (random.Next(0, 4))
        {
            case 0: cells[Households] = "0"; break;
            case 1: cells[AnnualSales] = "n/a"; break;

            // Never "-0", which is zero and valid.
            case 2: cells[ActiveShops] = "-" + Text(shops + 1); break;
            default:
                csv.WriteRow(cells.AsSpan(0, 5));
                return;
        }

        csv.WriteRow(cells);
    }

    private double Gaussian()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
