using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GenreML.Core.IO;

/// <summary>The few libc calls that take a path as raw bytes (Unix), for names .NET's own string marshalling cannot express.</summary>
internal static unsafe partial class LibC
{
    /// <summary>ENOENT: no such file or directory.</summary>
    public const int NoSuchEntry = 2;

    /// <summary>EACCES: permission denied.</summary>
    public const int AccessDenied = 13;

    /// <summary>EPERM: operation not permitted.</summary>
    public const int NotPermitted = 1;

    /// <summary>EISDIR: is a directory (opening one for writing).</summary>
    public const int IsDirectory = 21;

    /// <summary>ENOTDIR: not a directory.</summary>
    public const int NotDirectory = 20;

    /// <summary>O_CLOEXEC for this system (the descriptor must not leak into ffmpeg or other child processes).</summary>
    public static int CloseOnExec => OperatingSystem.IsMacOS() ? 0x1000000 : OperatingSystem.IsFreeBSD() ? 0x100000 : 0x80000;

    /// <summary>Offset of <c>d_name</c> in glibc's and musl's <c>struct dirent</c> (64-bit: ino, off, reclen, type; 32-bit: 4-byte ino and off).</summary>
    public static int DirentNameOffset => IntPtr.Size == 8 ? 19 : 11;

    /// <summary>O_RDWR.</summary>
    public const int ReadWrite = 2;

    /// <summary>flock(2) LOCK_EX | LOCK_NB: an exclusive lock, failing at once when another holder has one (what .NET's FileShare.None takes).</summary>
    public const int ExclusiveLockNow = 2 | 4;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    /// <summary>access(2) mode F_OK: does the entry exist.</summary>
    public const int Exists = 0;

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true)]
    public static partial int Access(byte* path, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int descriptor, int operation);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true)]
    public static partial int Rename(byte* from, byte* to);

    [LibraryImport("libc", EntryPoint = "opendir", SetLastError = true)]
    public static partial IntPtr OpenDir(byte* path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    public static partial IntPtr ReadDir(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    public static partial int CloseDir(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "readlink", SetLastError = true)]
    public static partial nint ReadLink(byte* path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "realpath")]
    public static partial IntPtr RealPath(byte* path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    public static partial void Free(IntPtr pointer);

    /// <summary>
    /// The exception for the error (errno) the last call here set, naming <paramref name="path"/> as people see it
    /// (escaped bytes as U+FFFD) and, if given, what was <paramref name="doing"/>: file not found, access denied, or I/O.
    /// </summary>
    public static Exception LastError(string path, string? doing = null)
    {
        int error = Marshal.GetLastPInvokeError();
        string display = EscapedPath.ForDisplay(path);
        string message = $"{display}: {(doing is null ? "" : doing + ": ")}{Marshal.GetPInvokeErrorMessage(error)}";
        return error switch
        {
            NoSuchEntry => new FileNotFoundException(message, display),
            AccessDenied or NotPermitted or IsDirectory => new UnauthorizedAccessException(message),
            _ => new IOException(message),
        };
    }

    /// <summary>
    /// Opens the raw bytes of <paramref name="path"/> with open(2) <paramref name="flags"/> (close-on-exec added) as an
    /// owned handle; an error is thrown as <see cref="LastError"/> says.
    /// </summary>
    public static SafeFileHandle OpenHandle(string path, int flags)
    {
        int descriptor;
        fixed (byte* bytes = Terminated(path))
        {
            descriptor = Open(bytes, flags | CloseOnExec);
        }

        return descriptor >= 0 ? new SafeFileHandle(descriptor, ownsHandle: true) : throw LastError(path);
    }

    /// <summary>The NUL-terminated bytes of <paramref name="path"/> (escaped bytes restored, <see cref="EscapedPath"/>).</summary>
    public static byte[] Terminated(string path) => [.. EscapedPath.ToBytes(path), 0];
}
