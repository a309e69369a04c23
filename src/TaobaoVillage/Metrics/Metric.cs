using TaobaoVillage.Domain;

namespace TaobaoVillage.Metrics;

/// <summary>
/// A figure a criterion looks at, such as annual sales or the share of households engaged in e-commerce: the one place
/// that knows its name, unit, kind, target (villages, townships), how its value is read from a record, the input
/// columns and aliases that supply it, how it is checked, and the unit of its shortfall. The engine, the record
/// schema, the validator, the readers, the rule-file checks and the planner read this table; adding a metric is one
/// entry in <see cref="BuiltIn"/> plus tests. Apart from <see cref="Attribute(string)"/> for custom columns the set is
/// closed: a rule file names metrics and can never run code.
/// </summary>
/// <remarks>Instances are immutable and thread-safe; equality is by <see cref="Name"/>.</remarks>
public sealed partial class Metric : IEquatable<Metric>
{
    private const string AttributePrefix = "attribute:";

    private Metric(string name, MetricKind kind, Unit unit, string description, Targets targets)
    {
        Name = name;
        Kind = kind;
        Unit = unit;
        Description = description;
        AppliesToVillages = (targets & Targets.Village) != 0;
        AppliesToTownships = (targets & Targets.Township) != 0;
        ShortfallUnit = unit;
        InputColumns = [name];
    }

    /// <summary>Annual e-commerce sales (or transactions), CN¥: <c>annual_sales_cny</c>.</summary>
    public static Metric AnnualSales { get; } = Money(FieldNames.AnnualSales, "annual e-commerce sales", Targets.Both,
        r => r.AnnualSales?.Yuan, t => t.AnnualSales?.Yuan, (d, v) => d.AnnualSales = v is { } yuan ? Cny.FromYuan(yuan) : null,
        "annualsales", FieldNames.AnnualSalesTenThousand + "=10000", "电商销售额", "年销售额", "电子商务销售额", "网络销售额", "电商交易额", "年交易额");

    /// <summary>Active online shops: <c>active_shops</c>.</summary>
    public static Metric ActiveShops { get; } = Count(FieldNames.ActiveShops, Unit.Shops, "active online shops", Targets.Both,
        r => r.ActiveShops, t => t.ActiveShops, (d, v) => d.ActiveShops = v, "网店数", "活跃网店数", "活跃网店数量");

    /// <summary>Households: <c>households</c>; greater than zero when given.</summary>
    public static Metric Households { get; } = Count(FieldNames.Households, Unit.Households, "households", Targets.Both,
        r => r.Households, t => t.Households, (d, v) => d.Households = v, "户数", "总户数", "户籍户数").Configure(m => m.MustBePositive = true);

    /// <summary>Households engaged in e-commerce: <c>ecommerce_households</c>; at most <see cref="Households"/>.</summary>
    public static Metric EcommerceHouseholds { get; } = Count(FieldNames.EcommerceHouseholds, Unit.Households, "households engaged in e-commerce", Targets.Both,
        r => r.EcommerceHouseholds, t => t.EcommerceHouseholds, (d, v) => d.EcommerceHouseholds = v, "电商户数", "从事电商户数", "电商从业户数", "网商户数")
        .Configure(m => m.AtMostHouseholds = true);

    /// <summary>Households engaged in e-commerce over households: <c>ecommerce_household_share</c>. Its shortfall is in households.</summary>
    public static Metric EcommerceHouseholdShare { get; } = Share("ecommerce_household_share", "share of households engaged in e-commerce", EcommerceHouseholds, Households);

    /// <summary>Active online shops over households: <c>active_shop_share</c>. Its shortfall is in shops.</summary>
    public static Metric ActiveShopShare { get; } = Share("active_shop_share", "active online shops per household", ActiveShops, Households);

    /// <summary>The main e-commerce platform: <c>main_platform</c>, one of the platform names.</summary>
    public static Metric MainPlatform { get; } = Category<Platform>(FieldNames.MainPlatform, "main e-commerce platform", Targets.Village,
        r => r.MainPlatform, DomainNames.TryParsePlatform, DomainNames.Name, (d, v) => d.MainPlatform = v,
        RecordProblemCodes.UnknownPlatform,
        "platform", "主要平台", "主营平台", "电商平台");

    /// <summary>The committee kind: <c>committee</c>, <c>village</c> or <c>residents</c>.</summary>
    public static Metric Committee { get; } = Category<CommitteeKind>(FieldNames.Committee, "kind of committee", Targets.Village,
        r => r.Committee, DomainNames.TryParseCommittee, DomainNames.Name, (d, v) => d.Committee = v,
        RecordProblemCodes.UnknownCommittee,
        "类型", "委员会类型", "村委会类型").Configure(m => m.ReadFromName = r => r.CommitteeFromName);

    /// <summary>The number of Taobao Villages in a township: <c>taobao_villages</c>.</summary>
    public static Metric TaobaoVillages { get; } = Count("taobao_villages", Unit.Villages, "Taobao Villages in the township", Targets.Township, null, t => t.TaobaoVillages, null);

    /// <summary>The kind of township: <c>township_kind</c>, <c>township</c> (乡镇), <c>subdistrict</c> (街道) or <c>other</c> (development zones, farms).</summary>
    public static Metric TownshipKind { get; } = new("township_kind", MetricKind.Category, Unit.None, "kind of township", Targets.Township)
    {
        Categories = [.. Enum.GetValues<Domain.TownshipKind>().Select(DomainNames.Name)],
        CategoryOfTownship = t => t.EffectiveKind is { } k ? (int)k : -1,
        CategoryParser = (string text, out int index) => DomainNames.TryParseTownshipKind(text, out var k) ? (index = (int)k) >= 0 : (index = -1) >= 0,
    };

    /// <summary>
    /// Annual live-streaming e-commerce sales, CN¥: <c>livestream_sales_cny</c> — the channel through which rural
    /// e-commerce now grows fastest. Read from a column of that name (or 直播销售额, 直播电商销售额, with a unit in the
    /// header as for sales) into <see cref="VillageRecord.Figures"/>.
    /// </summary>
    public static Metric LivestreamSales { get; } = Money("livestream_sales_cny", "annual live-streaming e-commerce sales", Targets.Village,
        null, null, null, "直播销售额", "直播电商销售额");

    /// <summary>Every built-in metric.</summary>
    public static IReadOnlyList<Metric> BuiltIn { get; } =
        [AnnualSales, ActiveShops, Households, EcommerceHouseholds, EcommerceHouseholdShare, ActiveShopShare, MainPlatform, Committee, TaobaoVillages, TownshipKind, LivestreamSales];

    /// <summary>The metric's name in rule files, records and verdicts, such as <c>annual_sales_cny</c>.</summary>
    public string Name { get; }

    /// <summary>How the value is read.</summary>
    public MetricKind Kind { get; }

    /// <summary>The unit its thresholds are written in.</summary>
    public Unit Unit { get; }

    /// <summary>The unit of its shortfall: for shares, the count that must grow (households or shops).</summary>
    public Unit ShortfallUnit { get; private set; }

    /// <summary>A few words for explanations.</summary>
    public string Description { get; }

    /// <summary>Whether village rule sets may use it.</summary>
    public bool AppliesToVillages { get; }

    /// <summary>Whether township rule sets may use it.</summary>
    public bool AppliesToTownships { get; }

    /// <summary>For category metrics, the values it can take; otherwise empty.</summary>
    public IReadOnlyList<string> Categories { get; private set; } = [];

    /// <summary>For a share, the count over <see cref="Denominator"/> (engaged households, shops); otherwise <see langword="null"/>.</summary>
    public Metric? Numerator { get; private set; }

    /// <summary>For a share, the count it divides by (households); otherwise <see langword="null"/>.</summary>
    public Metric? Denominator { get; private set; }

    /// <summary>For an attribute metric, the attribute's column name; otherwise <see langword="null"/>.</summary>
    public string? AttributeName => Name.StartsWith(AttributePrefix, StringComparison.Ordinal) ? Name[AttributePrefix.Length..] : null;

    /// <summary>
    /// The input columns that supply this metric — what a planner fills in when its data is missing: the metric's own
    /// column, or for a share both its count and <c>households</c>.
    /// </summary>
    public IReadOnlyList<string> InputColumns { get; private set; }

    /// <summary>
    /// Whether a records file supplies this metric in a column of its own (<see cref="Name"/> or one of
    /// <see cref="Aliases"/>); derived metrics (shares) and township counts are computed, not read.
    /// </summary>
    public bool IsRecordField => Store is not null || CategoryStore is not null;

    /// <summary>
    /// Other header names that supply this metric (docs/domain.md, "Column names": 户数 for households), compared without
    /// spaces, underscores or hyphens, in any case, full-width brackets as half-width. A money metric also accepts a
    /// unit after the name: (元), (万元), (亿元).
    /// </summary>
    public IReadOnlyList<string> Aliases { get; private set; } = [];

    /// <summary>Whether a value of zero is refused (households: a village has at least one).</summary>
    public bool MustBePositive { get; private set; }

    /// <summary>Whether the value may not exceed <see cref="Households"/> of the same record (engaged households).</summary>
    public bool AtMostHouseholds { get; private set; }

    internal Func<VillageRecord, decimal?>? FromVillage { get; private set; }

    internal Func<TownshipFigures, decimal?>? FromTownship { get; private set; }

    /// <summary>For a count, its value as a whole number (<see cref="FromVillage"/> reads the same as a decimal).</summary>
    internal Func<VillageRecord, long?>? CountOfVillage { get; private set; }

    /// <summary>For a count, its value as a whole number (<see cref="FromTownship"/> reads the same as a decimal).</summary>
    internal Func<TownshipFigures, long?>? CountOfTownship { get; private set; }

    internal Func<VillageRecord, int>? CategoryOfVillage { get; private set; }

    internal Func<TownshipFigures, int>? CategoryOfTownship { get; private set; }

    internal Func<VillageRecord, bool>? ReadFromName { get; private set; }

    internal CategoryParse? CategoryParser { get; private set; }

    internal Action<RecordDraft, decimal?>? Store { get; private set; }

    internal Action<RecordDraft, int?>? CategoryStore { get; private set; }

    /// <summary>For a category metric, the problem code for a value it does not know (its sentence is in the problems' table).</summary>
    internal string UnknownValueCode { get; private set; } = RecordProblemCodes.Malformed;

    /// <summary>Header multipliers by alias: 10,000 for <c>annual_sales_10k_cny</c>.</summary>
    internal IReadOnlyDictionary<string, decimal> AliasScales { get; private set; } = new Dictionary<string, decimal>();

    internal delegate bool CategoryParse(string text, out int index);

    /// <summary>
    /// A metric read from a custom column of the records file (kept in <see cref="VillageRecord.Attributes"/>)
    /// as a number. Its rule-file name is <c>attribute:NAME</c>; a missing or non-numeric cell is unknown.
    /// </summary>
    /// <param name="column">The column name.</param>
    /// <returns>The metric.</returns>
    /// <exception cref="ArgumentException"><paramref name="column"/> is empty.</exception>
    public static Metric Attribute(string column)
    {
        if (string.IsNullOrWhiteSpace(column))
        {
            throw new ArgumentException("An attribute metric needs a column name.", nameof(column));
        }

        var name = column.Trim();
        return new Metric(AttributePrefix + name, MetricKind.Number, Unit.Number, "attribute " + name, Targets.Village)
        {
            InputColumns = [name],
            FromVillage = r => r.Attributes.TryGetValue(name, out var text)
                && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null,
        };
    }

    /// <summary>Finds a metric by its rule-file name (<c>attribute:NAME</c> for attribute metrics). Does not throw.</summary>
    /// <param name="name">The name.</param>
    /// <param name="metric">The metric, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryFind(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Metric? metric)
    {
        metric = null;
        if (name is null)
        {
            return false;
        }

        if (name.StartsWith(AttributePrefix, StringComparison.Ordinal) && name.Length > AttributePrefix.Length && !string.IsNullOrWhiteSpace(name[AttributePrefix.Length..]))
        {
            metric = Attribute(name[AttributePrefix.Length..]);
            return true;
        }

        metric = BuiltIn.FirstOrDefault(m => m.Name == name);
        return metric is not null;
    }

    /// <summary>The value of this metric for a village: the amount or count, <see langword="null"/> when missing. Does not throw.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The value; for a share the numerator over the denominator, <see langword="null"/> when either is missing or households are 0; for a category its index in <see cref="Categories"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public decimal? ValueOf(VillageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Numerator is not null)
        {
            return Numerator.ValueOf(record) is { } n && Denominator!.ValueOf(record) is { } d && d > 0 ? n / d : null;
        }

        return CategoryOfVillage is { } category ? (category(record) is var i and >= 0 ? i : null) : FromVillage?.Invoke(record);
    }

    /// <summary>
    /// The record with this metric raised by <paramref name="amount"/> (a share through its count: active shops,
    /// engaged households), a missing figure counting as zero: what a support plan checks. Does not throw for data.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="amount">How much more, in the metric's unit (for a share, in <see cref="ShortfallUnit"/>).</param>
    /// <returns>The raised record, or <see langword="null"/> when the metric cannot be raised by an amount (categories, attributes, township counts).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public VillageRecord? Raise(VillageRecord record, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Numerator is { } numerator)
        {
            return numerator.Raise(record, amount);
        }

        if (Store is null || FromVillage is null)
        {
            return null;
        }

        return With(record, (FromVillage(record) ?? 0m) + amount);
    }

    /// <summary>
    /// The record with this metric's value replaced, through the same descriptor the readers use: an amount or a
    /// count, for a category its index in <see cref="Categories"/>, <see langword="null"/> for missing. Not checked:
    /// evaluating the result checks it. Generators and what-if tools use this instead of knowing record properties.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="value">The new value, or <see langword="null"/>.</param>
    /// <returns>The changed record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The metric is not a record field (a share, an attribute, a township count): set the figures it is computed from.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A category index outside <see cref="Categories"/>, or a count that is not whole.</exception>
    public VillageRecord With(VillageRecord record, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IsRecordField)
        {
            throw new InvalidOperationException($"{Name} is not a field of a village record; set the figures it is computed from ({string.Join(", ", InputColumns)}).");
        }

        if (value is { } v && (Kind != MetricKind.Money && decimal.Truncate(v) != v || Kind == MetricKind.Category && (v < 0 || v >= Categories.Count) || Kind == MetricKind.Count && (v < long.MinValue || v > long.MaxValue)))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, Kind == MetricKind.Category ? $"{Name} takes an index of {string.Join(", ", Categories)}." : $"{Name} counts whole {UnitNames(Unit)}.");
        }

        var draft = RecordDraft.From(record);
        if (CategoryStore is { } category)
        {
            category(draft, (int?)value);
        }
        else
        {
            Store!(draft, value);
        }

        return draft.ToRecord();
    }

    /// <inheritdoc />
    public bool Equals(Metric? other) => other is not null && other.Name == Name;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Metric);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>Returns the rule-file name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
