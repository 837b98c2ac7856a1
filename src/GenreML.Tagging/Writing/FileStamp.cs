using GenreML.Core.IO;

namespace GenreML.Tagging.Writing;

/// <summary>What tells that a file was changed by someone else while it is being tagged: its size and last-write time (to the tick). Results files use the fuller <c>GenreML.MLNet.Results.FileIdentity</c> (path, and optionally a content hash) for <c>--resume</c>.</summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="LastWriteUtc">Last modification time, UTC.</param>
public readonly record struct FileStamp(long Size, DateTime LastWriteUtc)
{
    /// <summary>The identity of <paramref name="path"/> now.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static FileStamp Of(string path)
    {
        var (size, lastWrite) = InputFile.Stat(path) ?? throw new FileNotFoundException($"{path}: no such file", path);
        return new FileStamp(size, lastWrite);
    }
}
