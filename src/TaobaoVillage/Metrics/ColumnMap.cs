namespace TaobaoVillage.Metrics;

/// <summary>
/// A planner's own column names for the contract's fields, beyond the built-in aliases: <c>户籍人口户数</c> →
/// <c>households</c>, <c>销售（万）</c> → <c>年销售额(万元)</c>. A target may be any name the schema knows — a field,
/// an alias, or a money alias with its unit — so the unit comes with it. Headers match as aliases do: without spaces,
/// underscores or hyphens, in any case, full-width brackets as half-width.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ColumnMap
{
    private readonly Dictionary<string, string> _targets;

    private ColumnMap(Dictionary<string, string> targets) => _targets = targets;

    /// <summary>No names beyond the built-in aliases.</summary>
    public static ColumnMap Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>How many names the map adds.</summary>
    public int Count => _targets.Count;

    /// <summary>Makes a map, checking every target.</summary>
    /// <param name="columns">Header as written → a field name or alias the schema knows.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    /// <exception cref="ArgumentException">A header is empty, two headers are the same once normalised, or a target is not a field the schema knows; the message names each.</exception>
    public static ColumnMap Create(IEnumerable<KeyValuePair<string, string>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (column, target) in columns)
        {
            var key = RecordSchema.Normalise(column ?? string.Empty);
            if (string.IsNullOrEmpty(key))
            {
                problems.Add("a column name is empty");
            }
            else if (RecordSchema.ContractFieldOf(target ?? string.Empty) is null)
            {
                problems.Add($"'{column}' → '{target}': no such field (expected a field such as households, annual_sales_cny, or a name like 年销售额(万元))");
            }
            else if (RecordSchema.TwoUnitsIn(target!) is { } why)
            {
                problems.Add($"'{column}' → '{target}': {why.Message}");
            }
            else if (!targets.TryAdd(key, target!))
            {
                problems.Add($"'{column}' is mapped twice");
            }
        }

        return problems.Count == 0 ? new ColumnMap(targets) : throw new ArgumentException("The column map is invalid: " + string.Join("; ", problems) + ".", nameof(columns));
    }

    /// <summary>The name a header is read as: its target when mapped, else itself.</summary>
    /// <param name="column">The header as written.</param>
    /// <returns>The name to classify.</returns>
    public string Resolve(string column) =>
        _targets.Count > 0 && RecordSchema.Normalise(column ?? string.Empty) is { } key && _targets.TryGetValue(key, out var target) ? target : column ?? string.Empty;
}
