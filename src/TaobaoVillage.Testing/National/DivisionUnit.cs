using System.Globalization;
using System.IO.Compression;
using TaobaoVillage.Csv;

namespace TaobaoVillage.Testing.National;

/// <summary>One village-level statistical division unit: its code, official and short names, and the regions above it.</summary>
internal sealed record DivisionUnit(string Code, string Name, string ShortName, string Province, string City, string County, string Township)
{
    /// <summary>The units of a codes file, or synthetic ones when there is none.</summary>
    public static IEnumerable<DivisionUnit> All(string? codesPath, int seed) => codesPath is null ? Synthetic(seed) : Read(codesPath);

    /// <summary>Checks that a codes file can be read: gzip, a header and at least one row of seven cells.</summary>
    /// <exception cref="InvalidDataException">The file is not a gzip-compressed codes CSV.</exception>
    public static void Check(string codesPath)
    {
        if (FirstRow(codesPath) is not { Length: >= 7 })
        {
            throw new InvalidDataException($"the codes file '{codesPath}' has no rows of village_code, village_name, urban_rural_code, province, city, county, township.");
        }
    }

    private static string[]? FirstRow(string codesPath)
    {
        try
        {
            return Rows(codesPath).FirstOrDefault();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"the codes file '{codesPath}' is not gzip-compressed CSV ({ex.Message})", ex);
        }
    }

    private static IEnumerable<DivisionUnit> Read(string codesPath) =>
        Rows(codesPath).Select(cells => new DivisionUnit(cells[0], cells[1], Shorten(cells[1]), cells[3], cells[4], cells[5], cells[6]));

    private static IEnumerable<string[]> Rows(string codesPath)
    {
        using var stream = File.OpenRead(codesPath);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        foreach (var cells in CsvTableReader.ReadRows(new StreamReader(gzip)))
        {
            yield return cells;
        }
    }

    // Synthetic codes: 31 provinces × 40 counties × 20 townships × 27 villages ≈ 670,000, the national scale.
    private static IEnumerable<DivisionUnit> Synthetic(int seed)
    {
        var random = new Random(seed ^ 0x5eed);
        for (var p = 11; p < 42; p++)
        {
            for (var c = 1; c <= 40; c++)
            {
                for (var t = 1; t <= 20; t++)
                {
                    for (var v = 1; v <= 27; v++)
                    {
                        yield return SyntheticUnit(random, p, c, t, v);
                    }
                }
            }
        }
    }

    private static DivisionUnit SyntheticUnit(Random random, int p, int c, int t, int v)
    {
        var code = string.Create(CultureInfo.InvariantCulture, $"{p:D2}{c / 10 + 1:D2}{c:D2}{t:D3}{v + 200:D3}");
        var name = $"村{random.Next(1000, 9999)}";
        return new DivisionUnit(code, name + (v % 9 == 0 ? "居委会" : "村委会"), name, $"省{p}", $"市{p}{c / 10 + 1}", $"县{p}{c}", $"镇{p}{c}{t}");
    }

    // "高北村委会" → "高北村", "大马王村民委员会" → "大马王村", "潘寨社区居民委员会" → "潘寨社区".
    private static string Shorten(string name)
    {
        foreach (var (suffix, cut) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > cut)
            {
                return name[..^cut];
            }
        }

        return name;
    }

    private static readonly (string Suffix, int Cut)[] Suffixes = [("居民委员会", 5), ("村民委员会", 4), ("居委会", 3), ("委会", 2)];
}
