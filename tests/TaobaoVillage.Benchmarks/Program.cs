using BenchmarkDotNet.Running;
using TaobaoVillage.Benchmarks;

if (args is ["stages", var path, ..])
{
    Stages.Run(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount);
    return;
}

if (args is ["floor", var input, var output])
{
    // The floor as its own process, to set its wall time beside the planner's.
    using var file = File.Create(output);
    Console.WriteLine(Floor.Run(input, file));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Stages).Assembly).Run(args);
