using System.Runtime.InteropServices;
using System.Text;
using TaobaoVillage.Planner;

// Interrupted: give up every output not yet complete (the earlier files stay as they were), then end as the signal asks.
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => PlannerOutput.AbortAll());
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => PlannerOutput.AbortAll());
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => PlannerOutput.AbortAll());

// A file-size limit (SIGXFSZ, 25 on Linux) would kill the process mid-write; ignored, the write fails with EFBIG and
// the run ends with one line and its output given up. Never disposed: a signal still queued when Main returns (from a
// last flush that failed too) must not end the process with the signal instead of the exit code.
KeptSignals.FileTooLarge = OperatingSystem.IsLinux() ? PosixSignalRegistration.Create((PosixSignal)25, context => context.Cancel = true) : null;

// A standard descriptor the shell closed (<&-, >&-, 2>&-) now holds one of the runtime's own files or pipes: it is
// never read or written. Output to it goes nowhere, as to /dev/null, and changes nothing else; input from it fails.
var (inOpen, outOpen, errOpen) = (StandardDescriptors.IsInherited(0), StandardDescriptors.IsInherited(1), StandardDescriptors.IsInherited(2));

// Redirected standard output goes through a stream of our own: the console's quietly drops a closed pipe (EPIPE),
// and the planner would report rows written that nobody read. It writes with write(2), at the descriptor's offset.
var redirected = !outOpen || Console.IsOutputRedirected;
using var stdout = !outOpen ? TextWriter.Null
    : redirected && !OperatingSystem.IsWindows()
    ? new StreamWriter(new DescriptorStream(1), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" }
    : Console.Out;
var stderr = errOpen ? Console.Error : TextWriter.Null;
return PlannerApp.Run(args, new PlannerIO(stdout, stderr, null!) { In = inOpen ? null : new ClosedInputStream() }, redirected);

/// <summary>Signal registrations that live as long as the process.</summary>
internal static class KeptSignals
{
    /// <summary>SIGXFSZ, cancelled.</summary>
    internal static PosixSignalRegistration? FileTooLarge;
}
