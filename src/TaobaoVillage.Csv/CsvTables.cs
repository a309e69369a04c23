using CsvHelper;

namespace TaobaoVillage.Csv;

/// <summary>What the list and township readers share: a forgiving CsvHelper reader and a header lookup.</summary>
internal static class CsvTables
{
    /// <summary>A reader that reports malformed lines instead of stopping, with line numbers.</summary>
    public static CsvReader Open(TextReader text, CsvRecordReaderOptions options) => CsvReader.Create(text, new CsvReaderOptions
    {
        HasHeader = true,
        Separator = options.Separator,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        MalformedData = CsvMalformedDataHandling.Recover,
    }, leaveOpen: false);

    /// <summary>Column positions by name, case-insensitive, the first of a repeated name winning.</summary>
    public static Dictionary<string, int> Index(IReadOnlyList<string>? header, Func<string, string> normalize)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (header?.Count ?? 0); i++)
        {
            index.TryAdd(normalize(header![i].Trim()), i);
        }

        return index;
    }
}
