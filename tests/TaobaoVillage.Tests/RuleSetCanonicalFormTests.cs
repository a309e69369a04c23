using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// The canonical form is the rule model's own; these hold it to the text the JSON writer produced before the redesign
/// (compact Newtonsoft.Json), so that no hash already stamped into a verdict file changed.
/// </summary>
public class RuleSetCanonicalFormTests
{
    private static readonly Gen<string> Hostile = Gen.Elements("村\"1\"", "a\\b", "tab\there", "line\nbreak", "\u0001\u001f", "\u2028\u2029\u0085", "é中文", "\ud83d\ude00", "</script>", "'");

    [Property(MaxTest = 300)]
    public Property CanonicalForm_AnyRuleSet_SameAsNewtonsoftCompactWriter() => Prop.ForAll(
        VillageArbitraries.RuleSets(),
        Arb.From(Hostile),
        (ruleSet, text) =>
        {
            var titled = ruleSet.With(c => c with { Title = text + c.Id, Citation = new Citation("s" + text, Url: text, Quote: text) }, ruleSet.Version);
            return titled.CanonicalForm == Newtonsoft(titled.CanonicalForm);
        });

    [Property(MaxTest = 200, Arbitrary = [typeof(RecordArbitraries)])]
    public bool CanonicalForm_LoadedBack_SameHash(RuleSet ruleSet) =>
        RuleSetJson.Load(ruleSet.CanonicalForm).RuleSet?.ContentHash == ruleSet.ContentHash;

    [Fact]
    public void ContentHash_NamesItsScheme()
    {
        Assert.StartsWith("sha256:", BuiltInRuleSets.AliResearch.ContentHash, StringComparison.Ordinal);
        Assert.Equal(71, BuiltInRuleSets.AliResearch.ContentHash.Length);
    }

    /// <summary>The text as Newtonsoft.Json writes the same tree compactly (decimals kept exact).</summary>
    private static string Newtonsoft(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Decimal, DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader).ToString(Formatting.None);
    }
}
