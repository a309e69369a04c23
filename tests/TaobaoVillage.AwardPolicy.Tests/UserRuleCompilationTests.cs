using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TaobaoVillage.AwardPolicy.Tests;

/// <summary>A user's rule that reads a missing figure as a number does not compile: figures are three-valued.</summary>
public class UserRuleCompilationTests
{
    private const string Template = """
        using NRules.Fluent.Dsl;
        using TaobaoVillage.Engine;
        using TaobaoVillage.NRules;

        public sealed class SmallVillageRule : Rule
        {
            public override void Define()
            {
                VillageOutcome village = null!;
                When().Match(() => village, v => CONDITION);
                Then().Do(_ => System.Console.WriteLine(village.Key));
            }
        }
        """;

    private static IReadOnlyList<string> Errors(string condition)
    {
        // Everything the test runs with (the framework, NRules, the package), as a user's project references them.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "UserRules",
            [CSharpSyntaxTree.ParseText(Template.Replace("CONDITION", condition, StringComparison.Ordinal))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id)];
    }

    [Theory]
    [InlineData("v.ActiveShops < 100")]
    [InlineData("v.AnnualSalesYuan >= 5_000_000m")]
    [InlineData("v.ActiveShops.LessThan(100)")]
    public void Compile_RuleTreatingFigureAsNumberOrBool_Fails(string condition)
    {
        Assert.NotEmpty(Errors(condition));
    }

    [Theory]
    [InlineData("v.ActiveShops.LessThan(100) == Outcome.Pass")]
    [InlineData("v.ActiveShops.ValueOr(0) < 100")]
    public void Compile_RuleSayingWhatMissingMeans_Succeeds(string condition)
    {
        Assert.Empty(Errors(condition));
    }
}
