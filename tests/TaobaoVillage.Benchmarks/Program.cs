using BenchmarkDotNet.Running;
using TaobaoVillage.Benchmarks;

if (args is ["stages", var path, ..])
{
    Stages.Run(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount);
    return;
}

if (args is ["nrules-memory", var source, var rows])
{
    // A national file (or "generated") and a row count: one process a measurement, so the heap is only the session's.
    Console.WriteLine(NRulesMemory.Run(source, int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Stages).Assembly).Run(args);
