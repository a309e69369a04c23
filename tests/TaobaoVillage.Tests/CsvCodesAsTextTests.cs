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

    [Fact]
    public void Score_CsvFile_NoteSaysCodesOpenAsNumbersAndXlsxKeepsThem()
    {
        using var output = new TempFile(".csv");
        var (code, stdout, stderr, _) = PlannerRun.Run("score", "--format", "csv", "--output", output.Path);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.All(["3.30782E+11", ".xlsx", "--codes-as-text"], word => Assert.Contains(word, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_CodesAsText_EveryVillageCodeAsTextFormulaNoNote()
    {
        using var output = new TempFile(".csv");
        var (code, stdout, _, _) = PlannerRun.Run("score", "--format", "csv", "--codes-as-text", "--output", output.Path);
        var lines = File.ReadAllLines(output.Path).Skip(1).ToList();

        Assert.Equal(0, code);
        Assert.DoesNotContain("3.30782E+11", stdout, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Matches("^[0-9]+,\"=\"\"[0-9]{12}\"\"\",", l));
    }
}
