using System.Globalization;
using Newtonsoft.Json;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

/// <summary>
/// Writes scored rows as JSON Lines, one object per input row, in the verdicts contract: <c>line</c>,
/// <c>village_code</c>, <c>year</c>, <c>verdict</c> (<c>eligible</c>, <c>not_eligible</c>, <c>indeterminate</c>,
/// <c>invalid</c>), <c>rule_set</c> (<c>id</c>, <c>version</c>, <c>hash</c>), <c>criteria</c> (each <c>id</c>,
/// <c>outcome</c>, <c>actual</c>, <c>threshold</c>, <c>unit</c>, <c>shortfall</c>) and, for invalid rows,
/// <c>errors</c> (each <c>line</c>, <c>field</c>, <c>code</c>, <c>value</c>, <c>message</c>).
/// </summary>
/// <remarks>
/// <see cref="FormatLine"/> is pure and thread-safe, so lines can be formatted in parallel (see
/// <see cref="BatchScorer.ScoreSelect{T}(IEnumerable{InputRow}, Func{ScoredRow, T}, BatchCounts?, CancellationToken)"/>)
/// and written in order.
/// </remarks>
public static class VerdictJsonWriter
{
    /// <summary>Formats one scored row as one JSON line, without the line break.</summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows (valid rows carry theirs in the verdict).</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or <paramref name="ruleSet"/> is null.</exception>
    public static string FormatLine(ScoredRow row, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (row.Verdict is { } verdict)
        {
            return VerdictLineFormatter.For(verdict.RuleSet).Format(row, verdict);
        }

        return FormatWithWriter(row, ruleSet);
    }

    internal static string FormatWithWriter(ScoredRow row, RuleSet ruleSet)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            Write(w, row, ruleSet);
        }

        return text.ToString();
    }

    /// <summary>Writes one scored row as a JSON object.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(JsonWriter writer, ScoredRow row, RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var w = writer;
        w.WriteStartObject();
        w.WritePropertyName("line");
        w.WriteValue(row.Line);
        w.WritePropertyName("village_code");
        w.WriteValue(row.Key);
        w.WritePropertyName("year");
        w.WriteValue(row.Year);
        w.WritePropertyName("verdict");
        w.WriteValue(row.StatusName);
        w.WritePropertyName("rule_set");
        WriteRuleSet(w, row.Verdict?.RuleSet ?? ruleSet);
        if (row.Verdict is { } verdict)
        {
            w.WritePropertyName("criteria");
            WriteCriteria(w, verdict);
        }
        else
        {
            w.WritePropertyName("errors");
            w.WriteStartArray();
            foreach (var p in row.Problems)
            {
                w.WriteStartObject();
                w.WritePropertyName("line");
                w.WriteValue(p.Line ?? row.Line);
                w.WritePropertyName("field");
                w.WriteValue(p.Field);
                w.WritePropertyName("code");
                w.WriteValue(p.Code);
                w.WritePropertyName("value");
                w.WriteValue(p.Value);
                w.WritePropertyName("message");
                w.WriteValue(p.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>Writes a verdict's criteria (all but a root group, whose outcome is the verdict) as a JSON array.</summary>
    /// <param name="w">The JSON writer.</param>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteCriteria(JsonWriter w, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(verdict);
        w.WriteStartArray();
        var criteria = verdict.Criteria;
        for (var i = verdict.RuleSet.FirstExplainedIndex; i < criteria.Length; i++)
        {
            var r = criteria[i];
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(r.Id);
            w.WritePropertyName("outcome");
            w.WriteValue(StatusNames.Name(r.Outcome));
            switch (r.Criterion)
            {
                case Condition { Comparison: Comparison.OneOf } c:
                    w.WritePropertyName("actual");
                    w.WriteValue(r.Category);
                    if (r.ValueFromName)
                    {
                        // Where the value came from, when not from a column.
                        w.WritePropertyName("source");
                        w.WriteValue("village_name");
                    }

                    w.WritePropertyName("threshold");
                    w.WriteStartArray();
                    foreach (var v in c.Values)
                    {
                        w.WriteValue(v);
                    }

                    w.WriteEndArray();
                    break;
                case Condition c:
                    w.WritePropertyName("actual");
                    if (r.Denominator is { } d && r.Observed is { } n && d != 0)
                    {
                        w.WriteRawValue(Number(Math.Round(n / d, 6, MidpointRounding.ToZero)));
                        w.WritePropertyName("observed");
                        w.WriteRawValue(Number(n));
                        w.WritePropertyName("households");
                        w.WriteRawValue(Number(d));
                    }
                    else if (r.Observed is { } o)
                    {
                        w.WriteRawValue(Number(o));
                    }
                    else
                    {
                        w.WriteNull();
                    }

                    w.WritePropertyName("threshold");
                    w.WriteRawValue(RuleSetJson.FormatNumber(c.Threshold ?? 0m));
                    w.WritePropertyName("unit");
                    w.WriteValue(UnitNames.Name(c.Unit));
                    break;
            }

            w.WritePropertyName("shortfall");
            if (r.Shortfall is { } s)
            {
                w.WriteStartObject();
                w.WritePropertyName("amount");
                w.WriteRawValue(Number(s.Amount));
                w.WritePropertyName("unit");
                w.WriteValue(UnitNames.Name(s.Unit));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRuleSet(JsonWriter w, RuleSet ruleSet)
    {
        w.WriteStartObject();
        w.WritePropertyName("id");
        w.WriteValue(ruleSet.Id.Value);
        w.WritePropertyName("version");
        w.WriteValue(ruleSet.Version);
        w.WritePropertyName("hash");
        w.WriteValue(ruleSet.ContentHash);
        w.WriteEndObject();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes scored rows to a text writer as JSON Lines. Not thread-safe: one writer per output.</summary>
public sealed class VerdictJsonLinesWriter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly RuleSet _ruleSet;
    private readonly bool _leaveOpen;

    /// <summary>Creates a writer.</summary>
    /// <param name="writer">Where lines go.</param>
    /// <param name="ruleSet">The rule set, for invalid rows.</param>
    /// <param name="leaveOpen">Whether to leave <paramref name="writer"/> open on dispose.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public VerdictJsonLinesWriter(TextWriter writer, RuleSet ruleSet, bool leaveOpen = false)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _ruleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));
        _leaveOpen = leaveOpen;
    }

    /// <summary>Writes one row as one line.</summary>
    /// <param name="row">The row.</param>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public void Write(ScoredRow row) => WriteLine(VerdictJsonWriter.FormatLine(row, _ruleSet));

    /// <summary>Writes a line formatted earlier with <see cref="VerdictJsonWriter.FormatLine"/>.</summary>
    /// <param name="line">The JSON text of one row.</param>
    public void WriteLine(string line)
    {
        _writer.Write(line);
        _writer.Write('\n');
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Flush();
        if (!_leaveOpen)
        {
            _writer.Dispose();
        }
    }
}
