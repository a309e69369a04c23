using System.Runtime.InteropServices;

namespace TaobaoVillage.Planner;

/// <summary>
/// The process's standard descriptors (0, 1, 2) as the shell left them. A descriptor the shell closed
/// (<c>&lt;&amp;-</c>, <c>&gt;&amp;-</c>, <c>2&gt;&amp;-</c>) is taken by the runtime's own files and pipes before
/// <c>Main</c> runs, so writing to it would write into them and reading from it would wait forever. Every descriptor
/// the runtime opens is close-on-exec; one inherited through <c>exec</c> never is: that tells them apart.
/// </summary>
/// <remarks>Thread-safe: it only asks the kernel.</remarks>
internal static partial class StandardDescriptors
{
    private const int GetDescriptorFlags = 1; // F_GETFD
    private const int CloseOnExec = 1; // FD_CLOEXEC

    /// <summary>Whether descriptor <paramref name="fd"/> was open when the process started (always true on Windows).</summary>
    /// <param name="fd">0, 1 or 2.</param>
    /// <returns>False when the shell closed it.</returns>
    public static bool IsInherited(int fd)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var flags = Native.Fcntl(fd, GetDescriptorFlags);
        return flags != -1 && (flags & CloseOnExec) == 0;
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
        internal static partial int Fcntl(int fd, int command);
    }
}
