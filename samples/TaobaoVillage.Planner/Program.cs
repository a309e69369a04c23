using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TaobaoVillage.Planner;

// Interrupted: give up every output not yet complete (the earlier files stay as they were), then end as the signal asks.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => PlannerOutput.AbortAll());
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => PlannerOutput.AbortAll());
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => PlannerOutput.AbortAll());

// A file-size limit (SIGXFSZ, 25 on Linux) would kill the process mid-write; ignored, the write fails with EFBIG and
// the run ends with one line and its output given up. Never disposed: a signal still queued when Main returns (from a
// last flush that failed too) must not end the process with the signal instead of the exit code.
KeptSignals.FileTooLarge = OperatingSystem.IsLinux() ? PosixSignalRegistration.Create((PosixSignal)25, context => context.Cancel = true) : null;

// Redirected standard output goes through a stream of our own: the console's quietly drops a closed pipe (EPIPE),
// and the planner would report rows written that nobody read.
var redirected = Console.IsOutputRedirected;
using var stdout = redirected && !OperatingSystem.IsWindows()
    ? new StreamWriter(new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" }
    : Console.Out;
return PlannerApp.Run(args, stdout, Console.Error, console: null, redirected);

/// <summary>Signal registrations that live as long as the process.</summary>
internal static class KeptSignals
{
    /// <summary>SIGXFSZ, cancelled.</summary>
    internal static PosixSignalRegistration? FileTooLarge;
}
