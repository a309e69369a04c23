using System.Reflection;
using System.Reflection.Emit;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

public class LayeringPlannerTests
{
    [Theory]
    [InlineData("CsvHelper")]
    [InlineData("Newtonsoft.Json")]
    [InlineData("MiniExcel")]
    [InlineData("DocumentFormat.OpenXml")]
    [InlineData("Parquet")]
    public void Planner_ReferencesNoFormatLibraryDirectly(string library)
    {
        // The sample app parses arguments, calls the library and renders: formats are the library's.
        var references = typeof(Planner.PlannerApp).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(library, references);
    }
}
