using System.Runtime.InteropServices;

namespace GenreML.MLNet.Library;

/// <summary>The canonical path of an existing entry (every symlink resolved), to recognise a folder reached twice.</summary>
internal static partial class CanonicalPath
{
    /// <summary>The canonical path of <paramref name="path"/>, or null when it cannot be resolved.</summary>
    public static string? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            FileSystemInfo? target = new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return System.IO.Path.GetFullPath(target?.FullName ?? path);
        }

        IntPtr resolved = RealPath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
