namespace GenreML.Core.IO;

/// <summary>
/// One all-or-nothing file write (see <see cref="AtomicFile.Create"/>): write into <see cref="Stream"/>,
/// then <see cref="Commit"/>. Disposing without committing deletes the temporary file and leaves the target as it was.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private bool _finished;

    internal AtomicFileWriter(string targetPath, string temporaryPath)
    {
        TargetPath = targetPath;
        TemporaryPath = temporaryPath;
        _stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
    }

    /// <summary>The file that <see cref="Commit"/> replaces.</summary>
    public string TargetPath { get; }

    /// <summary>The temporary file being written, in the target's folder.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write the content into.</summary>
    public Stream Stream => _stream;

    /// <summary>Flushes the content to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        _finished = true;
        try
        {
            File.Move(TemporaryPath, TargetPath, overwrite: true);
        }
        catch
        {
            File.Delete(TemporaryPath);
            throw;
        }
    }

    /// <summary>Abandons the write unless it was committed.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _stream.Dispose();
            File.Delete(TemporaryPath);
        }
    }
}
