namespace GenreML.Tagging.Writing;

/// <summary>What tells that a file was changed by someone else: its size and last-write time (to the tick).</summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="LastWriteUtc">Last modification time, UTC.</param>
public readonly record struct FileIdentity(long Size, DateTime LastWriteUtc)
{
    /// <summary>The identity of <paramref name="path"/> now.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static FileIdentity Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        return new FileIdentity(info.Length, info.LastWriteTimeUtc);
    }
}
