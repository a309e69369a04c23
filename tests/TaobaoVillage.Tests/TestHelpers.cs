using Spectre.Console.Testing;
using TaobaoVillage.Planner;

namespace TaobaoVillage.Tests;

/// <summary>Runs the planner in-process, capturing standard output, standard error and the console.</summary>
internal static class PlannerRun
{
    public static (int Code, string Out, string Err, string Console) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var console = new TestConsole().Width(220);
        var code = PlannerApp.Run(args, stdout, stderr, console);
        return (code, stdout.ToString(), stderr.ToString(), console.Output);
    }
}

/// <summary>A file in the temp folder, deleted on dispose.</summary>
internal sealed class TempFile(string extension) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tv-{Guid.NewGuid():N}{extension}");

    public void Dispose() => File.Delete(Path);
}
