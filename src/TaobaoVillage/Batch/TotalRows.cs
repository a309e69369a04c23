using TaobaoVillage.Domain;

namespace TaobaoVillage.Batch;

/// <summary>
/// Total rows (合计, 小计, 全县…; <see cref="TotalRowLabels"/>) among a table's rows: <see cref="Metrics.RecordSchema"/>
/// rejects such a row as <see cref="RecordProblemCodes.TotalRow"/> (so every reader does), and
/// <see cref="CompareWithSums"/>, which every built-in reader applies, says when its figures are the sums of the rows
/// above it.
/// </summary>
/// <remarks>Static members are thread-safe; an enumeration of <see cref="CompareWithSums"/> holds one running sum per figure.</remarks>
public static class TotalRows
{
    /// <summary>
    /// Passes every row on, in order; a total row whose figures (households, engaged households, shops, sales and
    /// further figures, each it gives) equal the sums of the valid rows above it — since the previous total row, or
    /// since the start — gets a problem saying so. Streams: one running sum per figure, exact (decimal).
    /// </summary>
    /// <param name="rows">The rows of one table.</param>
    /// <returns>The same rows, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> is null.</exception>
    public static IEnumerable<InputRow> CompareWithSums(IEnumerable<InputRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Compare(rows);
    }

    private static IEnumerable<InputRow> Compare(IEnumerable<InputRow> rows)
    {
        var sinceStart = new FigureSums();
        var sinceTotal = new FigureSums();
        foreach (var row in rows)
        {
            yield return Next(row, sinceStart, ref sinceTotal);
        }
    }

    private static InputRow Next(InputRow row, FigureSums sinceStart, ref FigureSums sinceTotal)
    {
        if (row.Value is { } record)
        {
            sinceStart.Add(record);
            sinceTotal.Add(record);
            return row;
        }

        if (row.Parsed.TotalCandidate is not { } total)
        {
            return row;
        }

        var matches = sinceTotal.Matches(total) || sinceStart.Matches(total);
        sinceTotal = new FigureSums();
        return matches ? row with { Parsed = row.Parsed.WithProblems([TotalRowLabels.Summed(row.Problems[0])]) } : row;
    }
}
