using System.Collections.Frozen;

namespace TaobaoVillage.Domain;

/// <summary>
/// The one table of the labels that make a row a total rather than a village (合计, 总计, 小计, 汇总, 全县…, total,
/// sum), whatever the format: a row whose code or name is one is rejected as <see cref="RecordProblemCodes.TotalRow"/>.
/// </summary>
/// <remarks>Static members are thread-safe.</remarks>
public static class TotalRowLabels
{
    /// <summary>The <see cref="RecordProblem.Detail"/> of a <see cref="RecordProblemCodes.TotalRow"/> whose figures equal the sums of the rows above it.</summary>
    public const string SumsDetail = "sums";

    private static readonly FrozenSet<string> Labels = new[]
    {
        "合计", "总计", "小计", "汇总", "总合计", "累计", "共计", "全县", "全镇", "全乡", "全市", "全区", "全省", "全旗", "全街道", "全县(市、区)",
        "total", "totals", "sum", "subtotal", "sub-total", "grandtotal", "alltotal",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<char> LastCharacters = "计总县镇乡市区省旗道)）lLmMsS:：".ToFrozenSet();

    // What compacting changes: white space, a trailing colon, full-width brackets.
    private static readonly System.Buffers.SearchValues<char> Removed = System.Buffers.SearchValues.Create(" \t\r\n\u00A0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u1680\u0085\u000B\u000C:：（）");

    private static readonly string[] Endings = ["合计", "总计", "小计", "汇总"];

    /// <summary>
    /// Whether a code or name cell marks a total row: after removing spaces and a trailing colon, one of the labels
    /// (合计, 总计, 小计, 汇总, 全县, 全镇, 全乡, 全市, 全区…, total, sum, subtotal; case-insensitive), or a text ending
    /// 合计/总计/小计/汇总 (全县合计, 某某镇小计).
    /// </summary>
    /// <param name="text">The cell's text; null is not a label.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsLabel(string? text)
    {
        // Most cells are codes and village names: their last character (a digit, 村) rules them out without a copy.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64 || !LastCharacters.Contains(text.TrimEnd()[^1]))
        {
            return false;
        }

        // Names such as 某某社区 pass the last-character test: compact only what has something to remove.
        var compact = text.AsSpan().IndexOfAny(Removed) < 0 ? text
            : string.Concat(text.Where(c => !char.IsWhiteSpace(c))).TrimEnd(':', '：').Replace('（', '(').Replace('）', ')');
        return Labels.Contains(compact) || Array.Exists(Endings, e => compact.EndsWith(e, StringComparison.Ordinal));
    }

    /// <summary>The problem for a total row found by the record schema.</summary>
    internal static RecordProblem Problem(string field, string label) =>
        RecordProblem.Create(field, label, RecordProblemCodes.TotalRow, null);

    /// <summary>The same problem, saying that the row's figures equal the sums of the rows above it.</summary>
    internal static RecordProblem Summed(RecordProblem problem) => RecordProblem.Create(problem.Field, problem.Value, problem.Code, SumsDetail) with { Line = problem.Line, Source = problem.Source };
}
