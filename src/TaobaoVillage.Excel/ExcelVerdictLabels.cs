using TaobaoVillage.Engine;
using TaobaoVillage.IO;

namespace TaobaoVillage.Excel;

/// <summary>
/// The words a verdicts workbook shows people: its headers and its verdict and outcome words. The writer never
/// translates; the caller gives the words in its language (the planner from its resources). <see cref="Machine"/>, the
/// default, keeps the column names and codes of docs/formats.md (<c>village_code</c>, <c>eligible</c>, <c>pass</c>),
/// for programs that read the sheet.
/// </summary>
/// <remarks>Immutable once created; thread-safe when the functions given are.</remarks>
public sealed class ExcelVerdictLabels
{
    /// <summary>The column names and codes as they are: <c>village_code</c>, <c>eligible</c>, <c>annual-sales shortfall</c>.</summary>
    public static ExcelVerdictLabels Machine { get; } = new();

    /// <summary>The header of a fixed column (<c>line</c>, <c>village_code</c>, <c>year</c>, <c>verdict</c>, <c>rule_set</c>, <c>rule_set_version</c>, <c>needs</c>, <c>errors</c>, <c>village_name</c>), from its name; by default the name.</summary>
    public Func<string, string> Column { get; init; } = name => name;

    /// <summary>The header of a criterion's outcome column, from the criterion's id; by default the id.</summary>
    public Func<string, string> Criterion { get; init; } = id => id;

    /// <summary>The header of a numeric criterion's shortfall column, from its id; by default <see cref="VerdictTable.ShortfallColumn"/>.</summary>
    public Func<string, string> Shortfall { get; init; } = VerdictTable.ShortfallColumn;

    /// <summary>The header of a numeric criterion's value column, from its id; by default <see cref="VerdictTable.ValueColumn"/>.</summary>
    public Func<string, string> Value { get; init; } = VerdictTable.ValueColumn;

    /// <summary>
    /// The word shown for a verdict code (<c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c>, <c>invalid</c>) or an
    /// outcome code (<c>pass</c>, <c>fail</c>, <c>unknown</c>); by default the code. The cell's colour follows the code, not the word.
    /// </summary>
    public Func<string, string> Word { get; init; } = code => code;

    /// <summary>The <c>needs</c> cell of a verdict that is not eligible, or null for the table's own English (<see cref="VerdictTable"/>).</summary>
    public Func<Verdict, string>? Needs { get; init; }
}
