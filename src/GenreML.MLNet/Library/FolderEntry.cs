using GenreML.Core.IO;

namespace GenreML.MLNet.Library;

/// <summary>What <see cref="LibraryWalker"/> needs to know of one entry of a folder.</summary>
/// <param name="FullName">Its path (escaped where the name is not UTF-8, <see cref="EscapedPath"/>).</param>
/// <param name="Name">Its name in the folder.</param>
/// <param name="Exists">Whether it exists, symlinks followed (false for a broken link).</param>
/// <param name="IsDirectory">Whether it is (or links to) a folder.</param>
/// <param name="LinkTarget">The symlink's target as stored, or null when it is not a symlink.</param>
internal sealed record FolderEntry(string FullName, string Name, bool Exists, bool IsDirectory, string? LinkTarget)
{
    /// <summary>The entry .NET listed as <paramref name="info"/>.</summary>
    public static FolderEntry Of(FileSystemInfo info)
    {
        bool exists = info.Exists && !IsBrokenLink(info);
        return new FolderEntry(info.FullName, info.Name, exists, exists && (info is DirectoryInfo || (info.Attributes & FileAttributes.Directory) != 0), info.LinkTarget);
    }

    /// <summary>The entry <paramref name="name"/> of <paramref name="folder"/> (raw names: <see cref="InputFile.RawNames"/>).</summary>
    public static FolderEntry At(string folder, string name)
    {
        string path = Path.Join(folder, name);
        if (!EscapedPath.IsEscaped(path))
        {
            return Of(InputFile.IsDirectory(path) ? new DirectoryInfo(path) : new FileInfo(path));
        }

        bool exists = InputFile.Exists(path);
        return new FolderEntry(path, name, exists, exists && InputFile.IsDirectory(path), InputFile.LinkTarget(path));
    }

    private static bool IsBrokenLink(FileSystemInfo entry)
    {
        if (entry.LinkTarget is null)
        {
            return false;
        }

        try
        {
            return entry.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true };
        }
        catch (IOException)
        {
            return true;
        }
    }
}
