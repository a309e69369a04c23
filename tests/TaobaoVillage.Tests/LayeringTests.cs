using System.Reflection;
using System.Reflection.Emit;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// The layers of docs/domain.md, read from the compiled code (signatures and every IL operand), so a dependency written as
/// <c>Engine.X</c> without a using is caught as well.
/// </summary>
public class LayeringTests
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Graph = new(() => NamespaceGraph(typeof(RuleSet).Assembly));

    [Fact]
    public void Namespaces_NoneDependsOnOneThatDependsBack_NoCycle()
    {
        var graph = Graph.Value;
        var cycles = new List<string>();
        foreach (var (from, tos) in graph)
        {
            foreach (var to in tos.Where(t => t != from && Reaches(graph, t, from)))
            {
                cycles.Add($"{from} → {to} → … → {from}");
            }
        }

        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles.Order()));
    }

    [Fact]
    public void ShippedPackages_InternalsVisibleTo_OnlyTheirTests()
    {
        // Two packages of different versions must not depend on each other's internals (issue 26): only tests may see them.
        Assembly[] shipped = [typeof(RuleSet).Assembly, typeof(TaobaoVillage.Csv.CsvRecordReader).Assembly, typeof(TaobaoVillage.Excel.ExcelRecordReader).Assembly,
            typeof(TaobaoVillage.Parquet.ParquetVerdictWriter).Assembly, typeof(TaobaoVillage.NRules.TaobaoVillageRules).Assembly,
            typeof(TaobaoVillage.Files.RecordFiles).Assembly];
        var friends = shipped.SelectMany(a => a.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(v => $"{a.GetName().Name} → {v.AssemblyName}")).Where(f => !f.EndsWith(".Tests", StringComparison.Ordinal)).ToList();
        Assert.True(friends.Count == 0, string.Join("\n", friends));
    }

    [Theory]
    [InlineData("TaobaoVillage.Rules", "TaobaoVillage.Engine")]
    [InlineData("TaobaoVillage.Rules", "Newtonsoft.Json")]
    [InlineData("TaobaoVillage.Rules", "TaobaoVillage.Json")]
    [InlineData("TaobaoVillage.Metrics", "TaobaoVillage.Rules")]
    [InlineData("TaobaoVillage.Domain", "TaobaoVillage.Metrics")]
    [InlineData("TaobaoVillage.Engine", "Newtonsoft.Json")]
    public void Namespace_LowerLayer_DoesNotReferenceHigherOne(string layer, string forbidden)
    {
        Assert.True(Graph.Value.ContainsKey(layer), $"{layer} holds no type");
        var hits = Graph.Value[layer].Where(n => n == forbidden || n.StartsWith(forbidden + ".", StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count == 0, $"{layer} references {string.Join(", ", hits)}");
    }

    [Fact]
    public void NamespaceGraph_KnownDependency_IsSeen()
    {
        // Guards the scanner itself: the engine certainly reads the rule model.
        Assert.Contains("TaobaoVillage.Rules", Graph.Value["TaobaoVillage.Engine"]);
    }

    [Fact]
    public void Core_ReferencesNoRulesEngine_OnlyNewtonsoftBesideTheFramework()
    {
        var references = typeof(RuleSet).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, n => n.StartsWith("NRules", StringComparison.Ordinal));
        Assert.Equal(["Newtonsoft.Json"], references.Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard"));
    }

    [Fact]
    public void NRulesPackage_UsesOnlyPublicApiOfTheCore()
    {
        // The package is built on the core as any user's code is: no internal shared through InternalsVisibleTo.
        var core = typeof(RuleSet).Assembly;
        var package = typeof(NRules.TaobaoVillageRules).Assembly;
        var used = package.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>().Concat(t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
            .SelectMany(IlMembers)
            .Where(m => (m as Type ?? m.DeclaringType)?.Assembly == core)
            .Distinct()
            .ToList();

        Assert.Contains(used, m => m.Name == nameof(Engine.RuleEvaluator.DecisionOf));
        Assert.Empty(used.Where(m => !IsPublic(m)).Select(m => $"{m.DeclaringType?.Name}.{m.Name}"));
    }

    private static bool IsPublic(MemberInfo member) => member switch
    {
        Type t => t.IsVisible,
        MethodBase m => m.IsPublic && m.DeclaringType!.IsVisible,
        FieldInfo f => f.IsPublic && f.DeclaringType!.IsVisible,
        _ => false,
    };

    [Fact]
    public void SourceFiles_MetricNames_LiteralInAtMostTwoFiles()
    {
        // Literals in code, not words in comments.
        var sources = SourceFiles().Select(f => (f, Text: string.Join('\n', File.ReadLines(f).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))))).ToList();
        foreach (var metric in Metric.BuiltIn)
        {
            var files = sources.Where(s => s.Text.Contains($"\"{metric.Name}\"", StringComparison.Ordinal)).Select(s => Path.GetFileName(s.f)).ToList();
            Assert.True(files.Count <= 2, $"{metric.Name} is written in {string.Join(", ", files)}");
        }
    }

    [Fact]
    public void SourceFiles_RuleSetBlock_WrittenByTheJsonWriterAlone()
    {
        var files = SourceFiles().Where(f => File.ReadAllText(f).Contains("\"rule_set\"", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();

        Assert.True(files.Count is >= 1 and <= 2 && !files.Any(f => f!.Contains("Planner", StringComparison.Ordinal)), string.Join(", ", files));
    }

    [Fact]
    public void SourceFiles_NoneOver400Lines()
    {
        var long_ = SourceFiles().Select(f => (f, Lines: File.ReadLines(f).Count())).Where(x => x.Lines > 400).Select(x => $"{Path.GetFileName(x.f)} ({x.Lines})").ToList();

        Assert.Empty(long_);
    }

    /// <summary>The C# files of src/ and samples/, found from the test's output folder up to the repository.</summary>
    internal static IEnumerable<string> SourceFiles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaobaoVillage.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return new[] { "src", "samples" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(dir.FullName, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> graph, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out var n))
        {
            if (n == to)
            {
                return true;
            }

            foreach (var next in graph.GetValueOrDefault(n) ?? [])
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    private static Dictionary<string, HashSet<string>> NamespaceGraph(Assembly assembly)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var ns = NamespaceOf(type);
            if (ns is null || !ns.StartsWith("TaobaoVillage", StringComparison.Ordinal))
            {
                continue;
            }

            var edges = graph.TryGetValue(ns, out var set) ? set : graph[ns] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in TypesUsedBy(type))
            {
                if (NamespaceOf(used) is { } target && target != ns && (target.StartsWith("TaobaoVillage", StringComparison.Ordinal) || target.StartsWith("Newtonsoft", StringComparison.Ordinal)))
                {
                    edges.Add(target);
                }
            }
        }

        return graph;
    }

    /// <summary>The namespace of the outermost declaring type (compiler-generated closures belong to their method's type).</summary>
    private static string? NamespaceOf(Type type)
    {
        while (type.IsNested)
        {
            type = type.DeclaringType!;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            type = type.GetGenericTypeDefinition();
        }

        return type.Namespace;
    }

    private static List<Type> TypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            found.Add(t);
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var f in type.GetFields(all))
        {
            Add(f.FieldType);
        }

        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var t in IlTypes(m))
            {
                Add(t);
            }
        }

        return found;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static IEnumerable<Type> IlTypes(MethodBase method) => IlMembers(method)
        .Select(m => m is Type t ? t : m.DeclaringType)
        .OfType<Type>();

    /// <summary>Every type, method and field a method's IL names.</summary>
    private static IEnumerable<MemberInfo> IlMembers(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var op = OpCodesByValue[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, i);
                MemberInfo? resolved = null;
                try
                {
                    resolved = module.ResolveMember(token, typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                }

                if (resolved is not null)
                {
                    yield return resolved;
                }
            }

            i += size;
        }
    }
}
