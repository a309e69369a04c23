using TaobaoVillage.Aggregation;
using TaobaoVillage.Csv;
using Xunit;

namespace TaobaoVillage.Tests;

public class CsvCodesAsTextPlannerTests
{
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
