using NRules.RuleModel;

namespace TaobaoVillage.NRules;

/// <summary>Yields a rule's one linked fact, as the fluent DSL's <c>Yield</c> does: inserted on first firing, replaced on each refiring.</summary>
internal static class Linked
{
    private const string Key = "outcome";

    public static void Yield(IContext context, object fact)
    {
        // NRules retracts the linked fact itself when the activation goes (its match was retracted or no longer holds).
        if (context.GetLinked(Key) is null)
        {
            context.InsertLinked(Key, fact);
        }
        else
        {
            context.UpdateLinked(Key, fact);
        }
    }
}
