namespace TaobaoVillage.Planning;

/// <summary>One way to help part of one township: what it costs in budget units, what it gains and its effort.</summary>
/// <typeparam name="TMember">What is helped (a candidate village).</typeparam>
/// <param name="Members">The villages helped.</param>
/// <param name="Cost">The budget it takes: villages, or effort in hundredths rounded up.</param>
/// <param name="Effort">The effort exactly, for ties.</param>
/// <param name="TownGain">1 when it makes the township a Taobao Town, else 0.</param>
internal sealed record PlanOption<TMember>(IReadOnlyList<TMember> Members, int Cost, decimal Effort, int TownGain)
{
    /// <summary>New Taobao Villages plus new Taobao Towns.</summary>
    public int Value => Members.Count + TownGain;

    /// <summary>Whether this is the empty option (nothing helped, nothing gained).</summary>
    public bool IsEmpty => Cost == 0 && Value == 0 && Effort == 0m;
}
