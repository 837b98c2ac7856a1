using System.Runtime.InteropServices;

namespace GenreML.Core.IO;

/// <summary>The canonical path of an existing entry (every symlink resolved), to recognise a folder reached twice.</summary>
public static class CanonicalPath
{
    /// <summary>
    /// The canonical path of <paramref name="path"/>, or null when it cannot be resolved. On Unix names that are not
    /// valid UTF-8 work both ways (<see cref="EscapedPath"/>).
    /// </summary>
    public static string? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
        {
            FileSystemInfo? target = new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return System.IO.Path.GetFullPath(target?.FullName ?? path);
        }

        IntPtr resolved;
        unsafe
        {
            fixed (byte* bytes = LibC.Terminated(path))
            {
                resolved = LibC.RealPath(bytes, IntPtr.Zero);
            }
        }

        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            unsafe
            {
                return EscapedPath.FromBytes(MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)resolved));
            }
        }
        finally
        {
            LibC.Free(resolved);
        }
    }
}
