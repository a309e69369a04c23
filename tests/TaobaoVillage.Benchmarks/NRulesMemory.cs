using System.Diagnostics;
using TaobaoVillage.Csv;
using TaobaoVillage.Domain;
using TaobaoVillage.NRules;

namespace TaobaoVillage.Benchmarks;

/// <summary>
/// Working memory of a live NRules session (villages by year, towns and counties): managed heap after a full
/// collection, before and after inserting and firing, for the first rows of a file or for generated records.
/// </summary>
internal static class NRulesMemory
{
    public static string Run(string source, int rows)
    {
        var records = File.Exists(source)
            ? CsvRecordReader.ReadFile(source).Where(r => r.Value is not null).Select(r => r.Value!).Take(rows).ToArray()
            : NRulesBenchmarks.Records(rows, 3);
        var factory = TaobaoVillageRules.Compile([TaobaoVillageRules.VillagesByYear(), TaobaoVillageRules.DesignationsByYear()]);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var session = factory.CreateSession();
        session.InsertAll(records);
        session.Fire();
        clock.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var towns = session.Query<TownOutcome>().Count();
        GC.KeepAlive(session);
        return FormattableString.Invariant($"{records.Length:N0} records, {towns:N0} towns: {(after - before) / 1048576.0:N0} MiB ({(after - before) / (double)records.Length:N0} B a village), insert + fire {clock.Elapsed.TotalSeconds:N1} s");
    }
}
