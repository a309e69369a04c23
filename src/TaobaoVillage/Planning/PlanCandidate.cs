using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Engine;
using TaobaoVillage.Metrics;

namespace TaobaoVillage.Planning;

/// <summary>
/// A village that can pass by raising figures: its cheapest way, its cost, and its figures before and once raised —
/// only what the plan needs, not the record, so that a country's candidates fit in memory.
/// </summary>
internal sealed class PlanCandidate
{
    private readonly long _line;
    private readonly string? _outputCode;
    private readonly string? _name;

    private PlanCandidate(ScoredRow row, VillageResult result, VillageFigures raised, PathToPass path)
    {
        (_line, _name, Key) = (row.Line, row.Record?.Name, result.Key);
        _outputCode = row.Key is { } key && key != Key ? key : null;
        (Eligibility, Original, Raised) = (result.Eligibility, VillageFigures.Of(result.Record), raised);
        // An array, not the path's list: a country's candidates are held until the plan is made.
        Steps = [.. path.Steps];
        Effort = path.Steps.Sum(s => s.Fraction);
    }

    /// <summary>Cheapest first, then by code, then in input order: the order a township's candidates are tried in.</summary>
    public static IComparer<PlanCandidate> Order { get; } = Comparer<PlanCandidate>.Create(static (a, b) =>
        a.Effort != b.Effort ? a.Effort.CompareTo(b.Effort)
        : string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey
        : a._line.CompareTo(b._line));

    /// <summary>The village's key among its township's villages.</summary>
    public string Key { get; }

    /// <summary>The village's eligibility before help.</summary>
    public Eligibility Eligibility { get; }

    /// <summary>Its figures before help.</summary>
    public VillageFigures Original { get; }

    /// <summary>Its figures once raised; raised, it is a Taobao Village.</summary>
    public VillageFigures Raised { get; }

    /// <summary>What it needs.</summary>
    public Shortfall[] Steps { get; }

    /// <summary>The effort exactly: the shortfalls' fractions summed.</summary>
    public decimal Effort { get; }

    /// <summary>The effort in hundredths, rounded up.</summary>
    public int EffortCost => (int)decimal.Ceiling(Effort * 100m);

    /// <summary>The candidate, or why not: missing data (undecided) or no way at all.</summary>
    public static (PlanCandidate? Candidate, bool Undecided) Of(ScoredRow row, VillageResult result)
    {
        var verdict = row.Verdict!;
        // Ways come fewest missing figures first: if the first needs data, none can do without.
        var paths = verdict.PathsToPass(1);
        var path = paths.FirstOrDefault(p => p.MissingData.Count == 0 && p.Steps.Count > 0);
        if (path is null)
        {
            return (null, paths.Count > 0);
        }

        var raised = Raise(row.Record!, path);
        return raised is not null && VillageRecordValidator.IsValid(raised) && verdict.RuleSet.Compile().Evaluate(raised).IsEligible
            ? (new PlanCandidate(row, result, VillageFigures.Of(raised), path), false)
            : (null, false);
    }

    /// <summary>The planned village, in its township and year.</summary>
    public PlannedVillage Plan(string? townshipCode, int year, string? completesTown) =>
        new(_line, _outputCode ?? Key, _name, townshipCode, year, Effort, Steps, completesTown);

    /// <summary>Each figure raised by the most any step asks of it, or null when one cannot be raised.</summary>
    private static Domain.VillageRecord? Raise(Domain.VillageRecord record, PathToPass path)
    {
        foreach (var group in path.Steps.GroupBy(s => s.Metric.Numerator ?? s.Metric))
        {
            if (group.Key.Raise(record, group.Max(s => s.Amount)) is not { } raised)
            {
                return null;
            }

            record = raised;
        }

        return record;
    }
}
