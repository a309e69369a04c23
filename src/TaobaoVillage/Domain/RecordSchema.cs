using System.Collections.Immutable;
using System.Globalization;

namespace TaobaoVillage.Domain;

/// <summary>
/// Maps the columns of a records file (CSV header or JSON property names) to the contract's fields and turns a row of
/// texts into a <see cref="VillageRecord"/>, or into the problems that stop it being one.
/// </summary>
/// <remarks>
/// Names match case-insensitively, in snake_case or camelCase (<c>village_code</c>, <c>villageCode</c>). Columns the
/// contract does not name become <see cref="VillageRecord.Attributes"/>. An empty or white-space cell is a missing
/// value. Immutable once created and thread-safe.
/// </remarks>
public sealed partial class RecordSchema
{
    private readonly Field[] _fields;
    private readonly decimal[] _scales;
    private readonly RecordProblem? _duplicate;

    private RecordSchema(string[] columns, (Field Field, decimal Scale)[] classified, bool inferCommitteeFromName)
    {
        var fields = classified.Select(c => c.Field).ToArray();
        InferCommitteeFromName = inferCommitteeFromName;
        Columns = columns;
        _fields = fields;
        _scales = classified.Select(c => c.Scale).ToArray();
        HasVillageCode = fields.Contains(Field.VillageCode);
        _duplicate = FindDuplicate(columns, fields);
    }

    /// <summary>The column names, in order, as given.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>For each column, in order, the contract field it supplies (<c>households</c> for 户数), or null when it is kept as an attribute.</summary>
    public IReadOnlyList<string?> ContractFields => _fields.Select(f => f == Field.Attribute ? null : FieldName(f)).ToList();

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
    public static RecordSchema FromColumns(IEnumerable<string> columns, bool inferCommitteeFromName)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var names = columns.Select(c => c ?? string.Empty).ToArray();
        return new RecordSchema(names, names.Select(ClassifyWithUnit).ToArray(), inferCommitteeFromName);
    }

    /// <summary>
    /// The contract field a column name stands for (<c>annual_sales_cny</c> for <c>annualSalesCny</c>), or
    /// <see langword="null"/> when it is an attribute.
    /// </summary>
    /// <param name="column">The column name.</param>
    /// <returns>The contract field name, or <see langword="null"/>.</returns>
    public static string? ContractFieldOf(string column) => Classify(column) switch
    {
        Field.Attribute => null,
        var f => FieldName(f),
    };

    /// <summary>
    /// Turns one row of cells into a record. Never throws for bad data: every problem comes back in the result.
    /// </summary>
    /// <param name="cells">The cells, aligned with <see cref="Columns"/>; null or white space is a missing value.</param>
    /// <returns>The record, or the problems found (each names its field and value).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cells"/> is null.</exception>
    public RecordParseResult Parse(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        List<RecordProblem>? problems = _duplicate is null ? null : [_duplicate];
        string? code = null, name = null, province = null, city = null, county = null, township = null, townshipCode = null;
        int? year = null;
        CommitteeKind? committee = null;
        long? households = null, engaged = null, shops = null;
        Cny? sales = null, sales10k = null;
        Platform? platform = null;
        ImmutableDictionary<string, string>.Builder? attributes = null;

        var count = Math.Min(cells.Count, _fields.Length);
        for (var i = 0; i < count; i++)
        {
            var text = cells[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            text = text.Trim();
            switch (_fields[i])
            {
                case Field.VillageCode: code = text; break;
                case Field.VillageName: name = text; break;
                case Field.Province: province = text; break;
                case Field.City: city = text; break;
                case Field.County: county = text; break;
                case Field.Township: township = text; break;
                case Field.TownshipCode: townshipCode = text; break;
                case Field.Year:
                    year = (int?)ParseWhole(FieldNames.Year, text, 0, 9999, ref problems);
                    break;
                case Field.Committee:
                    if (DomainNames.TryParseCommittee(text, out var kind))
                    {
                        committee = kind;
                    }
                    else
                    {
                        Add(ref problems, new(FieldNames.Committee, text, RecordProblemCodes.UnknownCommittee, "The committee must be 'village' (村委会) or 'residents' (居委会)."));
                    }

                    break;
                case Field.Households: households = ParseWhole(FieldNames.Households, text, long.MinValue, long.MaxValue, ref problems); break;
                case Field.EcommerceHouseholds: engaged = ParseWhole(FieldNames.EcommerceHouseholds, text, long.MinValue, long.MaxValue, ref problems); break;
                case Field.ActiveShops: shops = ParseWhole(FieldNames.ActiveShops, text, long.MinValue, long.MaxValue, ref problems); break;
                case Field.AnnualSales:
                    sales = ParseDecimal(FieldNames.AnnualSales, text, ref problems) is { } amount ? Scaled(FieldNames.AnnualSales, text, amount, _scales[i], ref problems) : null;
                    break;
                case Field.AnnualSalesTenThousand:
                    if (ParseDecimal(FieldNames.AnnualSalesTenThousand, text, ref problems) is { } wan)
                    {
                        if (Math.Abs(wan) > decimal.MaxValue / 10_000m)
                        {
                            Add(ref problems, new(FieldNames.AnnualSalesTenThousand, text, RecordProblemCodes.OutOfRange, "The amount is too large to hold in yuan."));
                        }
                        else
                        {
                            sales10k = Cny.FromTenThousandYuan(wan);
                        }
                    }

                    break;
                case Field.MainPlatform:
                    if (DomainNames.TryParsePlatform(text, out var p))
                    {
                        platform = p;
                    }
                    else
                    {
                        Add(ref problems, new(FieldNames.MainPlatform, text, RecordProblemCodes.UnknownPlatform,
                            "Unknown platform; expected taobao, tmall, 1688, xianyu, jd, pinduoduo, douyin, kuaishou or other."));
                    }

                    break;
                default:
                    attributes ??= ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                    attributes[Columns[i]] = text;
                    break;
            }
        }

        if (sales is { } s1 && sales10k is { } s2 && s1 != s2)
        {
            Add(ref problems, new(FieldNames.AnnualSalesTenThousand, s2.Yuan.ToString(CultureInfo.InvariantCulture), RecordProblemCodes.Malformed,
                "annual_sales_cny and annual_sales_10k_cny disagree; give one of them."));
        }

        if (code is null)
        {
            Add(ref problems, new(FieldNames.VillageCode, null, RecordProblemCodes.MissingVillageCode, "The village code is required."));
            return new RecordParseResult(null, problems!);
        }

        // No committee column (or an empty cell): the official name may still say it, and the record remembers so.
        var inferred = committee is null && InferCommitteeFromName ? OfficialNames.CommitteeKindOf(name) : null;
        var fromName = inferred is not null;
        committee ??= inferred;

        var record = new VillageRecord(new VillageCode(code))
        {
            CommitteeFromName = fromName,
            Name = name,
            Province = province,
            City = city,
            County = county,
            Township = township,
            TownshipCode = townshipCode,
            Year = year,
            Committee = committee,
            Households = households,
            EcommerceHouseholds = engaged,
            ActiveShops = shops,
            AnnualSales = sales ?? sales10k,
            MainPlatform = platform,
        };
        if (attributes is not null)
        {
            record = record with { Attributes = attributes.ToImmutable() };
        }

        VillageRecordValidator.Validate(record, ref problems);
        return problems is null ? new RecordParseResult(record, []) : new RecordParseResult(null, problems, record.Code.Value, record.Year);
    }

    private static long? ParseWhole(string field, string text, long min, long max, ref List<RecordProblem>? problems)
    {
        var plain = PlainNumber(text);
        if (long.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var whole))
        {
            if (whole < min || whole > max)
            {
                Add(ref problems, new(field, text, RecordProblemCodes.OutOfRange, $"Must be between {min} and {max}."));
                return null;
            }

            return whole;
        }

        var value = ParseDecimal(field, text, ref problems);
        if (value is null)
        {
            return null;
        }

        if (decimal.Truncate(value.Value) != value.Value)
        {
            Add(ref problems, new(field, text, RecordProblemCodes.NotWhole, "Must be a whole number."));
            return null;
        }

        if (value.Value < min || value.Value > max)
        {
            Add(ref problems, new(field, text, RecordProblemCodes.OutOfRange, $"Must be between {min} and {max}."));
            return null;
        }

        return (long)value.Value;
    }

    private static decimal? ParseDecimal(string field, string text, ref List<RecordProblem>? problems)
    {
        switch (ExactDecimal.Parse(PlainNumber(text), out var value))
        {
            case ExactDecimalResult.Exact:
                return value;
            case ExactDecimalResult.Inexact:
                // Rounding could turn 9,999,999.999… into a pass: refuse instead.
                Add(ref problems, new(field, Shorten(text), RecordProblemCodes.Inexact, "The number has more digits than can be held exactly (at most 28 decimal places); it is not rounded."));
                return null;
            case ExactDecimalResult.OutOfRange:
                Add(ref problems, new(field, Shorten(text), RecordProblemCodes.OutOfRange, "The number is beyond the range of a decimal."));
                return null;
            default:
                Add(ref problems, new(field, Shorten(text), RecordProblemCodes.NotANumber, "Not a number."));
                return null;
        }
    }

    /// <summary>Two columns for one field (<c>households</c> twice, or <c>households</c> and <c>Households</c>): which value counts is anyone's guess, so none does.</summary>
    private static RecordProblem? FindDuplicate(string[] columns, Field[] fields)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++)
        {
            var key = fields[i] == Field.Attribute ? columns[i].Trim() : FieldName(fields[i]);
            if (!seen.TryAdd(key, i))
            {
                var first = columns[seen[key]];
                key = fields[i] == Field.Attribute ? first.Trim() : key;
                return new RecordProblem(key, Shorten(columns[i]), RecordProblemCodes.DuplicateField, string.Equals(first, columns[i], StringComparison.Ordinal)
                    ? $"The column '{Shorten(first)}' appears twice (columns {seen[key] + 1} and {i + 1}); which value counts cannot be told."
                    : $"The columns '{Shorten(first)}' (column {seen[key] + 1}) and '{Shorten(columns[i])}' (column {i + 1}) both give {key}; which value counts cannot be told.");
            }
        }

        return null;
    }

    /// <summary>
    /// A number as spreadsheets write it, made plain: full-width digits and signs (１２，３４５．６) as ASCII, and commas
    /// between thousands (12,345,678) dropped — only where they group by three, so "1,5" stays not a number.
    /// </summary>
    private static string PlainNumber(string text)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            needsWork |= c is ',' or (>= '\uFF01' and <= '\uFF5E');
        }

        if (!needsWork)
        {
            return text;
        }

        var chars = text.Trim().Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c).ToArray();
        var ascii = new string(chars);
        return GroupedThousands().IsMatch(ascii) ? ascii.Replace(",", string.Empty, StringComparison.Ordinal) : ascii;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex GroupedThousands();

    /// <summary>An amount in a header's unit (万元, 亿元) in yuan, exactly, or a problem when it overflows.</summary>
    private static Cny? Scaled(string field, string text, decimal amount, decimal scale, ref List<RecordProblem>? problems)
    {
        if (Math.Abs(amount) > decimal.MaxValue / scale)
        {
            Add(ref problems, new(field, Shorten(text), RecordProblemCodes.OutOfRange, "The amount is too large to hold in yuan."));
            return null;
        }

        return Cny.FromYuan(amount * scale);
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");

    private static void Add(ref List<RecordProblem>? problems, RecordProblem problem) => (problems ??= []).Add(problem);

    private static Field Classify(string column) => ClassifyWithUnit(column).Field;

    /// <summary>
    /// The field a column stands for, and the multiplier its header's unit asks for: names compared without spaces,
    /// underscores or hyphens, in any case, full-width brackets as half-width; a trailing (元), (万元) or (亿元) is the
    /// unit of an amount (DESIGN.md's alias table).
    /// </summary>
    private static (Field Field, decimal Scale) ClassifyWithUnit(string column)
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
                return (Field.Attribute, 1m);
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> name = buffer[..n];
        var scale = 1m;
        foreach (var (unit, factor) in Units)
        {
            if (name.EndsWith(unit, StringComparison.Ordinal) && name.Length > unit.Length)
            {
                name = name[..^unit.Length];
                scale = factor;
                break;
            }
        }

        var field = Aliases.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var f) ? f : Field.Attribute;
        return field is Field.AnnualSales or Field.AnnualSalesTenThousand ? (field, scale) : (field, 1m);
    }

    private static readonly (string Unit, decimal Factor)[] Units = [("(元)", 1m), ("(万元)", 10_000m), ("(亿元)", 100_000_000m)];

    // Column names as planners write them (DESIGN.md); more are welcome, none may be dropped.
    private static readonly Dictionary<string, Field> Aliases = new(StringComparer.Ordinal)
    {
        ["villagecode"] = Field.VillageCode, ["code"] = Field.VillageCode, ["村代码"] = Field.VillageCode, ["村编码"] = Field.VillageCode,
        ["行政区划代码"] = Field.VillageCode, ["统计用区划代码"] = Field.VillageCode, ["区划代码"] = Field.VillageCode,
        ["villagename"] = Field.VillageName, ["village"] = Field.VillageName, ["name"] = Field.VillageName, ["村名"] = Field.VillageName,
        ["村名称"] = Field.VillageName, ["村庄名称"] = Field.VillageName, ["行政村"] = Field.VillageName, ["行政村名称"] = Field.VillageName,
        ["province"] = Field.Province, ["省"] = Field.Province, ["省份"] = Field.Province,
        ["city"] = Field.City, ["市"] = Field.City, ["地市"] = Field.City, ["地级市"] = Field.City,
        ["county"] = Field.County, ["县"] = Field.County, ["区县"] = Field.County, ["县区"] = Field.County, ["县(市、区)"] = Field.County,
        ["township"] = Field.Township, ["town"] = Field.Township, ["乡镇"] = Field.Township, ["乡镇(街道)"] = Field.Township,
        ["镇(街道)"] = Field.Township, ["街道"] = Field.Township,
        ["townshipcode"] = Field.TownshipCode, ["乡镇代码"] = Field.TownshipCode,
        ["year"] = Field.Year, ["年份"] = Field.Year, ["年度"] = Field.Year,
        ["committee"] = Field.Committee, ["类型"] = Field.Committee, ["委员会类型"] = Field.Committee, ["村委会类型"] = Field.Committee,
        ["households"] = Field.Households, ["户数"] = Field.Households, ["总户数"] = Field.Households, ["户籍户数"] = Field.Households,
        ["ecommercehouseholds"] = Field.EcommerceHouseholds, ["电商户数"] = Field.EcommerceHouseholds, ["从事电商户数"] = Field.EcommerceHouseholds,
        ["电商从业户数"] = Field.EcommerceHouseholds, ["网商户数"] = Field.EcommerceHouseholds,
        ["activeshops"] = Field.ActiveShops, ["网店数"] = Field.ActiveShops, ["活跃网店数"] = Field.ActiveShops, ["活跃网店数量"] = Field.ActiveShops,
        ["annualsalescny"] = Field.AnnualSales, ["annualsales"] = Field.AnnualSales, ["电商销售额"] = Field.AnnualSales, ["年销售额"] = Field.AnnualSales,
        ["电子商务销售额"] = Field.AnnualSales, ["网络销售额"] = Field.AnnualSales, ["电商交易额"] = Field.AnnualSales, ["年交易额"] = Field.AnnualSales,
        ["annualsales10kcny"] = Field.AnnualSalesTenThousand,
        ["mainplatform"] = Field.MainPlatform, ["platform"] = Field.MainPlatform, ["主要平台"] = Field.MainPlatform, ["主营平台"] = Field.MainPlatform,
        ["电商平台"] = Field.MainPlatform,
    };

    private static string FieldName(Field field) => field switch
    {
        Field.VillageCode => FieldNames.VillageCode,
        Field.VillageName => FieldNames.VillageName,
        Field.Province => FieldNames.Province,
        Field.City => FieldNames.City,
        Field.County => FieldNames.County,
        Field.Township => FieldNames.Township,
        Field.TownshipCode => FieldNames.TownshipCode,
        Field.Year => FieldNames.Year,
        Field.Committee => FieldNames.Committee,
        Field.Households => FieldNames.Households,
        Field.EcommerceHouseholds => FieldNames.EcommerceHouseholds,
        Field.ActiveShops => FieldNames.ActiveShops,
        Field.AnnualSales => FieldNames.AnnualSales,
        Field.AnnualSalesTenThousand => FieldNames.AnnualSalesTenThousand,
        Field.MainPlatform => FieldNames.MainPlatform,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private enum Field
    {
        Attribute,
        VillageCode,
        VillageName,
        Province,
        City,
        County,
        Township,
        TownshipCode,
        Year,
        Committee,
        Households,
        EcommerceHouseholds,
        ActiveShops,
        AnnualSales,
        AnnualSalesTenThousand,
        MainPlatform,
    }
}

/// <summary>The outcome of turning a row into a <see cref="VillageRecord"/>: the record, or the problems.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct RecordParseResult
{
    internal RecordParseResult(VillageRecord? record, IReadOnlyList<RecordProblem> problems, string? key = null, int? year = null)
    {
        Record = record;
        Problems = problems;
        Key = record?.Code.Value ?? key;
        Year = record?.Year ?? year;
    }

    /// <summary>The record, when the row has no problems.</summary>
    public VillageRecord? Record { get; }

    /// <summary>Every problem found; empty when <see cref="Record"/> is set.</summary>
    public IReadOnlyList<RecordProblem> Problems { get; }

    /// <summary>The village code as read, even when the row is invalid (so a rejection can name its record).</summary>
    public string? Key { get; }

    /// <summary>The year as read, when it parsed.</summary>
    public int? Year { get; }

    /// <summary>Whether the row became a record.</summary>
    public bool IsValid => Record is not null;
}
