using TaobaoVillage.Aggregation;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.NRules;

/// <summary>
/// A village's outcome as a fact in an NRules session: the eligibility the NRules rules decided, the library's
/// explained <see cref="Verdict"/> of the same record (criteria, shortfalls, paths to pass), and its figures three-valued.
/// Yielded as a linked fact by the rules <see cref="TaobaoVillageRules"/> builds, so NRules keeps it true: updating the
/// record re-decides it, retracting the record removes it. Or inserted for a designated village of an official list.
/// </summary>
/// <remarks>Immutable and thread-safe. Identity is by reference, as NRules needs for linked facts.</remarks>
public sealed class VillageOutcome
{
    private VillageOutcome(VillageResult result, Eligibility eligibility)
    {
        Result = result;
        Eligibility = eligibility;
    }

    /// <summary>Whether the village is a Taobao Village, as the NRules rules decided: eligible, not eligible, indeterminate (figures missing) or invalid.</summary>
    public Eligibility Eligibility { get; }

    /// <summary>The library's explained verdict for the record; <see langword="null"/> for a designated village.</summary>
    public Verdict? Verdict => Result.Verdict;

    /// <summary>The record decided; <see langword="null"/> for a designated village.</summary>
    public VillageRecord? Record => Result.Record;

    /// <summary>The outcome as the library's aggregation reads it (region, year, eligibility, record, verdict).</summary>
    public VillageResult Result { get; }

    /// <summary>Where the village is.</summary>
    public Region Region => Result.Region;

    /// <summary>The year, when the record gives one.</summary>
    public int? Year => Result.Year == 0 ? null : Result.Year;

    /// <summary>The village's code, or its region and name for a designated village.</summary>
    public string Key => Result.Key;

    /// <summary>Whether the village is a Taobao Village (eligible). Indeterminate is not "no": see <see cref="Eligibility"/>.</summary>
    public bool IsTaobaoVillage => Eligibility == Eligibility.Eligible;

    /// <summary>Annual e-commerce sales in yuan, or unknown.</summary>
    public Figure<decimal> AnnualSalesYuan => Figure<decimal>.Of(Record?.AnnualSales?.Yuan);

    /// <summary>Active online shops, or unknown.</summary>
    public Figure<long> ActiveShops => Figure<long>.Of(Record?.ActiveShops);

    /// <summary>Households, or unknown.</summary>
    public Figure<long> Households => Figure<long>.Of(Record?.Households);

    /// <summary>Households engaged in e-commerce, or unknown.</summary>
    public Figure<long> EcommerceHouseholds => Figure<long>.Of(Record?.EcommerceHouseholds);

    /// <summary>Whether the outcome counts towards its township's figures: a valid record with a year, or a designated village.</summary>
    internal bool CountsForTown => Eligibility != Eligibility.Invalid && Year is not null;

    /// <summary>The township and year this outcome counts towards.</summary>
    internal string TownKey => $"{Result.Year}/{Result.Region.Key}";

    /// <summary>A designated village of an official list: eligible, without figures, for towns and counties decided from lists.</summary>
    /// <param name="village">The listed village.</param>
    /// <returns>The outcome, to insert into a session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="village"/> is null.</exception>
    public static VillageOutcome FromDesignated(DesignatedVillage village) => new(VillageResult.FromDesignated(village), Eligibility.Eligible);

    /// <summary>The outcome of a record the rules decided, with the evaluator's verdict of the same record.</summary>
    internal static VillageOutcome Decided(VillageRecord record, Eligibility decided, RuleEvaluator evaluator)
    {
        var verdict = evaluator.Evaluate(record);
        var result = new VillageResult(Region.Of(record), record.Name ?? record.Code.Value, record.Year ?? 0, decided)
        {
            Code = record.Code.Value,
            Record = record,
            Verdict = verdict,
        };
        return new VillageOutcome(result, decided);
    }

    /// <summary>The rule set's id, version and decision, as NRules' diagnostics show it.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Key}: {Eligibility}" + (Verdict is { } v ? $" ({v.RuleSet.Id}@{v.RuleSet.Version})" : " (designated)");

    /// <summary>The rule set that decided the record, when one did.</summary>
    public RuleSet? RuleSet => Verdict?.RuleSet;
}
