using System.Reflection;

namespace TaobaoVillage.Tests;

/// <summary>Default values of public structs cannot crash: every property, ToString, Equals and GetHashCode answer.</summary>
public class DefaultValueTests
{
    public static TheoryData<string> PublicStructs()
    {
        var data = new TheoryData<string>();
        foreach (var type in Assemblies().SelectMany(a => a.GetExportedTypes()).Where(t => t.IsValueType && !t.IsEnum && !t.IsGenericTypeDefinition))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicStructs))]
    public void Default_EveryPropertyAndObjectMember_DoesNotThrow(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        var value = Activator.CreateInstance(type)!;

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var result = property.GetValue(value);
            var declared = new NullabilityInfoContext().Create(property).ReadState;
            Assert.False(result is null && declared == NullabilityState.NotNull && !property.PropertyType.IsValueType, $"{type.Name}.{property.Name} is null though declared not null");
            if (result is System.Collections.IEnumerable sequence and not string)
            {
                // A default collection must be empty, never null in disguise.
                foreach (var item in sequence)
                {
                    _ = item;
                }
            }
        }

        Assert.NotNull(value.ToString());
        Assert.True(value.Equals(Activator.CreateInstance(type)));
        _ = value.GetHashCode();
    }

    [Fact]
    public void PublicStructs_Found()
    {
        var names = Assemblies().SelectMany(a => a.GetExportedTypes()).Where(t => t.IsValueType && !t.IsEnum).Select(t => t.Name).ToList();

        Assert.Contains("CriterionResult", names);
        Assert.Contains("Share", names);
    }

    private static IEnumerable<Assembly> Assemblies() =>
        [typeof(Domain.VillageRecord).Assembly, typeof(Csv.CsvRecordReader).Assembly, typeof(VillageArbitraries).Assembly];
}
