using GenreML.MLNet.Library;

namespace GenreML.MLNet.Data;

/// <summary>
/// The clips of an audio folder: the files <see cref="LibraryWalker"/> lists (stable order, symlink loops
/// walked once), kept by the split filter, labelled with their first folder under the root when asked.
/// </summary>
internal static class AudioFolderWalker
{
    public static IEnumerable<AudioClipEntry> Walk(string root, AudioFolderOptions options, SplitFilter? split)
    {
        var walker = new LibraryWalker(options.Extensions);
        foreach (LibraryFile file in walker.Walk([root]))
        {
            if (split is not null && !split.Keeps(file.Path))
            {
                continue;
            }

            yield return new AudioClipEntry(file.Path, options.Labelled ? LabelOf(root, file) : null);
        }
    }

    private static string LabelOf(string root, LibraryFile file)
    {
        int separator = file.RelativePath.IndexOf('/', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new InvalidDataException(
                $"'{file.Path}' lies directly in the labelled folder '{root}'; a labelled folder holds <root>/<genre>/<file> (or load it unlabelled).");
        }

        return file.RelativePath[..separator];
    }
}
