using System.Collections;
using System.Reflection;
using TaobaoVillage.Aggregation;
using TaobaoVillage.Batch;
using TaobaoVillage.Domain;
using TaobaoVillage.Engine;
using TaobaoVillage.Rules;

namespace TaobaoVillage.Tests;

/// <summary>
/// Every public member of the core package that takes a reference it does not declare nullable says so when given
/// null: <see cref="ArgumentNullException"/> naming the parameter, at the call (or, for a lazy sequence, on its first
/// step) — never a <see cref="NullReferenceException"/> from deep inside, never silence.
/// </summary>
public class NullGuardTests
{
    private static readonly VillageRecord Record = new(new VillageCode("330782100201"))
    {
        Year = 2020, Committee = CommitteeKind.Village, Households = 400, ActiveShops = 39, AnnualSales = Cny.FromYuan(9_000_000m),
    };

    private static readonly Verdict AVerdict = BuiltInRuleSets.AliResearch.Compile().Evaluate(Record);

    /// <summary>A usable value of each type the public API takes, so that only the parameter under test is null.</summary>
    private static readonly Dictionary<Type, Func<object?>> Samples = new()
    {
        [typeof(string)] = () => "330782100201",
        [typeof(VillageRecord)] = () => Record,
        [typeof(VillageCode)] = () => new VillageCode("330782100201"),
        [typeof(TownshipFigures)] = () => new TownshipFigures("330782100") { Kind = TownshipKind.Township, TaobaoVillages = 3 },
        [typeof(RuleSet)] = () => BuiltInRuleSets.AliResearch,
        [typeof(RuleEvaluator)] = () => BuiltInRuleSets.AliResearch.Compile(),
        [typeof(Verdict)] = () => AVerdict,
        [typeof(Metric)] = () => Metric.Households,
        [typeof(RecordSchema)] = () => RecordSchema.FromColumns(["village_code"]),
        [typeof(ColumnMap)] = () => ColumnMap.Empty,
        [typeof(System.Globalization.CultureInfo)] = () => System.Globalization.CultureInfo.InvariantCulture,
        [typeof(Stream)] = () => new MemoryStream(),
        [typeof(TextReader)] = () => new StringReader(string.Empty),
        [typeof(TextWriter)] = () => new StringWriter(),
        [typeof(BatchScorer)] = () => new BatchScorer(BuiltInRuleSets.AliResearch),
        [typeof(BatchOptions)] = () => new BatchOptions(),
        [typeof(BatchCounts)] = () => new BatchCounts(),
        [typeof(ScoredRow)] = () => new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(Record),
        [typeof(RuleSetBuilder)] = () => new RuleSetBuilder("x", "1"),
        [typeof(Criterion)] = () => BuiltInRuleSets.AliResearch.Criteria,
        [typeof(IEnumerable<VillageRecord>)] = () => new[] { Record },
        [typeof(IEnumerable<RuleSet>)] = () => new[] { BuiltInRuleSets.AliResearch },
        [typeof(IReadOnlyList<RuleSet>)] = () => new[] { BuiltInRuleSets.AliResearch },
        [typeof(IEnumerable<InputRow>)] = () => new[] { InputRow.FromRecord(Record) },
        [typeof(IEnumerable<VillageResult>)] = () => Array.Empty<VillageResult>(),
        [typeof(IEnumerable<TownVerdict>)] = () => Array.Empty<TownVerdict>(),
        [typeof(IEnumerable<string>)] = () => new[] { "village_code" },
        [typeof(IEnumerable<KeyValuePair<string, string>>)] = () => new Dictionary<string, string>(),
        [typeof(IReadOnlyDictionary<Metric, decimal>)] = () => new Dictionary<Metric, decimal>(),
        [typeof(Func<Condition, Condition>)] = () => new Func<Condition, Condition>(c => c),
        [typeof(Func<int, RuleSet>)] = () => new Func<int, RuleSet>(_ => BuiltInRuleSets.AliResearch),
        [typeof(Func<ConditionBuilder, ConditionBuilder>)] = () => new Func<ConditionBuilder, ConditionBuilder>(c => c.AtLeast(1)),
        [typeof(Action<CriteriaBuilder>)] = () => new Action<CriteriaBuilder>(all => all.Require("c", Metric.Households, c => c.AtLeast(1))),
        [typeof(Func<ScoredRow, string>)] = () => new Func<ScoredRow, string>(_ => string.Empty),
        [typeof(System.Buffers.IBufferWriter<byte>)] = () => new System.Buffers.ArrayBufferWriter<byte>(),
        [typeof(IEnumerable<ScoredRow>)] = () => new[] { new BatchScorer(BuiltInRuleSets.AliResearch).ScoreOne(Record) },
        [typeof(IReadOnlyList<OutputField>)] = () => new OutputField[] { new("a", 1) },
        [typeof(Region)] = () => new Region("浙江省", "金华市", "义乌市", "甲镇"),
        [typeof(VillageResult)] = () => new VillageResult(new Region("浙江省", "金华市", "义乌市", "甲镇"), "v", 2016, Eligibility.Eligible),
        [typeof(TownVerdict)] = () => TownAggregator.Towns([new VillageResult(new Region("浙江省", "金华市", "义乌市", "甲镇"), "v", 2016, Eligibility.Eligible)], BuiltInRuleSets.AliResearchTown2014)[0],
        [typeof(RegionSummary)] = () => new RegionSummary(new Region("浙江省", "金华市", "义乌市", string.Empty), "k", 2016),
        [typeof(RegionChange)] = () => new RegionChange("k", new Region("浙江省", "金华市", "义乌市", string.Empty), 2015, 2016),
        [typeof(DesignationChange)] = () => new DesignationChange("k", new Region("浙江省", "金华市", "义乌市", "甲镇"), "v", 2015, 2016, Change.New),
        [typeof(RegionTally)] = () => new RegionTally(RegionLevel.County),
        [typeof(RegionAggregator)] = () => new RegionAggregator(),
        [typeof(IO.VerdictTable)] = () => new IO.VerdictTable([BuiltInRuleSets.AliResearch]),
        [typeof(Planning.PlanBudget)] = () => Planning.PlanBudget.Villages(1),
        [typeof(Planning.PlannedVillage)] = () => new Planning.PlannedVillage(1, "c", null, null, 2016, 0m, [], null),
        [typeof(IO.JsonRecordReaderOptions)] = () => new IO.JsonRecordReaderOptions(),
        [typeof(Json.RuleSetJsonOptions)] = () => new Json.RuleSetJsonOptions(),
        [typeof(IReadOnlyList<string>)] = () => new[] { "village_code" },
        [typeof(RecordProblem)] = () => new RecordProblem("households", null, RecordProblemCodes.Negative, "m"),
        [typeof(IProgress<BatchCounts>)] = () => new Progress<BatchCounts>(),
        [typeof(Shortfall)] = () => AVerdict["annual-sales"].Shortfall,
        [typeof(PathToPass)] = () => AVerdict.PathsToPass()[0],
        [typeof(MoneyUnit)] = () => MoneyUnit.CnYuan,
    };

    /// <summary>Members that take null on purpose, each with its reason.</summary>
    private static readonly HashSet<string> TakeNull =
    [
        // Builders collect problems and report them all from Build (failures are data): a null title is "missing".
        "RuleSetBuilder.Titled", "RuleSetBuilder.Described", "RuleSetBuilder.CitedTo", "RuleSetBuilder.AllOf", "RuleSetBuilder.AnyOf",
        "RuleSetBuilder.Require", "RuleSetBuilder.Criteria", "RuleSetBuilder..ctor",
        // A null id is an id no criterion has.
        "RuleSet.FindCriterion",
        // A header cell that is missing is an empty column name.
        "ColumnMap.Resolve", "RecordSchema.ContractFieldOf",
    ];

    /// <summary>Members that refuse null as one of the values they refuse, with <see cref="ArgumentException"/> and a reason.</summary>
    private static readonly HashSet<string> RefuseAsInvalid = ["VillageCode..ctor", "RuleSetId..ctor", "Metric.Attribute"];

    [Fact]
    public void PublicMembers_NullForANonNullableReference_ArgumentNullNamingIt()
    {
        var checkedCount = 0;
        var failures = new List<string>();
        var nullability = new NullabilityInfoContext();
        foreach (var type in typeof(RuleSet).Assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition))
        {
            // Records and exceptions carry data as given; the validators judge it.
            var carriesData = type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null || typeof(Exception).IsAssignableFrom(type);
            var members = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && !m.IsGenericMethodDefinition && !m.IsAbstract && m.Name is not ("Equals" or "Deconstruct" or "<Clone>$"))
                .Cast<MethodBase>()
                .Concat(type.IsAbstract || carriesData ? [] : type.GetConstructors());
            foreach (var member in members)
            {
                var parameters = member.GetParameters();
                for (var i = 0; i < parameters.Length; i++)
                {
                    var p = parameters[i];
                    var name = $"{type.Name}.{member.Name}";
                    if (p.ParameterType.IsValueType || p.ParameterType.IsByRef || nullability.Create(p).WriteState != NullabilityState.NotNull || TakeNull.Contains(name))
                    {
                        continue;
                    }

                    if (!TryArguments(parameters, i, out var args) || (!member.IsStatic && member is MethodInfo && !Samples.ContainsKey(type)))
                    {
                        continue;
                    }

                    checkedCount++;
                    var target = member.IsStatic || member is ConstructorInfo ? null : Samples[type]();
                    var thrown = Invoke(member, target, args);
                    var refused = RefuseAsInvalid.Contains(name) ? thrown is ArgumentException : thrown is ArgumentNullException ane && ane.ParamName == p.Name;
                    if (!refused)
                    {
                        failures.Add($"{type.Name}.{member.Name}({p.Name}): {thrown?.GetType().Name ?? "no exception"}{(thrown is ArgumentNullException a ? " for " + a.ParamName : string.Empty)}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount >= 90, $"only {checkedCount} parameters checked: the samples no longer reach the API");
    }

    private static bool TryArguments(ParameterInfo[] parameters, int nullAt, out object?[] args)
    {
        args = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (i == nullAt)
            {
                args[i] = null;
            }
            else if (Samples.TryGetValue(type, out var make))
            {
                args[i] = make();
            }
            else if (parameters[i].HasDefaultValue)
            {
                args[i] = parameters[i].DefaultValue;
            }
            else if (type.IsEnum)
            {
                args[i] = Enum.GetValues(type).GetValue(0);
            }
            else if (type == typeof(int) || type == typeof(long))
            {
                args[i] = Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (type == typeof(decimal))
            {
                args[i] = 1m;
            }
            else if (type.IsValueType)
            {
                args[i] = Activator.CreateInstance(type);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static Exception? Invoke(MethodBase member, object? target, object?[] args)
    {
        try
        {
            var result = member is ConstructorInfo ctor ? ctor.Invoke(args) : member.Invoke(target, args);

            // A lazy sequence checks its arguments when first stepped.
            if (result is IEnumerable sequence and not string)
            {
                sequence.GetEnumerator().MoveNext();
            }
            else if (result?.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } async)
            {
                var enumerator = async.GetMethod("GetAsyncEnumerator")!.Invoke(result, [CancellationToken.None])!;
                var moveNext = typeof(IAsyncEnumerator<>).MakeGenericType(async.GetGenericArguments()).GetMethod("MoveNextAsync")!;
                var step = (ValueTask<bool>)moveNext.Invoke(enumerator, null)!;
                step.AsTask().GetAwaiter().GetResult();
            }

            return null;
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
