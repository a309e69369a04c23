using TaobaoVillage.Csv;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Testing.National;

/// <summary>
/// Writes a deterministic, national-scale village records file (CSV, the library's field names): the real village codes
/// and names of the NBS 2016 statistical division codes (666,655 units) when given them, else synthetic codes at the same
/// scale, with synthetic, plausible e-commerce figures — households near the census average (about 386, by province
/// from about 240 to 470), and about 1% of villages qualifying, near AliResearch's national shares of 2016–2022.
/// For load tests, benchmarks and demos; the same options always give the same bytes.
/// </summary>
/// <remarks>Thread-safe: every call has its own random source.</remarks>
public static class NationalRecords
{
    /// <summary>The columns written, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        FieldNames.VillageCode, FieldNames.VillageName, FieldNames.Province, FieldNames.City, FieldNames.County, FieldNames.Township, FieldNames.Year, FieldNames.Committee,
        FieldNames.Households, FieldNames.EcommerceHouseholds, FieldNames.ActiveShops, FieldNames.AnnualSales, FieldNames.MainPlatform,
    ];

    /// <summary>Writes the file: a header, then the rows.</summary>
    /// <param name="writer">Where the CSV goes; left open.</param>
    /// <param name="options">The seed, codes, rows, broken share and year.</param>
    /// <returns>The rows written, and how many of them were broken on purpose.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidDataException">The codes file is not a gzip-compressed codes CSV.</exception>
    public static GeneratedRows Write(TextWriter writer, NationalRecordsOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        // Broken rows on purpose may be short: field counts are not validated.
        using var csv = new CsvTableWriter(writer, new CsvOutputOptions { NeutraliseFormulas = false }, leaveOpen: true);
        csv.WriteRow([.. Columns]);
        var rows = new SyntheticRows(new Random(options.Seed), options.BrokenRate);
        var written = WritePasses(csv, rows, options);
        csv.Flush();
        return written;
    }

    /// <summary>Checks that a codes file can be read before anything is written.</summary>
    /// <param name="codesPath">The codes file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="codesPath"/> is null.</exception>
    /// <exception cref="InvalidDataException">The file is not a gzip-compressed CSV with rows of seven cells.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static void CheckCodes(string codesPath)
    {
        ArgumentNullException.ThrowIfNull(codesPath);
        DivisionUnit.Check(codesPath);
    }

    // Past the last code, the codes come round again a year later, until the rows asked for are written.
    private static GeneratedRows WritePasses(CsvTableWriter csv, SyntheticRows rows, NationalRecordsOptions options)
    {
        long written = 0;
        long broken = 0;
        for (var pass = 0; options.Rows is null ? pass == 0 : written < options.Rows; pass++)
        {
            var before = written;
            foreach (var unit in DivisionUnit.All(options.CodesPath, options.Seed))
            {
                if (written >= options.Rows)
                {
                    break;
                }

                broken += rows.Write(csv, unit, options.Year + pass) ? 1 : 0;
                written++;
            }

            if (written == before)
            {
                break;
            }
        }

        return new GeneratedRows(written, broken);
    }
}
