using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GenreML.Core.IO;

/// <summary>
/// The one place input files (audio to score, tag or hash) are opened and examined by path. An ordinary path goes
/// to .NET's file APIs; a path holding escaped bytes (<see cref="EscapedPath"/>: a Unix name that is not valid UTF-8)
/// is turned back into its raw bytes and opened with libc <c>open(2)</c>, so every file the file system holds can be
/// read. Errors name the path as people see it (escaped bytes as U+FFFD).
/// </summary>
public static class InputFile
{
    /// <summary>
    /// Opens <paramref name="path"/> read-only; others may open it as <paramref name="share"/> says (default: read it
    /// too). <paramref name="share"/> and <paramref name="options"/> apply to ordinary paths; a raw name is opened
    /// without a lock or hints.
    /// </summary>
    /// <exception cref="FileNotFoundException">It does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be read, or it is a directory.</exception>
    /// <exception cref="IOException">Another I/O error.</exception>
    public static FileStream OpenRead(string path, int bufferSize = 4096, FileOptions options = FileOptions.None, FileShare share = FileShare.Read)
    {
        ArgumentNullException.ThrowIfNull(path);
        return EscapedPath.NeedsRawBytes(path)
            ? new FileStream(OpenRaw(path, 0), FileAccess.Read, bufferSize)
            : new FileStream(path, FileMode.Open, FileAccess.Read, share, bufferSize, options);
    }

    /// <summary>
    /// Opens <paramref name="path"/> to read and write it, holding an exclusive advisory lock (what .NET's
    /// <see cref="FileShare.None"/> takes), so that another tagger cannot change it meanwhile.
    /// </summary>
    /// <exception cref="FileNotFoundException">It does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be written, or it is a directory.</exception>
    /// <exception cref="IOException">Another process holds it locked, or another I/O error.</exception>
    public static FileStream OpenForUpdate(string path, int bufferSize = 4096)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!EscapedPath.NeedsRawBytes(path))
        {
            return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize);
        }

        SafeFileHandle handle = OpenRaw(path, LibC.ReadWrite);
        if (LibC.Flock((int)handle.DangerousGetHandle(), LibC.ExclusiveLockNow) != 0)
        {
            Exception locked = LibC.LastError(path, "cannot lock it");
            handle.Dispose();
            throw locked;
        }

        return new FileStream(handle, FileAccess.ReadWrite, bufferSize);
    }

    /// <summary>True when <paramref name="path"/> is an existing folder (symlinks followed).</summary>
    public static bool IsDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!EscapedPath.NeedsRawBytes(path))
        {
            return Directory.Exists(path);
        }

        return OpenDirectory(path) is { } directory && LibC.CloseDir(directory) == 0;
    }

    /// <summary>True when <paramref name="path"/> exists (symlinks followed: a broken link does not), file or folder.</summary>
    public static bool Exists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!EscapedPath.NeedsRawBytes(path))
        {
            return Path.Exists(path);
        }

        unsafe
        {
            fixed (byte* bytes = LibC.Terminated(path))
            {
                return LibC.Access(bytes, LibC.Exists) == 0;
            }
        }
    }

    /// <summary>
    /// Size and last write time (UTC) of the file <paramref name="path"/> (symlinks followed), or null when it does not
    /// exist or cannot be examined.
    /// </summary>
    public static (long Size, DateTime LastWriteUtc)? Stat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!EscapedPath.NeedsRawBytes(path))
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        }

        try
        {
            using FileStream stream = OpenRead(path, bufferSize: 1);
            return (RandomAccess.GetLength(stream.SafeFileHandle), File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The target of the symlink <paramref name="path"/> as stored, or null when it is not a symlink.</summary>
    public static string? LinkTarget(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!EscapedPath.NeedsRawBytes(path))
        {
            return new FileInfo(path).LinkTarget;
        }

        byte[] target = new byte[4096];
        nint length;
        unsafe
        {
            fixed (byte* bytes = LibC.Terminated(path))
            fixed (byte* buffer = target)
            {
                length = LibC.ReadLink(bytes, buffer, target.Length);
            }
        }

        return length < 0 ? null : EscapedPath.FromBytes(target.AsSpan(0, (int)length));
    }

    /// <summary>
    /// The entry names of the folder <paramref name="folder"/> as raw names (escaped where not valid UTF-8), without
    /// "." and "..", in no particular order; null where raw names cannot be read (only Linux reads them: macOS file
    /// systems refuse names that are not UTF-8, and Windows names are UTF-16).
    /// </summary>
    /// <exception cref="IOException">The folder cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be listed.</exception>
    public static IReadOnlyList<string>? RawNames(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        if (OpenDirectory(folder) is not { } directory)
        {
            throw LibC.LastError(folder);
        }

        var names = new List<string>();
        try
        {
            while (LibC.ReadDir(directory) is var entry && entry != IntPtr.Zero)
            {
                ReadOnlySpan<byte> name;
                unsafe
                {
                    name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)entry + LibC.DirentNameOffset);
                }

                if (!name.SequenceEqual("."u8) && !name.SequenceEqual(".."u8))
                {
                    names.Add(EscapedPath.FromBytes(name));
                }
            }
        }
        finally
        {
            LibC.CloseDir(directory);
        }

        return names;
    }

    /// <summary>Opens the raw name <paramref name="path"/> with open(2) <paramref name="flags"/> (close-on-exec added); refuses a directory.</summary>
    private static SafeFileHandle OpenRaw(string path, int flags)
    {
        SafeFileHandle handle = LibC.OpenHandle(path, flags);
        if ((File.GetAttributes(handle) & FileAttributes.Directory) != 0)
        {
            handle.Dispose();
            throw new UnauthorizedAccessException($"{EscapedPath.ForDisplay(path)}: is a directory");
        }

        return handle;
    }

    /// <summary>opendir(3) on the raw bytes of <paramref name="path"/>; null on failure (errno set).</summary>
    private static IntPtr? OpenDirectory(string path)
    {
        IntPtr directory;
        unsafe
        {
            fixed (byte* bytes = LibC.Terminated(path))
            {
                directory = LibC.OpenDir(bytes);
            }
        }

        return directory == IntPtr.Zero ? null : directory;
    }
}
