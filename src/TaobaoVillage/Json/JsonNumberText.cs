namespace TaobaoVillage.Json;

/// <summary>
/// The text of a JSON number as written, found back from where the parser says it ended: Newtonsoft.Json hands out
/// only the parsed value, which may be rounded, and exact figures must be read from their digits.
/// </summary>
internal static class JsonNumberText
{
    /// <summary>Whether the character can be part of a JSON number.</summary>
    public static bool IsNumberChar(char c) => c is (>= '0' and <= '9') or '.' or '-' or '+' or 'e' or 'E';

    /// <summary>The number ending at <paramref name="end"/> (exclusive) of <paramref name="line"/>, or null.</summary>
    public static string? EndingAt(string line, int end)
    {
        end = Math.Min(end, line.Length);
        var begin = end;
        while (begin > 0 && IsNumberChar(line[begin - 1]))
        {
            begin--;
        }

        return begin == end ? null : line[begin..end];
    }
}
