namespace GenreML.MLNet.Data;

/// <summary>
/// Lists the audio files under a folder lazily and in a stable order (ordinal by name, folder by
/// folder), so two runs over the same tree give the same rows; only one folder's names are held at a time.
/// </summary>
internal static class AudioFolderWalker
{
    public static IEnumerable<AudioClipEntry> Walk(string root, AudioFolderOptions options, SplitFilter? split)
    {
        var extensions = new HashSet<string>(options.Extensions, StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string folder = pending.Pop();
            string[] files = Directory.GetFiles(folder);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (!extensions.Contains(System.IO.Path.GetExtension(file)) || (split is not null && !split.Keeps(file)))
                {
                    continue;
                }

                yield return new AudioClipEntry(file, options.Labelled ? LabelOf(root, file) : null);
            }

            string[] children = Directory.GetDirectories(folder);
            Array.Sort(children, StringComparer.Ordinal);
            for (int i = children.Length - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }

    private static string LabelOf(string root, string file)
    {
        string relative = System.IO.Path.GetRelativePath(root, file);
        int separator = relative.IndexOfAny([System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar]);
        if (separator <= 0)
        {
            throw new InvalidDataException(
                $"'{file}' lies directly in the labelled folder '{root}'; a labelled folder holds <root>/<genre>/<file> (or load it unlabelled).");
        }

        return relative[..separator];
    }
}
