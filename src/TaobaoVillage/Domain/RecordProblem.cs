namespace TaobaoVillage.Domain;

/// <summary>
/// Why a village record cannot be evaluated: the field, the value seen, a stable code and a message. Problems are
/// data, not exceptions.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Field">The contract name of the field (for example <c>households</c>), or <c>*</c> for the whole row.</param>
/// <param name="Value">The value as read, when there is one.</param>
/// <param name="Code">A stable code from <see cref="RecordProblemCodes"/>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record RecordProblem(string Field, string? Value, string Code, string Message)
{
    /// <summary>The 1-based line in the input where the record starts, when it came from a file.</summary>
    public long? Line { get; init; }

    /// <summary>The input file's name or path, when it came from a file.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// A stable variant of <see cref="Code"/> that changes the sentence but not the kind of problem, such as
    /// <see cref="TotalRowLabels.SumsDetail"/> on a <see cref="RecordProblemCodes.TotalRow"/> whose figures are the
    /// sums of the rows above it; null for none. <see cref="ProblemMessages"/> looks for a template under
    /// <c>code/detail</c> first.
    /// </summary>
    public string? Detail { get; init; }

    /// <summary>The message and its code, <c>message [code]</c>: what a table with its own field column shows.</summary>
    public string Reason => $"{Message} [{Code}]";

    /// <summary>Formats the problem as <c>field: message [code]</c>, as a rejected row's CSV, workbook and table cells write it.</summary>
    /// <returns>The text.</returns>
    public string Describe() => $"{Field}: {Reason}";

    /// <summary>Formats the problem as <c>file:line: field 'value': message [code]</c>.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString()
    {
        var where = (Source, Line) switch
        {
            (not null, not null) => $"{Source}:{Line}: ",
            (null, not null) => $"line {Line}: ",
            (not null, null) => $"{Source}: ",
            _ => string.Empty,
        };
        var value = Value is null ? string.Empty : $" '{Value}'";
        return $"{where}{Field}{value}: {Reason}";
    }
}
