using System.Text;

namespace GenreML.Core.IO;

/// <summary>
/// Writes files all or nothing: the content goes to a temporary file in the target's folder, is flushed
/// to disk, and only then renamed over the target. A failure leaves the old file (or no file) and no
/// temporary behind, so a reader never sees a half-written model, report or audio file. Every GenreML
/// project writes its outputs through this class.
/// </summary>
public static class AtomicFile
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Starts an all-or-nothing write of <paramref name="path"/>, creating its folder if needed.</summary>
    public static AtomicFileWriter Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        Directory.CreateDirectory(folder);
        return new AtomicFileWriter(full, TemporaryPathFor(full));
    }

    /// <summary>
    /// For writers that take a path (TorchSharp's <c>save</c>, exporters): <paramref name="writeTo"/> writes a
    /// complete file at the temporary path it is given, which then replaces <paramref name="path"/>. A target
    /// whose name is not UTF-8 (<see cref="EscapedPath"/>: <c>tag</c> rewriting such a file) works too: the
    /// temporary path given is then a plain one in the same folder.
    /// </summary>
    public static void WriteVia(string path, Action<string> writeTo)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writeTo);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no parent folder", nameof(path));
        if (EscapedPath.NeedsRawBytes(full))
        {
            RawNameAtomicWrite.WriteVia(full, folder, writeTo);
            return;
        }

        Directory.CreateDirectory(folder);
        string temporary = TemporaryPathFor(full);
        try
        {
            writeTo(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using AtomicFileWriter file = Create(path);
        file.Stream.Write(bytes);
        file.Commit();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteText(path, writer => writer.Write(text));
    }

    /// <summary>Writes what <paramref name="write"/> puts into a UTF-8 text writer (no byte-order mark).</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using AtomicFileWriter file = Create(path);
        using (var writer = new StreamWriter(file.Stream, Utf8, bufferSize: 1 << 16, leaveOpen: true))
        {
            write(writer);
        }

        file.Commit();
    }

    private static string TemporaryPathFor(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
}
