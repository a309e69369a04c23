using System.Runtime.InteropServices;

namespace TaobaoVillage.IO;

/// <summary>
/// Tells whether two paths name the same file by its identity (device and inode on Unix, volume and file index on
/// Windows), so that <c>./a.csv</c>, <c>dir/../a.csv</c>, a symbolic link and a hard link are all recognised as one file.
/// </summary>
/// <remarks>Thread-safe: every member is static and keeps no state.</remarks>
public static partial class FileIdentity
{
    /// <summary>Whether <paramref name="first"/> and <paramref name="second"/> are the same existing file.</summary>
    /// <param name="first">A path.</param>
    /// <param name="second">Another path.</param>
    /// <returns>True when both exist and are one file; false when either does not exist or they differ.</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    public static bool AreSame(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!File.Exists(first) || !File.Exists(second))
        {
            return false;
        }

        if (TryGetId(first, out var a) && TryGetId(second, out var b))
        {
            return a == b;
        }

        // No native identity here: the canonical paths, links resolved, are the best that can be said.
        return string.Equals(Canonical(first), Canonical(second), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string Canonical(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return Path.GetFullPath(target?.FullName ?? info.FullName);
    }

    private static bool TryGetId(string path, out (ulong Device, ulong Node) id)
    {
        id = default;
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // struct stat on glibc x86_64 and aarch64 begins with st_dev (8 bytes) then st_ino (8 bytes).
                var buffer = new byte[256];
                if (Native.Stat(path, buffer) != 0)
                {
                    return false;
                }

                id = (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
                return true;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }

        return false;
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Stat(string path, [Out] byte[] buffer);
    }
}
