using TaobaoVillage.Aggregation;
using TaobaoVillage.Csv;
using Xunit;

namespace TaobaoVillage.Tests;

/// <summary>CSV for spreadsheets (issue 25): codes of digits as <c>="…"</c> when asked, the note that says why.</summary>
public class CsvCodesAsTextTests
{
    private static string Written(CsvOutputOptions options, string code)
    {
        var text = new StringWriter();
        using (var csv = new CsvTableWriter(text, options, leaveOpen: true))
        {
            csv.WriteFields([new OutputField("village_code", code), new OutputField("village_name", "=1+1"), new OutputField("line", "123")]);
        }

        return text.ToString();
    }

    [Fact]
    public void WriteFields_CodesAsTextDigits_TextFormulaOthersAsBefore()
    {
        Assert.Equal("\"=\"\"330782100201\"\"\",'=1+1,123\n", Written(CsvOutputOptions.Default with { CodesAsText = true }, "330782100201"));
    }

    [Fact]
    public void WriteFields_CodesAsTextCodeNotDigits_NeutralisedNotWrapped()
    {
        Assert.Equal("'=HYPERLINK(1),'=1+1,123\n", Written(CsvOutputOptions.Default with { CodesAsText = true }, "=HYPERLINK(1)"));
    }

    [Fact]
    public void WriteFields_Default_CodeAsItIs()
    {
        Assert.Equal("330782100201,'=1+1,123\n", Written(CsvOutputOptions.Default, "330782100201"));
    }

}
