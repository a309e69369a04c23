namespace TaobaoVillage.AwardPolicy;

/// <summary>A payment the policy makes: to a village, township or county, in whole yuan and fen (decimal, exact).</summary>
/// <remarks>A class, not a record: NRules links a rule's yielded fact to its activation by reference.</remarks>
internal sealed class Award(string recipient, decimal amountCny, string reason)
{
    public string Recipient { get; } = recipient;

    public decimal AmountCny { get; } = amountCny;

    public string Reason { get; } = reason;

    public override string ToString() => $"{Recipient}: CN¥{AmountCny:N2} ({Reason})";
}
