using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;

namespace TaobaoVillage.Planning;

/// <summary>What the plan keeps of one scored village: its township, eligibility and figures, and whether it can be helped.</summary>
internal sealed record PlanEntry(Region Region, int Year, Eligibility Eligibility, VillageFigures Figures, PlanCandidate? Candidate, bool Undecided)
{
    /// <summary>The entry of a scored row, or null when it is left out (no record, no year, another year).</summary>
    public static PlanEntry? Of(ScoredRow row, int? year)
    {
        if (VillageResult.FromScored(row) is not { } result || (year is not null && result.Year != year))
        {
            return null;
        }

        var (candidate, undecided) = result.Eligibility == Eligibility.Eligible ? (null, false) : PlanCandidate.Of(row, result);
        return new PlanEntry(result.Region, result.Year, result.Eligibility, VillageFigures.Of(result.Record), candidate, undecided);
    }

    /// <summary>Whether it is a Taobao Village already.</summary>
    public bool IsEligible => Eligibility == Eligibility.Eligible;

    /// <summary>Whether nothing can make it pass: not eligible, no candidate, and not for want of data.</summary>
    public bool CannotPass => !IsEligible && Candidate is null && !Undecided;
}
