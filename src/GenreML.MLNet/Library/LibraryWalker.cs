using GenreML.Core.IO;
using GenreML.MLNet.Data;

namespace GenreML.MLNet.Library;

/// <summary>
/// Lists the audio files of a music library lazily and in a stable order (ordinal by name, folder by folder,
/// depth first): folders are walked recursively and symlinks are followed, but no folder is ever visited twice
/// (a folder is known by its canonical path, so <c>sub/up -&gt; ..</c> loops end); files given directly are
/// listed whatever their extension. Everything not listed is recorded in <see cref="Skipped"/> with a reason.
/// One walker walks once: create a new one per walk.
/// </summary>
public sealed class LibraryWalker
{
    private readonly HashSet<string> _extensions;
    private readonly HashSet<string> _visitedFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _visitedLinkedFiles = new(StringComparer.Ordinal);
    private readonly List<SkippedEntry> _skipped = [];

    /// <summary>Creates a walker listing files with one of <paramref name="extensions"/> (default <see cref="AudioFolderOptions.DefaultExtensions"/>).</summary>
    public LibraryWalker(IEnumerable<string>? extensions = null) =>
        _extensions = new HashSet<string>(extensions ?? AudioFolderOptions.DefaultExtensions, StringComparer.OrdinalIgnoreCase);

    /// <summary>What the walk did not list so far, in the order met.</summary>
    public IReadOnlyList<SkippedEntry> Skipped => _skipped;

    /// <summary>How many entries were skipped per reason so far.</summary>
    public IReadOnlyDictionary<SkipReason, int> SkipCounts => _skipped.GroupBy(s => s.Reason).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// The audio files of <paramref name="inputs"/>: a folder is walked, anything else is listed as given (a file
    /// that does not exist is listed too, so that the caller reports it as a failed input rather than losing it).
    /// </summary>
    public IEnumerable<LibraryFile> Walk(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (string input in inputs)
        {
            if (InputFile.IsDirectory(input))
            {
                foreach (LibraryFile file in WalkFolder(Path.GetFullPath(input)))
                {
                    yield return file;
                }
            }
            else
            {
                yield return new LibraryFile(input, Path.GetFileName(input));
            }
        }
    }

    private IEnumerable<LibraryFile> WalkFolder(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            string? canonical = CanonicalPath.Of(folder);
            if (canonical is null)
            {
                Skip(folder, SkipReason.Unreadable, "its real path cannot be resolved");
                continue;
            }

            if (!_visitedFolders.Add(canonical))
            {
                Skip(folder, SkipReason.AlreadyVisited, $"folder already walked as {canonical} (a symlink loop or a second link to it)");
                continue;
            }

            List<FolderEntry> entries;
            try
            {
                entries = List(folder);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                Skip(folder, SkipReason.Unreadable, e.Message);
                continue;
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            var children = new List<string>();
            foreach (FolderEntry entry in entries)
            {
                if (Classify(entry, root, children) is { } file)
                {
                    yield return file;
                }
            }

            for (int i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    /// <summary>
    /// The entries of <paramref name="folder"/>. .NET lists names that are not valid UTF-8 with U+FFFD, which opens
    /// nothing: such a folder is listed again by raw names (<see cref="InputFile.RawNames"/>), each name that is not
    /// UTF-8 kept as an escaped string (<see cref="EscapedPath"/>) that every later step can open.
    /// </summary>
    private List<FolderEntry> List(string folder)
    {
        bool rawFolder = EscapedPath.NeedsRawBytes(folder);
        FileSystemInfo[] infos = rawFolder ? [] : new DirectoryInfo(folder).GetFileSystemInfos();
        bool lossy = !OperatingSystem.IsWindows() && infos.Any(info => info.Name.Contains('\uFFFD', StringComparison.Ordinal));
        if (!rawFolder && !lossy)
        {
            return infos.Select(FolderEntry.Of).ToList();
        }

        if (InputFile.RawNames(folder) is { } names)
        {
            return names.Select(name => FolderEntry.At(folder, name)).ToList();
        }

        // No raw names here: a name that really holds U+FFFD exists and is listed; one that stands for invalid bytes does not.
        bool Unnamed(FileSystemInfo info) => info.Name.Contains('\uFFFD', StringComparison.Ordinal) && !info.Exists;
        foreach (FileSystemInfo info in infos.Where(Unnamed))
        {
            Skip(info.FullName, SkipReason.Unreadable, "the name is not valid UTF-8 (shown with U+FFFD), and raw names are read on Linux only: rename it");
        }

        return infos.Where(info => !Unnamed(info)).Select(FolderEntry.Of).ToList();
    }

    private LibraryFile? Classify(FolderEntry entry, string root, List<string> children)
    {
        if (!entry.Exists)
        {
            if (entry.LinkTarget is { } target)
            {
                Skip(entry.FullName, SkipReason.BrokenLink, $"symlink to missing '{target}'");
            }
            else
            {
                Skip(entry.FullName, SkipReason.Unreadable, "it vanished or cannot be examined");
            }

            return null;
        }

        if (entry.IsDirectory)
        {
            children.Add(entry.FullName);
            return null;
        }

        string extension = Path.GetExtension(entry.Name);
        if (!_extensions.Contains(extension))
        {
            Skip(entry.FullName, SkipReason.NotAudio, $"extension '{extension}' is not in the audio list");
            return null;
        }

        if (entry.LinkTarget is not null && CanonicalPath.Of(entry.FullName) is { } real && !_visitedLinkedFiles.TryAdd(real, entry.FullName))
        {
            Skip(entry.FullName, SkipReason.AlreadyVisited, $"a second link to {real}, already listed as {_visitedLinkedFiles[real]}");
            return null;
        }

        return new LibraryFile(entry.FullName, Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/'));
    }

    private void Skip(string path, SkipReason reason, string detail) => _skipped.Add(new SkippedEntry(path, reason, detail));
}
