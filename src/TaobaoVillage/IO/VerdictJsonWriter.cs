using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
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
/// <c>errors</c> (each <c>line</c>, <c>field</c>, <c>code</c>, <c>value</c>, <c>message</c>). The one JSON writer of
/// verdicts: the constant parts of a line (rule set, criterion ids, thresholds, units) are encoded once per rule set
/// and reused, so a line costs only its figures; lines are written as UTF-8 bytes (<see cref="WriteLine(ScoredRow, RuleSet, IBufferWriter{byte})"/>), and
/// <see cref="FormatLine(ScoredRow, RuleSet)"/> gives the same text as a string.
/// </summary>
/// <remarks>
/// Pure and thread-safe, so lines can be formatted in parallel (see
/// <see cref="BatchScorer.ScoreSelect{T}(IEnumerable{InputRow}, Func{ScoredRow, T}, BatchCounts?, CancellationToken)"/>)
/// and written in order.
/// </remarks>
public static class VerdictJsonWriter
{
    private static readonly ConditionalWeakTable<RuleSet, Parts> Cache = [];

    [ThreadStatic]
    private static ResultDetail[]? detailScratch;

    /// <summary>Formats one scored row as one JSON line, without the line break.</summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows (valid rows carry theirs in the verdict).</param>
    /// <returns>The JSON text: the text <see cref="WriteLine(ScoredRow, RuleSet, IBufferWriter{byte})"/> writes, as a string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or <paramref name="ruleSet"/> is null.</exception>
    public static string FormatLine(ScoredRow row, RuleSet ruleSet) => FormatLine(row, ruleSet, VerdictDetail.All);

    /// <summary>Formats one scored row as one JSON line with the criteria <paramref name="detail"/> asks for, without the line break.</summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows.</param>
    /// <param name="detail">Every criterion, only those not passing, or none.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or <paramref name="ruleSet"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="detail"/> is not a defined value.</exception>
    public static string FormatLine(ScoredRow row, RuleSet ruleSet, VerdictDetail detail)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Encoding.UTF8.GetString(Write(row, ruleSet, Utf8Json.ForThread(), detail).Written);
    }

    /// <summary>
    /// Writes one scored row as one JSON line, with its line break (<c>\n</c>), as UTF-8 — no string in between: the
    /// way to write millions of lines.
    /// </summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows (valid rows carry theirs in the verdict).</param>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteLine(ScoredRow row, RuleSet ruleSet, IBufferWriter<byte> output) => WriteLine(row, ruleSet, output, VerdictDetail.All);

    /// <summary>Writes one scored row as one JSON line with the criteria <paramref name="detail"/> asks for, as UTF-8, with its line break.</summary>
    /// <param name="row">The row.</param>
    /// <param name="ruleSet">The rule set, for invalid rows (valid rows carry theirs in the verdict).</param>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="detail">Every criterion (the contract's default), only those not passing, or none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="detail"/> is not a defined value.</exception>
    public static void WriteLine(ScoredRow row, RuleSet ruleSet, IBufferWriter<byte> output, VerdictDetail detail)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(output);
        Write(row, ruleSet, Utf8Json.ForThread(), detail).Raw("\n"u8).CopyTo(output);
    }

    /// <summary>
    /// Formats a verdict's criteria (all but a root group, whose outcome is the verdict) as the JSON array the verdict
    /// lines carry in <c>criteria</c>: for township verdicts and any other place that embeds them.
    /// </summary>
    /// <param name="verdict">The verdict.</param>
    /// <returns>The JSON array text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verdict"/> is null.</exception>
    public static string FormatCriteria(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var w = Utf8Json.ForThread();
        WriteCriteria(w, verdict, PartsOf(verdict.RuleSet), VerdictDetail.All);
        return Encoding.UTF8.GetString(w.Written);
    }

    /// <summary>The rule set as verdict lines name it: <c>{"id":…,"version":…,"hash":…}</c>.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The JSON object text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static string FormatRuleSet(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Encoding.UTF8.GetString(PartsOf(ruleSet).RuleSet.AsSpan(",\"rule_set\":".Length));
    }

    private static Utf8Json Write(ScoredRow row, RuleSet ruleSet, Utf8Json w, VerdictDetail detail)
    {
        // Checked here, before a byte is written, for every public way in.
        if (!Enum.IsDefined(detail))
        {
            throw new ArgumentOutOfRangeException(nameof(detail), detail, "All, Failing or Verdict.");
        }

        w.Raw("{\"line\":"u8).Number(row.Line).Raw(",\"village_code\":"u8).String(row.Key).Raw(",\"year\":"u8);
        _ = row.Year is { } year ? w.Number(year) : w.Raw("null"u8);
        w.Raw(",\"verdict\":\""u8).Ascii(row.StatusName).Raw("\""u8);
        if (row.Verdict is { Eligibility: not Eligibility.Invalid } verdict)
        {
            var parts = PartsOf(verdict.RuleSet);
            w.Raw(parts.RuleSet);
            if (detail != VerdictDetail.Verdict)
            {
                w.Raw(",\"criteria\":"u8);
                WriteCriteria(w, verdict, parts, detail);
            }
        }
        else
        {
            w.Raw(PartsOf(row.Verdict?.RuleSet ?? ruleSet).RuleSet);
            WriteErrors(w, row);
        }

        return w.Raw("}"u8);
    }

    private static void WriteErrors(Utf8Json w, ScoredRow row)
    {
        w.Raw(",\"errors\":["u8);
        var first = true;
        foreach (var p in row.Problems)
        {
            w.Raw(first ? "{\"line\":"u8 : ",{\"line\":"u8).Number(p.Line ?? row.Line);
            w.Raw(",\"field\":"u8).String(p.Field).Raw(",\"code\":"u8).String(p.Code);
            w.Raw(",\"value\":"u8).String(p.Value).Raw(",\"message\":"u8).String(p.Message).Raw("}"u8);
            first = false;
        }

        w.Raw("]"u8);
    }

    private static Parts PartsOf(RuleSet ruleSet) => Cache.GetValue(ruleSet, static r => new Parts(r));

    private static void WriteCriteria(Utf8Json w, Verdict verdict, Parts parts, VerdictDetail detail)
    {
        w.Raw("["u8);
        // Every node's value seen and shortfall, each computed once (a group's comes from its parts').
        var details = DetailScratch(verdict.Count);
        verdict.DetailsInto(details);
        var first = true;
        for (var i = verdict.FirstExplained; i < verdict.Count; i++)
        {
            var outcome = verdict.OutcomeAt(i);
            if (detail == VerdictDetail.Failing && outcome == Outcome.Pass)
            {
                continue;
            }

            ref readonly var seen = ref details[i];
            var part = parts.For(i, verdict.CriterionAt(i));
            // The id and outcome in one piece; the first criterion without the comma in front.
            w.Raw(part.Heads[(int)outcome].AsSpan(first ? 1 : 0));
            first = false;
            WriteActual(w, part, in seen);
            w.Raw(part.Tail);
            WriteShortfall(w, in seen);
        }

        w.Raw("]"u8);
        Array.Clear(details, 0, verdict.Count);
    }

    /// <summary>The value seen: a category (and where it came from, when not from a column), a figure, or a share with its parts.</summary>
    private static void WriteActual(Utf8Json w, Part part, in ResultDetail seen)
    {
        if (part.Kind == PartKind.Category)
        {
            w.Raw(",\"actual\":"u8).String(seen.Category);
            _ = seen.FromName ? w.Raw(",\"source\":\"village_name\""u8) : w;
        }
        else if (part.Kind == PartKind.Figure)
        {
            w.Raw(",\"actual\":"u8);
            if (seen.Denominator is { } d && seen.Observed is { } n && d != 0)
            {
                // The denominator under its metric's name: households for every built-in share.
                w.Number(seen.ReportedActual!.Value).Raw(",\"observed\":"u8).Number(n).Raw(part.Denominator).Number(d);
            }
            else
            {
                _ = seen.Observed is { } o ? w.Number(o) : w.Raw("null"u8);
            }
        }
    }

    private static void WriteShortfall(Utf8Json w, in ResultDetail seen)
    {
        if (seen.ShortfallSource is not { } s)
        {
            w.Raw("null}"u8);
            return;
        }

        w.Raw("{\"amount\":"u8).Number(seen.ShortfallAmount);
        var unit = (int)s.Metric.ShortfallUnit;
        _ = (uint)unit < (uint)UnitEnds.Length ? w.Raw(UnitEnds[unit]) : w.Raw(",\"unit\":\""u8).Ascii(UnitNames.Name(s.Metric.ShortfallUnit)).Raw("\"}}"u8);
    }

    private static ResultDetail[] DetailScratch(int count)
    {
        var details = detailScratch ??= new ResultDetail[Math.Max(count, 16)];
        return details.Length >= count ? details : detailScratch = new ResultDetail[count];
    }

    // The end of a shortfall by unit: ,"unit":"cny"}} and so on.
    private static readonly byte[][] UnitEnds = [.. Enum.GetValues<TaobaoVillage.Metrics.Unit>().OrderBy(u => (int)u).Select((u, i) => (int)u == i ? Encoding.UTF8.GetBytes(",\"unit\":" + JsonText.Quote(UnitNames.Name(u)) + "}}") : throw new InvalidOperationException("Units are numbered from zero."))];

    /// <summary>What a criterion's line shows as its value: a category, a figure, or nothing (a group).</summary>
    private enum PartKind
    {
        Group,
        Figure,
        Category,
    }

    /// <summary>
    /// One criterion's constant bytes: its head for each outcome (with a comma in front), its threshold and unit up to
    /// "shortfall", and for a share the name its denominator is written under (<c>,"households":</c>).
    /// </summary>
    private sealed record Part(Criterion Criterion, byte[][] Heads, byte[] Tail, PartKind Kind, byte[] Denominator);

    /// <summary>The constant bytes of a rule set's lines, escaped and encoded once.</summary>
    private sealed class Parts
    {
        // In the engine's order (pre-order, as a verdict numbers its results), so a line finds its parts by index.
        private readonly List<Part> _byIndex = [];

        public Parts(RuleSet ruleSet)
        {
            RuleSet = Encoding.UTF8.GetBytes(new StringBuilder(",\"rule_set\":{\"id\":").AppendString(ruleSet.Id.Value).Append(",\"version\":").AppendString(ruleSet.Version)
                .Append(",\"hash\":").AppendString(ruleSet.ContentHash).Append('}').ToString());
            foreach (var criterion in ruleSet.Criteria.DescendantsAndSelf())
            {
                var heads = Enum.GetValues<Outcome>().OrderBy(o => (int)o)
                    .Select(o => Encoding.UTF8.GetBytes(",{\"id\":" + JsonText.Quote(criterion.Id) + ",\"outcome\":" + JsonText.Quote(StatusNames.Name(o))))
                    .ToArray();
                var (tail, kind) = criterion switch
                {
                    Condition { Comparison: Comparison.OneOf } c => (",\"threshold\":[" + string.Join(",", c.Values.Select(JsonText.Quote)) + "]", PartKind.Category),
                    Condition c => (",\"threshold\":" + DecimalText.Format(c.Threshold ?? 0m) + ",\"unit\":" + JsonText.Quote(UnitNames.Name(c.Unit)), PartKind.Figure),
                    _ => (string.Empty, PartKind.Group),
                };
                var denominator = (criterion as Condition)?.Metric.Denominator is { } d ? Encoding.UTF8.GetBytes("," + JsonText.Quote(d.Name) + ":") : [];
                _byIndex.Add(new Part(criterion, heads, Encoding.UTF8.GetBytes(tail + ",\"shortfall\":"), kind, denominator));
            }
        }

        public byte[] RuleSet { get; }

        // The engine compiles the same pre-order: a criterion elsewhere than its index is a bug, said at once.
        public Part For(int index, Criterion criterion) =>
            index < _byIndex.Count && ReferenceEquals(_byIndex[index].Criterion, criterion)
                ? _byIndex[index]
                : throw new InvalidOperationException($"The criterion '{criterion.Id}' is not at position {index} of its rule set.");
    }
}
