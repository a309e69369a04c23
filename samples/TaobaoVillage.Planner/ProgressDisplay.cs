using Spectre.Console;

namespace TaobaoVillage.Planner;

/// <summary>A progress bar for large inputs, shown only on an interactive terminal (never in pipes or tests).</summary>
public static class ProgressDisplay
{
    /// <summary>Inputs smaller than this finish before a bar is worth drawing.</summary>
    public const long MinimumBytes = 8L << 20;

    /// <summary>Runs <paramref name="body"/>, giving it a callback to report rows read; draws a bar when useful.</summary>
    /// <param name="console">The console.</param>
    /// <param name="path">The input file, to estimate its rows from its size.</param>
    /// <param name="body">The work; it calls the callback with rows read so far.</param>
    public static void Run(IAnsiConsole console, string path, Action<Action<long>> body)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        var size = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (!console.Profile.Capabilities.Interactive || size < MinimumBytes)
        {
            body(static _ => { });
            return;
        }

        var estimate = EstimateRows(path, size);
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"scoring {Path.GetFileName(path)} (~{estimate:N0} rows)", maxValue: estimate);
                body(read => task.Value = Math.Min(read, estimate));
                task.Value = estimate;
            });
    }

    private static double EstimateRows(string path, long size)
    {
        // Bytes per line from the first 64 KiB: good enough for a bar.
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var n = stream.Read(buffer, 0, buffer.Length);
        var lines = buffer.AsSpan(0, n).Count((byte)'\n');
        return lines == 0 ? 1 : Math.Max(1, size / ((double)n / lines));
    }
}
