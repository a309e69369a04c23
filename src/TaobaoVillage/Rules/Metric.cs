namespace TaobaoVillage.Rules;

/// <summary>What a rule set decides about: a village, or a township from its villages.</summary>
public enum RuleTarget
{
    /// <summary>A village-level unit (行政村).</summary>
    Village,

    /// <summary>A township, town or sub-district (乡镇, 街道).</summary>
    Township,
}

/// <summary>The unit a threshold is written in. A criterion's unit must match its metric's unit.</summary>
public enum Unit
{
    /// <summary>Chinese yuan.</summary>
    Cny,

    /// <summary>Active online shops.</summary>
    Shops,

    /// <summary>Households.</summary>
    Households,

    /// <summary>A fraction of one (0.1 is 10%).</summary>
    Share,

    /// <summary>Taobao Villages (for township rules).</summary>
    Villages,

    /// <summary>A plain number (custom attribute metrics).</summary>
    Number,

    /// <summary>No unit: a category such as a platform or committee kind.</summary>
    None,
}

/// <summary>How a metric's value is compared with a threshold.</summary>
public enum Comparison
{
    /// <summary>At least (≥): "达到…以上", "or more".</summary>
    AtLeast,

    /// <summary>Exceeds (&gt;): "超过", strict.</summary>
    GreaterThan,

    /// <summary>At most (≤).</summary>
    AtMost,

    /// <summary>Less than (&lt;).</summary>
    LessThan,

    /// <summary>Equal to (=).</summary>
    EqualTo,

    /// <summary>One of a set of category values.</summary>
    OneOf,
}

/// <summary>How a metric's value is read.</summary>
public enum MetricKind
{
    /// <summary>An amount of money in CN¥.</summary>
    Money,

    /// <summary>A whole count.</summary>
    Count,

    /// <summary>A share: one count over another, compared exactly.</summary>
    Share,

    /// <summary>A category value such as a platform.</summary>
    Category,

    /// <summary>A number read from a custom attribute column.</summary>
    Number,
}

/// <summary>
/// A figure a criterion looks at, such as annual sales or the share of households engaged in e-commerce. The set of
/// metrics is closed, apart from <see cref="Attribute(string)"/> for custom columns; a rule file names them and can
/// never run code.
/// </summary>
/// <remarks>Instances are immutable and thread-safe; equality is by <see cref="Name"/>.</remarks>
public sealed class Metric : IEquatable<Metric>
{
    private const string AttributePrefix = "attribute:";

    private Metric(string name, MetricKind kind, Unit unit, string description, bool village, bool township, string[]? categories = null, Unit? lever = null, string[]? columns = null)
    {
        InputColumns = columns ?? [name.StartsWith(AttributePrefix, StringComparison.Ordinal) ? name[AttributePrefix.Length..] : name];
        Name = name;
        Kind = kind;
        Unit = unit;
        Description = description;
        AppliesToVillages = village;
        AppliesToTownships = township;
        Categories = categories ?? [];
        ShortfallUnit = lever ?? unit;
    }

    /// <summary>Annual e-commerce sales (or transactions), CN¥: <c>annual_sales_cny</c>.</summary>
    public static Metric AnnualSales { get; } = new("annual_sales_cny", MetricKind.Money, Unit.Cny, "annual e-commerce sales", true, true);

    /// <summary>Active online shops: <c>active_shops</c>.</summary>
    public static Metric ActiveShops { get; } = new("active_shops", MetricKind.Count, Unit.Shops, "active online shops", true, true);

    /// <summary>Households: <c>households</c>.</summary>
    public static Metric Households { get; } = new("households", MetricKind.Count, Unit.Households, "households", true, true);

    /// <summary>Households engaged in e-commerce: <c>ecommerce_households</c>.</summary>
    public static Metric EcommerceHouseholds { get; } = new("ecommerce_households", MetricKind.Count, Unit.Households, "households engaged in e-commerce", true, true);

    /// <summary>Households engaged in e-commerce over households: <c>ecommerce_household_share</c>. Its shortfall is in households.</summary>
    public static Metric EcommerceHouseholdShare { get; } = new("ecommerce_household_share", MetricKind.Share, Unit.Share, "share of households engaged in e-commerce", true, true, lever: Unit.Households, columns: ["ecommerce_households", "households"]);

    /// <summary>Active online shops over households: <c>active_shop_share</c>. Its shortfall is in shops.</summary>
    public static Metric ActiveShopShare { get; } = new("active_shop_share", MetricKind.Share, Unit.Share, "active online shops per household", true, true, lever: Unit.Shops, columns: ["active_shops", "households"]);

    /// <summary>The main e-commerce platform: <c>main_platform</c>, one of the platform names.</summary>
    public static Metric MainPlatform { get; } = new("main_platform", MetricKind.Category, Unit.None, "main e-commerce platform", true, false,
        ["taobao", "tmall", "1688", "xianyu", "jd", "pinduoduo", "douyin", "kuaishou", "other"]);

    /// <summary>The committee kind: <c>committee</c>, <c>village</c> or <c>residents</c>.</summary>
    public static Metric Committee { get; } = new("committee", MetricKind.Category, Unit.None, "kind of committee", true, false, ["village", "residents"]);

    /// <summary>The number of Taobao Villages in a township: <c>taobao_villages</c>.</summary>
    public static Metric TaobaoVillages { get; } = new("taobao_villages", MetricKind.Count, Unit.Villages, "Taobao Villages in the township", false, true);

    /// <summary>The kind of township: <c>township_kind</c>, <c>township</c> (乡镇), <c>subdistrict</c> (街道) or <c>other</c> (development zones, farms).</summary>
    public static Metric TownshipKind { get; } = new("township_kind", MetricKind.Category, Unit.None, "kind of township", false, true, ["township", "subdistrict", "other"]);

    /// <summary>Every built-in metric.</summary>
    public static IReadOnlyList<Metric> BuiltIn { get; } =
        [AnnualSales, ActiveShops, Households, EcommerceHouseholds, EcommerceHouseholdShare, ActiveShopShare, MainPlatform, Committee, TaobaoVillages, TownshipKind];

    /// <summary>The metric's name in rule files, such as <c>annual_sales_cny</c>.</summary>
    public string Name { get; }

    /// <summary>How the value is read.</summary>
    public MetricKind Kind { get; }

    /// <summary>The unit its thresholds are written in.</summary>
    public Unit Unit { get; }

    /// <summary>The unit of its shortfall: for shares, the count that must grow (households or shops).</summary>
    public Unit ShortfallUnit { get; }

    /// <summary>A few words for explanations.</summary>
    public string Description { get; }

    /// <summary>Whether village rule sets may use it.</summary>
    public bool AppliesToVillages { get; }

    /// <summary>Whether township rule sets may use it.</summary>
    public bool AppliesToTownships { get; }

    /// <summary>For category metrics, the values it can take; otherwise empty.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>For an attribute metric, the attribute's column name; otherwise <see langword="null"/>.</summary>
    public string? AttributeName => Name.StartsWith(AttributePrefix, StringComparison.Ordinal) ? Name[AttributePrefix.Length..] : null;

    /// <summary>
    /// A metric read from a custom column of the records file (kept in <see cref="Domain.VillageRecord.Attributes"/>)
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

        return new Metric(AttributePrefix + column.Trim(), MetricKind.Number, Unit.Number, "attribute " + column.Trim(), true, false);
    }

    /// <summary>
    /// The input columns that supply this metric — what a planner fills in when its data is missing: the metric's own
    /// column, or for a share both its count and <c>households</c>.
    /// </summary>
    public IReadOnlyList<string> InputColumns { get; }

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
