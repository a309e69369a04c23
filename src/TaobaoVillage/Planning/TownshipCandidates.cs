using TaobaoVillage.Aggregation;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Planning;

/// <summary>
/// One township in one year as its villages arrive: its figures summed three ways (as they are, with every candidate
/// helped, and without the candidates it keeps), and its candidates — only those some plan within the budget could
/// help, once the instance is past exact size: memory follows the budget and the townships, not the villages.
/// </summary>
internal sealed class TownshipCandidates
{
    // Dearest first, so that the candidate no plan can reach is the one dropped.
    private readonly PriorityQueue<PlanCandidate, PlanCandidate> _kept = new(Comparer<PlanCandidate>.Create(static (a, b) => PlanCandidate.Order.Compare(b, a)));
    private long _keptCost;

    public TownshipCandidates(Region region, int year)
    {
        (Region, Year) = (region, year);
        (Before, AllHelped, Rest) = (TownshipTally.Counting(region, year), TownshipTally.Counting(region, year), TownshipTally.Counting(region, year));
    }

    public Region Region { get; }

    public int Year { get; }

    /// <summary>Every village as it is.</summary>
    public TownshipTally Before { get; }

    /// <summary>Every candidate helped, the rest as they are: the most the township can reach.</summary>
    public TownshipTally AllHelped { get; }

    /// <summary>Every village but the kept candidates, as they are.</summary>
    public TownshipTally Rest { get; }

    /// <summary>How many candidates it has, kept or not.</summary>
    public int CandidateCount { get; private set; }

    /// <summary>How many candidates it keeps.</summary>
    public int KeptCount => _kept.Count;

    /// <summary>Adds a village.</summary>
    public void Add(PlanEntry entry)
    {
        Before.Add(entry.Eligibility, entry.Figures);
        if (entry.Candidate is { } candidate)
        {
            AllHelped.Add(Eligibility.Eligible, candidate.Raised);
            _kept.Enqueue(candidate, candidate);
            _keptCost += candidate.EffortCost;
            CandidateCount++;
        }
        else
        {
            AllHelped.Add(entry.Eligibility, entry.Figures);
            Rest.Add(entry.Eligibility, entry.Figures);
        }
    }

    /// <summary>
    /// Drops the dearest candidates no plan within the budget can help: past the K cheapest (a budget of K villages),
    /// or while all kept cost more than the budget (the dearest then lies in no prefix that fits). A township's options
    /// are its cheapest candidates first, so a dropped one is in none; it counts as a village not helped.
    /// </summary>
    public void Trim(PlanBudget budget, long capacity)
    {
        while (_kept.Count > 0 && (budget.MaxVillages is { } k ? _kept.Count > k : _keptCost > capacity))
        {
            var dropped = _kept.Dequeue();
            _keptCost -= dropped.EffortCost;
            Rest.Add(dropped.Eligibility, dropped.Original);
        }
    }

    /// <summary>The kept candidates, cheapest first.</summary>
    public PlanCandidate[] Kept() => [.. _kept.UnorderedItems.Select(c => c.Element).Order(PlanCandidate.Order)];
}
