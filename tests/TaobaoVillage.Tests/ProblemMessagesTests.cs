using System.Globalization;
using System.Reflection;
using TaobaoVillage.Domain;

namespace TaobaoVillage.Tests;

public partial class ProblemMessagesTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static TheoryData<string> Codes() => [.. typeof(RecordProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void MessageOf_EveryCodeInChinese_AChineseSentence(string code)
    {
        var key = KeyOf(code);
        var problem = RecordProblem.Create("households", "-5", code, key.Contains('/', StringComparison.Ordinal) ? key[(code.Length + 1)..] : null, ArgumentsFor(key));

        var message = ProblemMessages.Default.MessageOf(problem, Chinese);

        Assert.NotEqual(problem.Message, message);
        Assert.Contains(message, c => c >= '\u4E00' && c <= '\u9FFF');
        Assert.DoesNotContain("{", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageOf_EnglishOrUnknownCulture_TheProblemsOwnMessage()
    {
        var problem = new RecordProblem("households", "-5", RecordProblemCodes.Negative, "Must be zero or more.");

        Assert.Equal("Must be zero or more.", ProblemMessages.Default.MessageOf(problem, CultureInfo.InvariantCulture));
        Assert.Equal("Must be zero or more.", ProblemMessages.Default.MessageOf(problem, CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("Must be zero or more.", ProblemMessages.English.MessageOf(problem, Chinese));
    }

    [Fact]
    public void MessageOf_ChineseTemplate_FieldAndValueFilledIn()
    {
        var problem = new RecordProblem("households", "-5", RecordProblemCodes.Negative, "Must be zero or more.");

        Assert.Equal("households 不能为负数（“-5”）。", ProblemMessages.Default.MessageOf(problem, Chinese));
    }

    [Fact]
    public void With_CallersTemplate_ReplacesTheBuiltInForThatCultureOnly()
    {
        var problem = new RecordProblem("active_shops", "x", RecordProblemCodes.NotANumber, "Not a number.");
        var messages = ProblemMessages.Default.With(CultureInfo.GetCultureInfo("zh-TW"), RecordProblemCodes.NotANumber, "「{value}」不是數字");

        Assert.Equal("「x」不是數字", messages.MessageOf(problem, CultureInfo.GetCultureInfo("zh-TW")));
        Assert.Equal("“x”不是数字。", messages.MessageOf(problem, Chinese));
        Assert.Equal("Not a number.", ProblemMessages.Default.MessageOf(problem, CultureInfo.GetCultureInfo("zh-TW")));
    }

    [Fact]
    public void Describe_Chinese_FieldMessageAndTheCodeKept()
    {
        var problem = new RecordProblem("village_code", null, RecordProblemCodes.MissingVillageCode, "The village code is required.");

        Assert.Equal("village_code: 缺少村代码。 [missing-village-code]", ProblemMessages.Default.Describe(problem, Chinese));
        Assert.Equal(problem.Describe(), ProblemMessages.Default.Describe(problem, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReasonOf_ChineseAndEnglish_MessageAndCodeAsReasonGivesThem()
    {
        var problem = new RecordProblem("households", "-5", RecordProblemCodes.Negative, "Must not be negative.");

        Assert.Equal("households 不能为负数（“-5”）。 [negative]", ProblemMessages.Default.ReasonOf(problem, Chinese));
        Assert.Equal(problem.Reason, ProblemMessages.Default.ReasonOf(problem, CultureInfo.InvariantCulture));
        Assert.Throws<ArgumentNullException>(() => ProblemMessages.Default.ReasonOf(null!, Chinese));
    }

    [Fact]
    public void With_EmptyCodeOrTemplate_Throws()
    {
        Assert.Throws<ArgumentException>(() => ProblemMessages.Default.With(Chinese, "", "x"));
        Assert.Throws<ArgumentException>(() => ProblemMessages.Default.With(Chinese, "negative", ""));
        Assert.Throws<ArgumentNullException>(() => ProblemMessages.Default.With(null!, "negative", "x"));
    }
}
