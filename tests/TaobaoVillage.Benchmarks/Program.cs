using BenchmarkDotNet.Running;
using TaobaoVillage.Benchmarks;

if (args is ["stages", var path, ..])
{
    Stages.Run(path, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Stages).Assembly).Run(args);
