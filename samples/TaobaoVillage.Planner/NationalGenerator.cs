using TaobaoVillage.Csv;
using System.Globalization;
using System.IO.Compression;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Planner;

/// <summary>
/// Writes a deterministic, national-scale village records file: the real village codes and names of the NBS 2016
/// statistical division codes (666,655 units) with synthetic, plausible e-commerce figures — households near the
/// census average (about 386, by province from about 240 to 470), and about 1% of villages qualifying, near
/// AliResearch's national shares of 2016–2022. The same seed always gives the same bytes.
/// </summary>
public static class NationalGenerator
{
    // 3rd Agricultural Census (end of 2016): about 386 households per village, from about 240 (Qinghai) to 470 (Fujian).
    private static readonly Dictionary<string, int> ProvinceHouseholds = new(StringComparer.Ordinal)
    {
        ["63"] = 240, ["35"] = 470, ["33"] = 430, ["32"] = 450, ["44"] = 420, ["37"] = 400, ["13"] = 390, ["41"] = 420,
        ["54"] = 250, ["65"] = 300, ["62"] = 320, ["15"] = 300, ["11"] = 350, ["31"] = 380,
    };

    /// <summary>The columns written.</summary>
    public static readonly string[] Columns =
    [
        FieldNames.VillageCode, FieldNames.VillageName, FieldNames.Province, FieldNames.City, FieldNames.County, FieldNames.Township, FieldNames.Year, FieldNames.Committee,
        FieldNames.Households, FieldNames.EcommerceHouseholds, FieldNames.ActiveShops, FieldNames.AnnualSales, FieldNames.MainPlatform,
    ];

    /// <summary>Writes the file.</summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="seed">The seed; the same seed gives the same file.</param>
    /// <param name="codesPath">The NBS codes (<c>nbs-2016-village-codes.csv.gz</c>), or <see langword="null"/> for synthetic codes.</param>
    /// <param name="rows">How many rows (repeating the codes with later years when more than there are codes); by default one per code.</param>
    /// <param name="brokenRate">The share of rows made deliberately broken (bad numbers, zero households, wrong cell counts).</param>
    /// <param name="year">The first data year.</param>
    /// <returns>The rows written, and how many of them were broken on purpose (each one a reader must reject).</returns>
    public static GeneratedRows Write(TextWriter writer, int seed, string? codesPath, long? rows = null, double brokenRate = 0, int year = 2020)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        // Broken rows on purpose may be short: field counts are not validated.
        using var csv = new CsvTableWriter(writer, new CsvOutputOptions { NeutraliseFormulas = false }, leaveOpen: true);
        csv.WriteRow(Columns);
        long written = 0;
        long broken = 0;
        var pass = 0;
        while (rows is null ? pass == 0 : written < rows)
        {
            var any = false;
            foreach (var unit in Units(codesPath, seed))
            {
                any = true;
                if (rows is { } max && written >= max)
                {
                    break;
                }

                broken += WriteRow(csv, random, unit, year + pass, brokenRate) ? 1 : 0;
                written++;
            }

            if (!any)
            {
                break;
            }

            pass++;
        }

        csv.Flush();
        return new GeneratedRows(written, broken);
    }

    /// <summary>Finds the NBS codes file in <c>shared/data</c> beside or above a folder.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <returns>The path, or <see langword="null"/>.</returns>
    public static string? FindCodes(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "nbs-2016-village-codes.csv.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <returns>Whether the row was broken on purpose.</returns>
    private static bool WriteRow(CsvTableWriter csv, Random random, Unit unit, int year, double brokenRate)
    {
        var residents = OfficialNames.CommitteeKindOf(unit.Name) == CommitteeKind.Residents;
        var mean = ProvinceHouseholds.GetValueOrDefault(unit.Code[..2], 386);
        var households = Math.Max(20, (int)(mean + (Gaussian(random) * mean * 0.35)));
        long shops;
        decimal sales;
        var kind = random.NextDouble();
        if (kind < 0.012)
        {
            // A Taobao Village cluster member: many shops, sales around or above CN¥10M.
            shops = random.Next(60, 700);
            sales = random.Next(7_000, 120_000) * 1_000m + random.Next(0, 100) / 100m;
        }
        else if (kind < 0.04)
        {
            // Growing e-commerce villages: the near misses.
            shops = random.Next(20, 120);
            sales = random.Next(1_000, 11_000) * 1_000m;
        }
        else
        {
            shops = random.Next(0, 25);
            sales = random.Next(0, 2_000) * 1_000m;
        }

        var engaged = Math.Min(households, (long)(shops * (0.4 + (random.NextDouble() * 0.5))));
        var platform = random.NextDouble() switch
        {
            < 0.55 => "taobao",
            < 0.65 => "tmall",
            < 0.70 => "1688",
            < 0.80 => "pinduoduo",
            < 0.87 => "jd",
            < 0.95 => "douyin",
            _ => "other",
        };
        var cells = new[]
        {
            unit.Code, unit.ShortName, unit.Province, unit.City, unit.County, unit.Township,
            year.ToString(CultureInfo.InvariantCulture), residents ? "residents" : "village",
            households.ToString(CultureInfo.InvariantCulture), engaged.ToString(CultureInfo.InvariantCulture),
            shops.ToString(CultureInfo.InvariantCulture), sales.ToString(CultureInfo.InvariantCulture), platform,
        };

        // A little missing data, as real returns have.
        if (random.NextDouble() < 0.01)
        {
            cells[8 + random.Next(0, 5)] = string.Empty;
        }

        if (brokenRate > 0 && random.NextDouble() < brokenRate)
        {
            switch (random.Next(0, 4))
            {
                case 0: cells[8] = "0"; break;
                case 1: cells[11] = "n/a"; break;

                // Never "-0", which is zero and valid.
                case 2: cells[10] = "-" + (shops + 1).ToString(CultureInfo.InvariantCulture); break;
                default:
                    csv.WriteRow(cells.AsSpan(0, 5));
                    return true;
            }

            csv.WriteRow(cells);
            return true;
        }

        csv.WriteRow(cells);
        return false;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static IEnumerable<Unit> Units(string? codesPath, int seed)
    {
        if (codesPath is null)
        {
            // Synthetic codes: 31 provinces × 40 counties × 20 townships × 27 villages ≈ 670,000, the national scale.
            var random = new Random(seed ^ 0x5eed);
            for (var p = 11; p < 42; p++)
            {
                for (var c = 1; c <= 40; c++)
                {
                    for (var t = 1; t <= 20; t++)
                    {
                        for (var v = 1; v <= 27; v++)
                        {
                            var code = string.Create(CultureInfo.InvariantCulture, $"{p:D2}{c / 10 + 1:D2}{c:D2}{t:D3}{v + 200:D3}");
                            var name = $"村{random.Next(1000, 9999)}";
                            yield return new Unit(code, name + (v % 9 == 0 ? "居委会" : "村委会"), name, $"省{p}", $"市{p}{c / 10 + 1}", $"县{p}{c}", $"镇{p}{c}{t}");
                        }
                    }
                }
            }

            yield break;
        }

        using var stream = File.OpenRead(codesPath);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        foreach (var cells in CsvTableReader.ReadRows(new StreamReader(gzip)))
        {
            yield return new Unit(cells[0], cells[1], ShortName(cells[1]), cells[3], cells[4], cells[5], cells[6]);
        }
    }

    /// <summary>Checks that a codes file can be read: gzip, a header and at least one row of seven cells.</summary>
    /// <param name="codesPath">The codes file, or null for synthetic codes.</param>
    /// <exception cref="PlannerException">The file is not a gzip-compressed codes CSV.</exception>
    public static void CheckCodes(string? codesPath)
    {
        if (codesPath is null)
        {
            return;
        }

        try
        {
            using var stream = File.OpenRead(codesPath);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            if (CsvTableReader.ReadRows(new StreamReader(gzip)).FirstOrDefault() is not { Length: >= 7 })
            {
                throw new PlannerException($"the codes file '{codesPath}' has no rows of village_code, village_name, urban_rural_code, province, city, county, township.");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new PlannerException($"the codes file '{codesPath}' is not gzip-compressed CSV ({ex.Message})");
        }
    }

    private static string ShortName(string name)
    {
        // "高北村委会" → "高北村", "大马王村民委员会" → "大马王村", "潘寨社区居民委员会" → "潘寨社区".
        foreach (var (suffix, cut) in new[] { ("居民委员会", 5), ("村民委员会", 4), ("居委会", 3), ("委会", 2) })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > cut)
            {
                return name[..^cut];
            }
        }

        return name;
    }

    private sealed record Unit(string Code, string Name, string ShortName, string Province, string City, string County, string Township);
}

/// <summary>What <see cref="NationalGenerator.Write"/> wrote.</summary>
/// <param name="Rows">The data rows (the header aside).</param>
/// <param name="Broken">The rows broken on purpose: each must come out rejected.</param>
public sealed record GeneratedRows(long Rows, long Broken);
