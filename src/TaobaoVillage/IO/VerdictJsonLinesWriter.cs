using TaobaoVillage.Batch;
using TaobaoVillage.Rules;

namespace TaobaoVillage.IO;

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

    /// <summary>Writes a line formatted earlier with <see cref="VerdictJsonWriter.FormatLine(ScoredRow, RuleSet)"/>.</summary>
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
