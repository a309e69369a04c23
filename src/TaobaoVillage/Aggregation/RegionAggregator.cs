using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// Collects village results in one pass, holding one small accumulator per township and year (its Taobao Villages,
/// its undecided villages, sums of its figures), and from them decides towns and counts counties and provinces.
/// </summary>
/// <remarks>Not thread-safe while adding; the lists it returns are immutable.</remarks>
public sealed class RegionAggregator
{
    private readonly Dictionary<(int Year, string Key), Accumulator> _groups = [];

    /// <summary>How many village results were added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one village result.</summary>
    /// <param name="village">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="village"/> is null.</exception>
    public void Add(VillageResult village)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (!_groups.TryGetValue((village.Year, village.Region.Key), out var acc))
        {
            _groups[(village.Year, village.Region.Key)] = acc = new Accumulator(village.Region, village.Year);
        }

        acc.Add(village);
        Count++;
    }

    /// <summary>Adds village results.</summary>
    /// <param name="villages">The results.</param>
    /// <exception cref="ArgumentNullException"><paramref name="villages"/> is null.</exception>
    public void AddRange(IEnumerable<VillageResult> villages)
    {
        ArgumentNullException.ThrowIfNull(villages);
        foreach (var village in villages)
        {
            Add(village);
        }
    }

    /// <summary>The years seen, in order.</summary>
    public IReadOnlyList<int> Years => _groups.Keys.Select(k => k.Year).Distinct().Order().ToList();

    /// <summary>Decides every township, with the rule set each year names.</summary>
    /// <param name="rules">The township rule set for a year.</param>
    /// <returns>The township verdicts, ordered by year, then province, city, county and township.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    /// <exception cref="ArgumentException">A rule set given is not a township rule set.</exception>
    public IReadOnlyList<TownVerdict> Towns(Func<int, RuleSet> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return _groups.Values
            .Select(acc => acc.Decide(rules(acc.Year)))
            .OrderBy(t => t.Year)
            .ThenBy(t => t.Region.ProvinceKey, StringComparer.Ordinal)
            .ThenBy(t => t.Region.City, StringComparer.Ordinal)
            .ThenBy(t => t.Region.County, StringComparer.Ordinal)
            .ThenBy(t => t.Region.Township, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Counts Taobao Villages and Towns per county and year, with the cluster candidates: a county with 10 or more
    /// Taobao Villages may hold a Taobao Village cluster (adjacency is not checked: the data has no geography), more
    /// than 100 is the very large kind.
    /// </summary>
    /// <param name="towns">The township verdicts from <see cref="Towns"/>.</param>
    /// <returns>One summary per county and year, most Taobao Villages first within a year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<RegionSummary> Counties(IEnumerable<TownVerdict> towns)
    {
        ArgumentNullException.ThrowIfNull(towns);
        return Summarise(towns, RegionLevel.County);
    }

    /// <summary>Counts Taobao Villages and Towns per province and year.</summary>
    /// <param name="towns">The township verdicts from <see cref="Towns"/>.</param>
    /// <returns>One summary per province and year, most Taobao Villages first within a year.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="towns"/> is null.</exception>
    public static IReadOnlyList<RegionSummary> Provinces(IEnumerable<TownVerdict> towns)
    {
        ArgumentNullException.ThrowIfNull(towns);
        return Summarise(towns, RegionLevel.Province);
    }

    private static List<RegionSummary> Summarise(IEnumerable<TownVerdict> towns, RegionLevel level) => towns
        .GroupBy(t => (t.Year, Key: t.Region.KeyAt(level)))
        .Select(g => new RegionSummary(g.First().Region.At(level), g.Key.Key, g.Key.Year)
        {
            TaobaoVillages = (int)g.Sum(t => t.TaobaoVillages),
            UndecidedVillages = g.Sum(t => t.UndecidedVillages.Count),
            TaobaoTowns = g.Count(t => t.Verdict.Eligibility == Engine.Eligibility.Eligible),
            UndecidedTowns = g.Count(t => t.Verdict.Eligibility == Engine.Eligibility.Indeterminate),
            Townships = g.Count(),
            Villages = g.Sum(t => t.Villages),
        })
        .OrderBy(s => s.Year)
        .ThenByDescending(s => s.TaobaoVillages)
        .ThenBy(s => s.Key, StringComparer.Ordinal)
        .ToList();

    private sealed class Accumulator(Region region, int year)
    {
        private readonly List<VillageResult> _qualifying = [];
        private readonly List<VillageResult> _undecided = [];
        private int _villages;
        private Sum _sales;
        private Sum _shops;
        private Sum _households;
        private Sum _engaged;

        public int Year { get; } = year;

        public void Add(VillageResult village)
        {
            _villages++;
            switch (village.Eligibility)
            {
                case Eligibility.Eligible: _qualifying.Add(village); break;
                case Eligibility.Indeterminate: _undecided.Add(village); break;
            }

            var r = village.Record;
            _sales.Add(r?.AnnualSales?.Yuan);
            _shops.Add(r?.ActiveShops);
            _households.Add(r?.Households);
            _engaged.Add(r?.EcommerceHouseholds);
        }

        public TownVerdict Decide(RuleSet rules)
        {
            if (rules.Target != RuleTarget.Township)
            {
                throw new ArgumentException($"The rule set {rules} decides about villages; towns need a township rule set.", nameof(rules));
            }

            var evaluator = rules.Compile();
            if (TooLarge() is { Count: > 0 } problems)
            {
                // A sum past what a figure holds is never guessed at: the township is invalid and says which sum.
                var figures = new TownshipFigures(region.Key) { Name = region.Township, Province = region.Province, City = region.City, County = region.County, Year = Year };
                return new TownVerdict(region, Year, figures, evaluator.Invalid(region.Key, problems), _qualifying, _undecided, _villages);
            }

            // The code's NBS range first, then the name's suffix; neither, and the kind is unknown (never a default).
            var kind = OfficialNames.TownshipKindOf(region.TownshipCode, region.Township);
            var known = new TownshipFigures(region.Key)
            {
                Name = region.Township, Province = region.Province, City = region.City, County = region.County, Year = Year, Kind = kind,
                TaobaoVillages = _qualifying.Count,
                AnnualSales = _sales.Known is { } s ? Cny.FromYuan(s) : null,
                ActiveShops = (long?)_shops.Known,
                Households = (long?)_households.Known,
                EcommerceHouseholds = (long?)_engaged.Known,
            };
            Verdict verdict;
            if (_undecided.Count == 0 && _sales.Complete && _shops.Complete && _households.Complete && _engaged.Complete)
            {
                verdict = evaluator.Evaluate(known);
            }
            else
            {
                // What is known is a lower bound of every figure: if it passes, the township passes whatever the rest is.
                var pessimistic = evaluator.Evaluate(known);
                if (pessimistic.IsEligible)
                {
                    verdict = pessimistic;
                }
                else
                {
                    known = known with
                    {
                        TaobaoVillages = _undecided.Count == 0 ? _qualifying.Count : null,
                        AnnualSales = _sales.Complete ? known.AnnualSales : null,
                        ActiveShops = _shops.Complete ? known.ActiveShops : null,
                        Households = _households.Complete ? known.Households : null,
                        EcommerceHouseholds = _engaged.Complete ? known.EcommerceHouseholds : null,
                    };
                    verdict = evaluator.Evaluate(known);
                }
            }

            return new TownVerdict(region, Year, known, verdict, _qualifying, _undecided, _villages);
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

            void Check(Sum sum, string field, decimal limit)
            {
                if (sum.Overflowed || sum.Known > limit)
                {
                    problems.Add(new RecordProblem(field, null, RecordProblemCodes.OutOfRange,
                        $"The villages' {field} add up to more than can be held ({limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}); the township is not decided."));
                }
            }
        }
    }

    /// <summary>A sum that remembers whether every part was known.</summary>
    private struct Sum
    {
        private decimal _total;
        private bool _any;
        private bool _missing;

        public readonly decimal? Known => _any ? _total : (_missing ? null : 0m);

        /// <summary>Whether the parts add up past decimal's range.</summary>
        public bool Overflowed { readonly get; private set; }

        public readonly bool Complete => !_missing;

        public void Add(decimal? value)
        {
            if (value is { } v)
            {
                if (decimal.MaxValue - Math.Abs(_total) < Math.Abs(v))
                {
                    Overflowed = true;
                    return;
                }

                _total += v;
                _any = true;
            }
            else
            {
                _missing = true;
            }
        }
    }
}
