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

    /// <summary>
    /// Whether <paramref name="path"/> names something that exists and is not a regular file or folder: a device such
    /// as <c>/dev/null</c>, a FIFO or a socket. Such a target can only be written in place.
    /// </summary>
    /// <param name="path">A path.</param>
    /// <returns>True for a device, FIFO or socket; false for a regular file, a folder, or nothing.</returns>
    internal static bool IsSpecial(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (TryStat(path, out var buffer) && ModeOffset() is { } offset)
        {
            const uint TypeMask = 0xF000, Regular = 0x8000;
            return (BitConverter.ToUInt32(buffer, offset) & TypeMask) != Regular;
        }

        // No stat layout known here: the Unix device folder is the case that matters.
        return Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal);
    }

    /// <summary>Gives <paramref name="file"/> the owner and group of <paramref name="source"/>, where the process may (root may; others keep their own).</summary>
    /// <param name="source">The file whose owner to copy.</param>
    /// <param name="file">The open file to change.</param>
    /// <returns>Whether the owner and group were set.</returns>
    internal static bool TryCopyOwner(string source, Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        if (!TryStat(source, out var buffer) || OwnerOffset() is not { } offset)
        {
            return false;
        }

        try
        {
            return Native.Fchown(file, BitConverter.ToUInt32(buffer, offset), BitConverter.ToUInt32(buffer, offset + 4)) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // st_uid then st_gid: after st_mode (4 bytes) on x86_64; after st_mode and st_nlink (4 bytes each) on arm64.
    private static int? OwnerOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 28,
        Architecture.Arm64 => 24,
        _ => null,
    };

    // st_mode: after st_dev, st_ino, st_nlink (8 bytes each) on x86_64; after st_dev, st_ino on the generic layout (arm64).
    private static int? ModeOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 24,
        Architecture.Arm64 => 16,
        _ => null,
    };

    private static bool TryStat(string path, out byte[] buffer)
    {
        buffer = new byte[256];
        try
        {
            return OperatingSystem.IsLinux() && Native.Stat(path, buffer) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
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
        if (!TryStat(path, out var buffer))
        {
            return false;
        }

        // struct stat on glibc x86_64 and aarch64 begins with st_dev (8 bytes) then st_ino (8 bytes).
        id = (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
        return true;
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Stat(string path, [Out] byte[] buffer);

        [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
        internal static partial int Fchown(Microsoft.Win32.SafeHandles.SafeFileHandle fd, uint owner, uint group);
    }
}
