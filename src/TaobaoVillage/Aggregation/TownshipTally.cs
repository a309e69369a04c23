using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// One township in one year, summed as its villages are added: its Taobao Villages, its undecided villages and the
/// sums of their figures; from them the township is decided. <c>towns</c> and the support plan decide through it alike.
/// </summary>
/// <remarks>Not thread-safe while adding.</remarks>
internal sealed class TownshipTally
{
    private readonly Region _region;
    private readonly List<VillageResult>? _qualifying;
    private readonly List<VillageResult>? _undecided;
    private int _qualifyingCount;
    private int _undecidedCount;
    private int _villages;
    private FigureSum _sales;
    private FigureSum _shops;
    private FigureSum _households;
    private FigureSum _engaged;

    /// <summary>A tally that keeps the qualifying and undecided villages for its verdict.</summary>
    public TownshipTally(Region region, int year)
        : this(region, year, keepVillages: true)
    {
    }

    private TownshipTally(Region region, int year, bool keepVillages)
    {
        _region = region;
        Year = year;
        (_qualifying, _undecided) = keepVillages ? ([], []) : ((List<VillageResult>?)null, (List<VillageResult>?)null);
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>A tally that only counts and sums (its verdict lists no villages), for deciding a township many times.</summary>
    public static TownshipTally Counting(Region region, int year) => new(region, year, keepVillages: false);

    /// <summary>A counting copy, to add to without changing this one.</summary>
    public TownshipTally Copy() => Counting(_region, Year).With(this);

    /// <summary>Adds a village result, kept in the verdict's lists when this tally keeps villages.</summary>
    public void Add(VillageResult village)
    {
        Add(village.Eligibility, VillageFigures.Of(village.Record));
        switch (village.Eligibility)
        {
            case Eligibility.Eligible: _qualifying?.Add(village); break;
            case Eligibility.Indeterminate: _undecided?.Add(village); break;
        }
    }

    /// <summary>Adds a village by its eligibility and figures.</summary>
    public void Add(Eligibility eligibility, in VillageFigures figures)
    {
        _villages++;
        _qualifyingCount += eligibility == Eligibility.Eligible ? 1 : 0;
        _undecidedCount += eligibility == Eligibility.Indeterminate ? 1 : 0;
        _sales.Add(figures.Sales);
        _shops.Add(figures.Shops);
        _households.Add(figures.Households);
        _engaged.Add(figures.Engaged);
    }

    /// <summary>Decides the township.</summary>
    /// <exception cref="ArgumentException">The rule set is not a township rule set.</exception>
    public TownVerdict Decide(RuleSet rules)
    {
        var (figures, verdict) = Judge(rules);
        return new TownVerdict(_region, Year, figures, verdict, _qualifying ?? [], _undecided ?? [], _villages);
    }

    /// <summary>Whether the township is a Taobao Town.</summary>
    /// <exception cref="ArgumentException">The rule set is not a township rule set.</exception>
    public bool IsTown(RuleSet rules) => Judge(rules).Verdict.IsEligible;

    private TownshipTally With(TownshipTally other)
    {
        (_qualifyingCount, _undecidedCount, _villages) = (other._qualifyingCount, other._undecidedCount, other._villages);
        (_sales, _shops, _households, _engaged) = (other._sales, other._shops, other._households, other._engaged);
        return this;
    }

    private (TownshipFigures Figures, Verdict Verdict) Judge(RuleSet rules)
    {
        if (rules.Target != RuleTarget.Township)
        {
            throw new ArgumentException($"The rule set {rules} decides about villages; towns need a township rule set.", nameof(rules));
        }

        var evaluator = rules.Compile();
        if (TooLarge() is { Count: > 0 } problems)
        {
            // A sum past what a figure holds is never guessed at: the township is invalid and says which sum.
            return (Named(new TownshipFigures(_region.Key)), evaluator.Invalid(_region.Key, problems));
        }

        var known = Known();
        if (IsComplete)
        {
            return (known, evaluator.Evaluate(known));
        }

        // What is known is a lower bound of every figure: if it passes, the township passes whatever the rest is.
        var pessimistic = evaluator.Evaluate(known);
        return pessimistic.IsEligible ? (known, pessimistic) : WithUnknowns(known, evaluator);
    }

    private bool IsComplete => _undecidedCount == 0 && _sales.Complete && _shops.Complete && _households.Complete && _engaged.Complete;

    private TownshipFigures Named(TownshipFigures figures) => figures with
    {
        Name = _region.Township, Province = _region.Province, City = _region.City, County = _region.County, Year = Year,
    };

    /// <summary>The figures as far as they are known; the code's NBS range, then the name's suffix, give the kind (never a default).</summary>
    private TownshipFigures Known() => Named(new TownshipFigures(_region.Key)) with
    {
        Kind = OfficialNames.TownshipKindOf(_region.TownshipCode, _region.Township),
        TaobaoVillages = _qualifyingCount,
        AnnualSales = _sales.Known is { } s ? Cny.FromYuan(s) : null,
        ActiveShops = (long?)_shops.Known,
        Households = (long?)_households.Known,
        EcommerceHouseholds = (long?)_engaged.Known,
    };

    private (TownshipFigures, Verdict) WithUnknowns(TownshipFigures known, RuleEvaluator evaluator)
    {
        var figures = known with
        {
            TaobaoVillages = _undecidedCount == 0 ? _qualifyingCount : null,
            AnnualSales = _sales.Complete ? known.AnnualSales : null,
            ActiveShops = _shops.Complete ? known.ActiveShops : null,
            Households = _households.Complete ? known.Households : null,
            EcommerceHouseholds = _engaged.Complete ? known.EcommerceHouseholds : null,
        };
        return (figures, evaluator.Evaluate(figures));
    }

    /// <summary>The sums too large to hold: money past decimal's range, counts past a 64-bit whole number.</summary>
    private List<RecordProblem> TooLarge()
    {
        var problems = new List<RecordProblem>();
        Check(_sales, FieldNames.AnnualSales, decimal.MaxValue);
        Check(_shops, FieldNames.ActiveShops, long.MaxValue);
        Check(_households, FieldNames.Households, long.MaxValue);
        Check(_engaged, FieldNames.EcommerceHouseholds, long.MaxValue);
        return problems;

        void Check(FigureSum sum, string field, decimal limit)
        {
            if (sum.Overflowed || sum.Known > limit)
            {
                problems.Add(RecordProblem.Create(field, null, RecordProblemCodes.OutOfRange, "township-sum", ("limit", limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
    }
}
