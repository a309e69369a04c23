using System.Globalization;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

/// <summary>
/// Record problems in Chinese from the one table: English and Chinese name the same facts, the Chinese states each of
/// them, every sentence is written somewhere, and a problem without its facts keeps its own sentence.
/// </summary>
public partial class ProblemMessagesTests
{
    // The description is the field's English name; a translation names the field its own way.
    private static readonly string[] OwnParts = ["field", "value", "description"];

    /// <summary>Each fact a sentence names, as a value that cannot be mistaken for the sentence's own words.</summary>
    private static (string Name, string Value)[] ArgumentsFor(string key)
    {
        var (english, chinese) = RecordProblemTemplates.All[key];
        return [.. MessageTemplates.PlaceholdersOf(english + chinese).Except(OwnParts[..2]).Select(name => (name, $"<{name}:7>"))];
    }

    /// <summary>The key of a code's plain sentence, or of its first variant when it has none.</summary>
    private static string KeyOf(string code) => RecordProblemTemplates.All.ContainsKey(code) ? code : RecordProblemTemplates.All.Keys.Order(StringComparer.Ordinal).First(k => k.StartsWith(code + "/", StringComparison.Ordinal));

    private static IEnumerable<string> FactsOf(string template) => MessageTemplates.PlaceholdersOf(template).Except(OwnParts).Order(StringComparer.Ordinal);

    [Fact]
    public void Templates_EveryKey_SameFactsInEnglishAndChinese()
    {
        foreach (var (key, (english, chinese)) in RecordProblemTemplates.All)
        {
            Assert.True(FactsOf(english).SequenceEqual(FactsOf(chinese)), $"{key}: '{english}' and '{chinese}' name different facts");
        }
    }

    [Fact]
    public void MessageOf_EveryKeyInChinese_StatesEveryFact()
    {
        foreach (var key in RecordProblemTemplates.All.Keys)
        {
            var parts = key.Split('/');
            var problem = RecordProblem.Create("households", "-5", parts[0], parts.Length > 1 ? parts[1] : null, ArgumentsFor(key));

            var chinese = ProblemMessages.Default.MessageOf(problem, Chinese);

            Assert.All(problem.Arguments.Where(a => !OwnParts.Contains(a.Key)).Select(a => a.Value), fact => Assert.Contains(fact, chinese, StringComparison.Ordinal));
            Assert.All(problem.Arguments.Values, fact => Assert.Contains(fact, problem.Message, StringComparison.Ordinal));
            Assert.DoesNotContain("{", chinese, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Templates_EveryDetail_WrittenByAReader()
    {
        var sources = string.Concat(LayeringTests.SourceFiles().Where(f => !f.EndsWith("RecordProblemTemplates.cs", StringComparison.Ordinal)).Select(File.ReadAllText));

        var unwritten = RecordProblemTemplates.All.Keys.Where(k => k.Contains('/', StringComparison.Ordinal))
            .Where(k => !sources.Contains($"\"{k.Split('/')[1]}\"", StringComparison.Ordinal)).ToList();

        Assert.True(unwritten.Count == 0, "No reader writes: " + string.Join(", ", unwritten));
    }

    [Fact]
    public void MessageOf_ProblemWithoutTheFactsItsTemplateNames_ItsOwnSentence()
    {
        var problem = new RecordProblem("households", "9", RecordProblemCodes.TooLong, "Too long.") { Detail = "cell" };

        Assert.Equal("Too long.", ProblemMessages.Default.MessageOf(problem, Chinese));
    }

    [Fact]
    public void Create_MissingOrUnknownArgument_Throws()
    {
        Assert.Throws<ArgumentException>(() => RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cell", ("length", "9")));
        Assert.Throws<ArgumentException>(() => RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "no-such-detail"));
        Assert.Throws<ArgumentException>(() => RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cell", ("length", "9"), ("limit", null!)));
    }

    [Fact]
    public void Equals_SameArgumentsInAnotherOrder_Equal()
    {
        var one = RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cell", ("length", "9"), ("limit", "8"));
        var other = RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cell", ("limit", "8"), ("length", "9"));

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, RecordProblem.Create("*", null, RecordProblemCodes.TooLong, "cell", ("limit", "8"), ("length", "10")));
    }
}
