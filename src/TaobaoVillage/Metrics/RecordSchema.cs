using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>
/// Maps the columns of a records file (CSV header or JSON property names) to the contract's fields and turns a row of
/// texts into a <see cref="VillageRecord"/>, or into the problems that stop it being one. The columns it knows are
/// the identity fields and every <see cref="Metric"/> with <see cref="Metric.IsRecordField"/>, under their names
/// and <see cref="Metric.Aliases"/>.
/// </summary>
/// <remarks>
/// Names match case-insensitively, in snake_case or camelCase (<c>village_code</c>, <c>villageCode</c>), without
/// spaces, full-width brackets as half-width; a money column may carry its unit ((元), (万元), (亿元)). Columns the
/// contract does not name become <see cref="VillageRecord.Attributes"/>. An empty or white-space cell is a missing
/// value. Immutable once created and thread-safe.
/// </remarks>
public sealed partial class RecordSchema
{
    private static readonly (string Unit, decimal Factor)[] Units = [("(元)", 1m), ("(万元)", 10_000m), ("(亿元)", 100_000_000m)];

    // Every name a column may have, normalised (see Normalise), to the field it supplies and the multiplier it implies.
    private static readonly Dictionary<string, Column> Known = BuildKnown();

    private readonly Column[] _columns;
    private readonly RecordProblem? _duplicate;

    private RecordSchema(string[] columns, bool inferCommitteeFromName, ColumnMap map)
    {
        InferCommitteeFromName = inferCommitteeFromName;
        Columns = columns;
        _columns = columns.Select(c => Classify(map.Resolve(c))).ToArray();
        HasVillageCode = _columns.Any(c => c.Identity == RecordFields.VillageCode);
        _duplicate = FindDuplicate(columns, _columns) ?? FindTwoUnits([.. columns.Select(map.Resolve)]);
    }

    /// <summary>The column names, in order, as given.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>For each column, in order, the contract field it supplies (<c>households</c> for 户数), or null when it is kept as an attribute.</summary>
    public IReadOnlyList<string?> ContractFields => _columns.Select(c => c.Field).ToList();

    /// <summary>Whether a <c>village_code</c> column is present; without it no row can be a valid record.</summary>
    public bool HasVillageCode { get; }

    /// <summary>
    /// Whether a record without a committee value takes its kind from its official name (…村委会 a villagers',
    /// …居委会 a residents' committee; <see cref="OfficialNames.CommitteeKindOf"/>), marked
    /// <see cref="VillageRecord.CommitteeFromName"/>. On by default.
    /// </summary>
    public bool InferCommitteeFromName { get; }

    /// <summary>Creates a schema from column names; a missing committee is read from the official name.</summary>
    /// <param name="columns">The column names, in order.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    public static RecordSchema FromColumns(IEnumerable<string> columns) => FromColumns(columns, inferCommitteeFromName: true);

    /// <summary>Creates a schema from column names.</summary>
    /// <param name="columns">The column names, in order.</param>
    /// <param name="inferCommitteeFromName">Whether a missing committee is read from the official name (see <see cref="InferCommitteeFromName"/>).</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    public static RecordSchema FromColumns(IEnumerable<string> columns, bool inferCommitteeFromName) =>
        FromColumns(columns, inferCommitteeFromName, ColumnMap.Empty);

    /// <summary>Creates a schema from column names, some named by a planner's own map.</summary>
    /// <param name="columns">The column names, in order.</param>
    /// <param name="inferCommitteeFromName">Whether a missing committee is read from the official name (see <see cref="InferCommitteeFromName"/>).</param>
    /// <param name="map">Further names for the contract's fields (<c>--columns map.json</c>).</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or <paramref name="map"/> is null.</exception>
    public static RecordSchema FromColumns(IEnumerable<string> columns, bool inferCommitteeFromName, ColumnMap map)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(map);
        return new RecordSchema(columns.Select(c => c ?? string.Empty).ToArray(), inferCommitteeFromName, map);
    }

    /// <summary>
    /// The contract field a column name stands for (<c>annual_sales_cny</c> for <c>annualSalesCny</c> or
    /// 年销售额(万元)), or <see langword="null"/> when it is an attribute. Does not throw.
    /// </summary>
    /// <param name="column">The column name.</param>
    /// <returns>The contract field name, or <see langword="null"/>.</returns>
    public static string? ContractFieldOf(string column) => Classify(column ?? string.Empty).Field;

    /// <summary>
    /// The unit a column gives a metric in, as the multiplier to its base unit: 10,000 for 年销售额（万元）, 1 for a
    /// column in yuan; null when no column supplies the metric. Advice can then speak in the file's own unit.
    /// </summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The multiplier, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is null.</exception>
    public decimal? ScaleOf(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return _columns.FirstOrDefault(c => c.Metric == metric)?.Scale;
    }

    /// <summary>
    /// Turns one row of cells into a record. Never throws for bad data: every problem comes back in the result.
    /// </summary>
    /// <param name="cells">The cells, aligned with <see cref="Columns"/>; null or white space is a missing value.</param>
    /// <returns>The record, or the problems found (each names its field and value).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public RecordParseResult Parse(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var count = Math.Min(cells.Count, _columns.Length);
        var buffer = System.Buffers.ArrayPool<CellValue>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                buffer[i] = CellValue.Of(cells[i]);
            }

            return ParseCells(buffer.AsSpan(0, count));
        }
        finally
        {
            System.Buffers.ArrayPool<CellValue>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>
    /// Whether a reader may give column <paramref name="index"/> as a whole number (<see cref="CellValue.Number"/>):
    /// the year, a count or an amount. Readers ask once per column, then read such cells' digits without a string.
    /// </summary>
    /// <param name="index">The column's position in <see cref="Columns"/>.</param>
    /// <returns>Whether the column reads numbers; false past the last column.</returns>
    public bool ReadsNumber(int index) =>
        index < _columns.Length && _columns[index] is { Identity.Store: null } or { Metric.Kind: MetricKind.Count or MetricKind.Money };

    /// <summary>
    /// As <see cref="Parse(IReadOnlyList{string})"/>, with cells a reader may have read as numbers already (where
    /// <see cref="ReadsNumber"/> allows): the cell-level entry every reader uses. A number in a column that reads text
    /// is read as its digits.
    /// </summary>
    /// <param name="cells">The cells, aligned with <see cref="Columns"/>.</param>
    /// <returns>The record, or the problems found (each names its field and value).</returns>
    public RecordParseResult ParseCells(ReadOnlySpan<CellValue> cells)
    {
        List<RecordProblem>? problems = _duplicate is null ? null : [_duplicate];
        var draft = RecordDraft.ForThread();
        var count = Math.Min(cells.Length, _columns.Length);
        for (var i = 0; i < count; i++)
        {
            var cell = cells[i];
            if (cell.IsWhole && ReadsNumber(i))
            {
                ReadNumber(draft, _columns[i], cell.Whole, ref problems);
            }
            else if (cell.ToString() is var text && !string.IsNullOrWhiteSpace(text))
            {
                Read(draft, _columns[i], Columns[i], text.Trim(), ref problems);
            }
        }

        if (TotalRowOf(draft) is { } total)
        {
            return total;
        }

        if (draft.Code is null)
        {
            CellNumbers.Add(ref problems, RecordProblem.Create(FieldNames.VillageCode, null, RecordProblemCodes.MissingVillageCode, null));
            return new RecordParseResult(null, problems!);
        }

        // No committee column (or an empty cell): the official name may still say it, and the record remembers so.
        if (draft.Committee is null && InferCommitteeFromName && OfficialNames.CommitteeKindOf(draft.Name) is { } inferred)
        {
            draft.Committee = inferred;
            draft.CommitteeFromName = true;
        }

        var record = draft.ToRecord();
        VillageRecordValidator.Validate(record, ref problems);
        return problems is null ? new RecordParseResult(record, []) : new RecordParseResult(null, problems, record.Code.Value, record.Year);
    }

    /// <summary>A row whose code or name is a total label (<see cref="TotalRowLabels.IsLabel"/>): rejected as one, its figures kept to compare with the sums above it.</summary>
    private static RecordParseResult? TotalRowOf(RecordDraft draft)
    {
        var field = TotalRowLabels.IsLabel(draft.Code) ? FieldNames.VillageCode : TotalRowLabels.IsLabel(draft.Name) ? FieldNames.VillageName : null;
        if (field is null)
        {
            return null;
        }

        var label = (field == FieldNames.VillageCode ? draft.Code : draft.Name)!.Trim();
        draft.Code ??= label;
        return new RecordParseResult(null, [TotalRowLabels.Problem(field, label)], draft.Code, draft.Year) { TotalCandidate = draft.ToRecord() };
    }

    private static void Read(RecordDraft draft, Column column, string name, string text, ref List<RecordProblem>? problems)
    {
        if (column.Identity is { } identity)
        {
            if (identity.Store is { } store)
            {
                store(draft, text);
            }
            else
            {
                draft.Year = (int?)CellNumbers.Whole(identity.Name, text, 0, 9999, ref problems);
            }
        }
        else if (column.Metric is { } metric)
        {
            ReadMetric(draft, metric, column.Scale, text, ref problems);
        }
        else
        {
            draft.Attribute(name, text);
        }
    }

    /// <summary>A cell given as a number: what <see cref="Read"/> does with its digits, without parsing them again.</summary>
    private static void ReadNumber(RecordDraft draft, Column column, long whole, ref List<RecordProblem>? problems)
    {
        if (column.Identity is { } identity)
        {
            draft.Year = (int?)CellNumbers.Whole(identity.Name, whole, 0, 9999, ref problems);
            return;
        }

        var metric = column.Metric!;
        var value = metric.Kind == MetricKind.Count ? whole : CellNumbers.Scaled(metric.Name, null, whole, column.Scale, ref problems);
        if (value is { } v)
        {
            metric.Store!(draft, v);
        }
    }

    private static void ReadMetric(RecordDraft draft, Metric metric, decimal scale, string text, ref List<RecordProblem>? problems)
    {
        if (metric.CategoryStore is { } categoryStore)
        {
            if (metric.CategoryParser!(text, out var index))
            {
                categoryStore(draft, index);
            }
            else
            {
                CellNumbers.Add(ref problems, RecordProblem.Create(metric.Name, CellNumbers.Shorten(text), metric.UnknownValueCode, null));
            }

            return;
        }

        var value = metric.Kind == MetricKind.Count
            ? CellNumbers.Whole(metric.Name, text, long.MinValue, long.MaxValue, ref problems)
            : CellNumbers.Decimal(metric.Name, text, ref problems) is { } amount ? CellNumbers.Scaled(metric.Name, text, amount, scale, ref problems) : null;
        if (value is { } v)
        {
            metric.Store!(draft, v);
        }
    }

    /// <summary>Two columns for one field (<c>households</c> twice, or <c>households</c> and 户数): which value counts is anyone's guess, so none does.</summary>
    private static RecordProblem? FindDuplicate(string[] columns, Column[] classified)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++)
        {
            var key = classified[i].Field ?? columns[i].Trim();
            if (!seen.TryAdd(key, i))
            {
                var first = columns[seen[key]];
                key = classified[i].Field ?? first.Trim();
                return RecordProblem.Create(key, CellNumbers.Shorten(columns[i]), RecordProblemCodes.DuplicateField, string.Equals(first, columns[i], StringComparison.Ordinal) ? null : "aliases",
                    ("column", CellNumbers.Shorten(first)), ("other", CellNumbers.Shorten(columns[i])), ("first", (seen[key] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("second", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return null;
    }

    /// <summary>The field a column stands for, and the multiplier its name or its header's unit asks for.</summary>
    private static Column Classify(string column)
    {
        var name = Normalise(column);
        if (name is null)
        {
            return Column.Attribute;
        }

        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        foreach (var (unit, factor) in Units)
        {
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length
                && Known.TryGetValue(name[..^unit.Length], out var field) && field.Metric is { Kind: MetricKind.Money })
            {
                // A unit after a name that has its own (annual_sales_10k_cny(万元)) is two units: FindTwoUnits refuses the header.
                return field.Scale == 1m ? field with { Scale = factor } : field with { Metric = null };
            }
        }

        return Column.Attribute;
    }

    /// <summary>A name without spaces, underscores or hyphens, lower-case, full-width brackets as half-width; null when absurdly long.</summary>
    internal static string? Normalise(string column)
    {
        Span<char> buffer = stackalloc char[Math.Min(column.Length, 64)];
        var n = 0;
        foreach (var raw in column.AsSpan().Trim())
        {
            var c = raw switch { '（' => '(', '）' => ')', '\u3000' => ' ', _ => raw };
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return null;
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }

    private static Dictionary<string, Column> BuildKnown()
    {
        var known = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var field in RecordFields.All)
        {
            foreach (var alias in field.Aliases.Prepend(field.Name))
            {
                known[Normalise(alias)!] = new Column(field.Name, null, field, 1m);
            }
        }

        foreach (var metric in Metric.BuiltIn.Where(m => m.IsRecordField))
        {
            foreach (var alias in metric.Aliases.Prepend(metric.Name))
            {
                known[Normalise(alias)!] = new Column(metric.Name, metric, null, metric.AliasScales.GetValueOrDefault(alias, 1m));
            }
        }

        return known;
    }

    /// <summary>What one column supplies: an identity field, a metric (with the multiplier of its unit), or an attribute.</summary>
    private sealed record Column(string? Field, Metric? Metric, IdentityField? Identity, decimal Scale)
    {
        public static readonly Column Attribute = new(null, null, null, 1m);
    }
}
