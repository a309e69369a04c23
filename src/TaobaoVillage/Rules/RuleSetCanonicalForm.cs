using System.Security.Cryptography;
using System.Text;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Rules;

/// <summary>
/// The canonical text of a rule set and its content hash, owned by the rule model so that no change to a file format
/// can change a hash already stamped into verdict files.
/// </summary>
/// <remarks>
/// Scheme <c>sha256</c> (the first): SHA-256 of the UTF-8 bytes of a compact JSON text with the properties in
/// <see cref="RuleSetJsonShape"/>'s fixed order, without translations, absent values left out, thresholds without
/// trailing zeros, strings escaped as JSON requires. A later scheme would carry another name in
/// front of the ':'. Documented in docs/formats.md. Thread-safe.
/// </remarks>
internal static class RuleSetCanonicalForm
{
    /// <summary>The name of the hash scheme, written before the ':'.</summary>
    public const string Scheme = "sha256";

    public static string Hash(string canonical) =>
        Scheme + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    public static string Write(RuleSet ruleSet)
    {
        var w = new CompactJson();
        RuleSetJsonShape.Write(w, ruleSet, translations: false);
        return w.ToString();
    }
}
