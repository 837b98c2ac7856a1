using Microsoft.Win32.SafeHandles;

namespace GenreML.Core.IO;

/// <summary>
/// <see cref="AtomicFile.WriteVia"/> for a target whose name is not UTF-8 (<see cref="EscapedPath"/>), which .NET
/// cannot name: the temporary file gets a plain name in the same folder (reached through <c>/proc/self/fd/N</c> when
/// the folder's own name is not UTF-8), so the writer can use any path API, and rename(2) puts it over the target.
/// </summary>
internal static class RawNameAtomicWrite
{
    public static void WriteVia(string full, string folder, Action<string> writeTo)
    {
        using SafeFileHandle? folderHandle = EscapedPath.IsEscaped(folder) ? OpenFolder(folder) : null;
        string reachable = folderHandle is null ? folder : $"/proc/self/fd/{folderHandle.DangerousGetHandle()}";
        string temporary = Path.Combine(reachable, $".genreml.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTo(temporary);
            Rename(temporary, full);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static SafeFileHandle OpenFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new IOException($"{EscapedPath.ForDisplay(folder)}: a folder whose name is not UTF-8 can be written into on Linux only");
        }

        return LibC.OpenHandle(folder, flags: 0);
    }

    private static void Rename(string from, string to)
    {
        int result;
        unsafe
        {
            fixed (byte* source = LibC.Terminated(from))
            fixed (byte* target = LibC.Terminated(to))
            {
                result = LibC.Rename(source, target);
            }
        }

        if (result != 0)
        {
            throw LibC.LastError(to, "cannot replace it");
        }
    }
}
