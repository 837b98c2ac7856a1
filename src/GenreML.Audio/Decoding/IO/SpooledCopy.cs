namespace GenreML.Audio.Decoding.IO;

/// <summary>
/// A stream that can be read only once (standard input, a pipe) copied to a temporary file so it can be decoded
/// twice (<see cref="Features.LogMelStream"/>); the file is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class SpooledCopy : IDisposable
{
    private SpooledCopy(string path) => Path = path;

    /// <summary>The temporary file.</summary>
    public string Path { get; }

    /// <summary>Copies the rest of <paramref name="stream"/> to a new temporary file.</summary>
    /// <exception cref="AudioFormatException">The stream cannot be read or the copy cannot be written.</exception>
    public static SpooledCopy Of(Stream stream, string sourceName)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"genreml-spool-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.SequentialScan))
            {
                stream.CopyTo(file);
            }

            return new SpooledCopy(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(path);
            throw new AudioFormatException(sourceName, $"could not copy the stream to a temporary file to read it twice: {e.Message}", e);
        }
    }

    /// <summary>Decodes the copy, naming it <paramref name="sourceName"/> in errors.</summary>
    public MonoAudioSource Open(string sourceName, AudioDecodeOptions options)
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            MonoAudioSource source = AudioDecoder.Open(file, sourceName, options);
            source.Owned = file;
            return source;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the copy.</summary>
    public void Dispose() => File.Delete(Path);
}
