using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TaobaoVillage.Batch;
using TaobaoVillage.IO;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Excel;

/// <summary>
/// Writes scored rows as an Excel workbook (<c>.xlsx</c>), streaming: one sheet "verdicts" with a bold, frozen,
/// filtered header row (the filter also named <c>_xlnm._FilterDatabase</c>, so LibreOffice keeps it) and the columns of
/// <see cref="VerdictTable"/> (the same as the CSV writer's, but <c>village_code</c> and <c>village_name</c> first, and only
/// the columns of the rule sets some row was judged by — of the newest set when none was; widths from the header and the
/// first 1,000 rows, at most 50 characters; past those rows the rows wait in a temporary file until the last has said
/// which sets were used): outcomes per
/// criterion, one numeric shortfall column per numeric criterion (<c>annual-sales shortfall</c>, in the criterion's
/// lever unit: CN¥, shops, households), <c>needs</c> and <c>errors</c>. Numbers are numbers, never text. The verdict
/// and outcome cells are coloured: eligible / pass green, not eligible / fail red, indeterminate / unknown amber,
/// invalid grey. The headers and the verdict and outcome words are those of an <see cref="ExcelVerdictLabels"/>: by
/// default the machine names and codes (<c>village_code</c>, <c>eligible</c>, <c>pass</c>…), which programs read; a
/// caller's words (Chinese: 村代码, 符合, 达标) for people.
/// </summary>
/// <remarks>Thread-safe: every member is static and keeps no state.</remarks>
public static class ExcelVerdictWriter
{
    private const string SheetName = "verdicts";

    /// <summary>Writes the workbook.</summary>
    /// <param name="stream">Where the workbook goes; left open. It need not be seekable.</param>
    /// <param name="rows">The scored rows, in order.</param>
    /// <param name="ruleSets">The rule sets that judged them (one, or the sets by year), for the columns.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleSets"/> is empty.</exception>
    /// <exception cref="IOException">The temporary file of a long sheet cannot be written.</exception>
    public static void Write(Stream stream, IEnumerable<ScoredRow> rows, IReadOnlyList<RuleSet> ruleSets) =>
        Write(stream, rows, ruleSets, ExcelVerdictLabels.Machine);

    /// <summary>Writes the workbook with the headers and words of <paramref name="labels"/>.</summary>
    /// <param name="stream">Where the workbook goes; left open. It need not be seekable.</param>
    /// <param name="rows">The scored rows, in order.</param>
    /// <param name="ruleSets">The rule sets that may have judged them (one, or the sets by year): the columns are those of the sets the rows used.</param>
    /// <param name="labels">The headers and words (<see cref="ExcelVerdictLabels.Machine"/> for the names and codes).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ruleSets"/> is empty.</exception>
    /// <exception cref="IOException">The temporary file of a long sheet cannot be written.</exception>
    public static void Write(Stream stream, IEnumerable<ScoredRow> rows, IReadOnlyList<RuleSet> ruleSets, ExcelVerdictLabels labels)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(ruleSets);
        ArgumentNullException.ThrowIfNull(labels);
        if (ruleSets.Count == 0)
        {
            throw new ArgumentException("At least one rule set is needed.", nameof(ruleSets));
        }

        // System.IO.Packaging holds every part in memory until the package closes (dotnet/Open-XML-SDK#807): the
        // SDK builds the small parts, and the sheet is streamed into its own zip entry with the SDK's XML writer. The
        // sheet comes second, after the content types: the workbook's filter name needs the sheet's last row.
        var (skeleton, sheetEntry) = Skeleton(null);
        using var output = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var parts = new ZipArchive(skeleton, ZipArchiveMode.Read))
        {
            Copy(parts.GetEntry(ContentTypes)!, output);
        }

        string range;
        using (var sheet = output.CreateEntry(sheetEntry, CompressionLevel.Fastest).Open())
        {
            range = SheetWriter.Write(sheet, ruleSets, rows, labels);
        }

        using var rest = new ZipArchive(Skeleton(range).Package, ZipArchiveMode.Read);
        foreach (var entry in rest.Entries.Where(e => e.FullName != ContentTypes && e.FullName != sheetEntry))
        {
            Copy(entry, output);
        }
    }

    private const string ContentTypes = "[Content_Types].xml";

    private static void Copy(ZipArchiveEntry entry, ZipArchive output)
    {
        using var target = output.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
        using var source = entry.Open();
        source.CopyTo(target);
    }

    /// <summary>
    /// The workbook without its sheet's rows: workbook, styles (<see cref="Style"/>), an empty sheet; with the filtered
    /// range, the hidden sheet-local name <c>_xlnm._FilterDatabase</c> over it, by which LibreOffice keeps the filter
    /// (Excel writes it too).
    /// </summary>
    private static (MemoryStream Package, string SheetEntry) Skeleton(string? filtered)
    {
        var package = new MemoryStream();
        string sheetEntry;
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Style.Sheet();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
            if (filtered is not null)
            {
                workbook.Workbook.Append(new DefinedNames(new DefinedName(FilterReference(filtered)) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
            }
            sheetEntry = sheet.Uri.OriginalString.TrimStart('/');
        }

        package.Position = 0;
        return (package, sheetEntry);
    }

    /// <summary>A range as a defined name holds it: <c>A1:X9</c> → <c>verdicts!$A$1:$X$9</c>.</summary>
    private static string FilterReference(string range) =>
        SheetName + "!" + string.Join(':', range.Split(':').Select(cell => "$" + string.Concat(cell.TakeWhile(char.IsLetter)) + "$" + string.Concat(cell.SkipWhile(char.IsLetter))));
}
