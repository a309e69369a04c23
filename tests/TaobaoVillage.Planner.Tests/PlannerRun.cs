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
        // The suite reads English; a Chinese machine would otherwise make the planner speak Chinese (tests of --lang say so).
        var code = PlannerApp.Run(args.Contains("--lang") ? args : [.. args, "--lang", "en"], stdout, stderr, console);
        return (code, stdout.ToString(), stderr.ToString(), console.Output);
    }
}
