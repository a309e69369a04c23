namespace TaobaoVillage.Domain;

/// <summary>The stable codes of <see cref="RecordProblem"/>. They never change meaning once published.</summary>
public static class RecordProblemCodes
{
    /// <summary>The village code is empty.</summary>
    public const string MissingVillageCode = "missing-village-code";

    /// <summary>A township row gives neither a township code nor a township name.</summary>
    public const string MissingTownship = "missing-township";

    /// <summary>A number does not parse.</summary>
    public const string NotANumber = "not-a-number";

    /// <summary>A number is negative.</summary>
    public const string Negative = "negative";

    /// <summary>A whole number was expected.</summary>
    public const string NotWhole = "not-whole";

    /// <summary>A number is beyond the range the field can hold.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>Households is zero.</summary>
    public const string ZeroHouseholds = "zero-households";

    /// <summary>Households engaged in e-commerce exceed households.</summary>
    public const string EngagedExceedsHouseholds = "engaged-exceeds-households";

    /// <summary>The platform is not one the contract names.</summary>
    public const string UnknownPlatform = "unknown-platform";

    /// <summary>The committee kind is not <c>village</c> or <c>residents</c>.</summary>
    public const string UnknownCommittee = "unknown-committee";

    /// <summary>A township's kind is not <c>township</c>, <c>subdistrict</c> or <c>other</c>.</summary>
    public const string UnknownTownshipKind = "unknown-township-kind";

    /// <summary>The same village code appears twice for one year.</summary>
    public const string DuplicateVillage = "duplicate-village";

    /// <summary>The same township code appears twice for one year in a townships file.</summary>
    public const string DuplicateTownship = "duplicate-township";

    /// <summary>A row has more or fewer cells than the header.</summary>
    public const string WrongCellCount = "wrong-cell-count";

    /// <summary>The row or file is malformed (unbalanced quotes, truncated, not the expected shape).</summary>
    public const string Malformed = "malformed";

    /// <summary>The bytes are not valid in the file's encoding.</summary>
    public const string BadEncoding = "bad-encoding";

    /// <summary>A field is longer than the reader's limit.</summary>
    public const string TooLong = "too-long";

    /// <summary>A number has more digits than a decimal holds exactly (over 28 decimal places, or too many significant digits); it is never rounded.</summary>
    public const string Inexact = "inexact";

    /// <summary>Two columns of the header (or two keys of a JSON record) name the same field.</summary>
    public const string DuplicateField = "duplicate-field";

    /// <summary>A header names a unit twice (<c>annual_sales_10k_cny(万元)</c>, <c>年销售额(万元)(元)</c>): which one counts cannot be told, so the column is not read.</summary>
    public const string TwoUnits = "two-units";

    /// <summary>
    /// The row is a total (合计, 总计, 小计, 汇总, 全县…, total, sum in its code or name; <see cref="TotalRowLabels"/>),
    /// not a village: it is set aside, never judged.
    /// </summary>
    public const string TotalRow = "total-row";
}
