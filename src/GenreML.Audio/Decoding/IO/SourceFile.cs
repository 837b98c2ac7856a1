using GenreML.Core.IO;

namespace GenreML.Audio.Decoding;

/// <summary>
/// Opens an audio file for sequential reading (through <see cref="InputFile"/>, so names that are not UTF-8 open too),
/// reporting every failure as an <see cref="AudioFormatException"/>.
/// </summary>
internal static class SourceFile
{
    /// <summary>Opens <paramref name="path"/> read-only.</summary>
    public static FileStream Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (InputFile.IsDirectory(path))
        {
            throw new AudioFormatException(path, "is a directory, not an audio file");
        }

        try
        {
            return InputFile.OpenRead(path, bufferSize: 16 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AudioFormatException(path, "the file does not exist", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new AudioFormatException(path, $"the file cannot be opened: {error.Message}", error);
        }
    }
}
