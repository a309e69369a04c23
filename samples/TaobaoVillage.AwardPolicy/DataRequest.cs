namespace TaobaoVillage.AwardPolicy;

/// <summary>A village the office must collect figures for before it can decide: what is missing, and for what.</summary>
internal sealed class DataRequest(string village, IReadOnlyList<string> missing, string reason)
{
    public string Village { get; } = village;

    public IReadOnlyList<string> Missing { get; } = missing;

    public string Reason { get; } = reason;

    public override string ToString() => $"{Village}: collect {string.Join(", ", Missing)} ({Reason})";
}
