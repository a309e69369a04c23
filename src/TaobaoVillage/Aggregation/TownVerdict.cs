using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Aggregation;

/// <summary>
/// One township's verdict for one year under a township rule set, explained: its figures, the verdict, the
/// villages that qualified it (each with its own verdict when scored) and the villages whose verdict is open.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TownVerdict
{
    internal TownVerdict(Region region, int year, TownshipFigures figures, Verdict verdict, IReadOnlyList<VillageResult> qualifying, IReadOnlyList<VillageResult> undecided, int villages)
    {
        Region = region;
        Year = year;
        Figures = figures;
        Verdict = verdict;
        QualifyingVillages = qualifying;
        UndecidedVillages = undecided;
        Villages = villages;
    }

    /// <summary>Where the township is.</summary>
    public Region Region { get; }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The township figures the verdict was reached on (Taobao Villages counted, sums of village figures).</summary>
    public TownshipFigures Figures { get; }

    /// <summary>
    /// The Taobao Villages the township criterion counted: the figure given directly (township records), else the
    /// villages that qualified (a lower bound while some are undecided). Every output reports this number.
    /// </summary>
    public long TaobaoVillages => Figures.TaobaoVillages ?? QualifyingVillages.Count;

    /// <summary>The township's verdict.</summary>
    public Verdict Verdict { get; }

    /// <summary>Its Taobao Villages that year.</summary>
    public IReadOnlyList<VillageResult> QualifyingVillages { get; }

    /// <summary>Its villages whose own verdict is indeterminate.</summary>
    public IReadOnlyList<VillageResult> UndecidedVillages { get; }

    /// <summary>How many villages of the township were seen.</summary>
    public int Villages { get; }

    /// <summary>Whether it is a Taobao Town.</summary>
    public bool IsTaobaoTown => Verdict.IsEligible;
}
