using GenreML.MLNet.Data;

namespace GenreML.MLNet.Heads;

/// <summary>
/// Reads a user's labelled folder <c>&lt;root&gt;/&lt;label&gt;/&lt;files&gt;</c> for training a head, and checks that it can
/// train one: at least two labels, at least two clips per label, no audio directly in the root.
/// </summary>
public static class LabelledFolder
{
    /// <summary>
    /// The clips under <paramref name="root"/> in a stable order. <paramref name="groupsFile"/>, when given, is a CSV of
    /// <c>file,group</c> lines (file: a path relative to the root, or a bare file name; optional header <c>file,group</c>);
    /// a clip it does not list is its own group.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The root does not exist.</exception>
    /// <exception cref="InvalidDataException">The folder cannot train a head; the message says what is wrong and where.</exception>
    public static IReadOnlyList<LabelledClip> Scan(string root, string? groupsFile = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root}: no such folder; train-head reads <root>/<label>/<audio files>.");
        }

        string full = Path.GetFullPath(root);
        Dictionary<string, string> groups = groupsFile is null ? [] : ReadGroups(groupsFile);
        var clips = new List<LabelledClip>();
        foreach (AudioClipEntry entry in AudioFolderWalker.Walk(full, new AudioFolderOptions(), split: null))
        {
            string relative = Path.GetRelativePath(full, entry.Path).Replace('\\', '/');
            string group = groups.GetValueOrDefault(relative) ?? groups.GetValueOrDefault(Path.GetFileName(entry.Path)) ?? relative;
            clips.Add(new LabelledClip(entry.Path, entry.Label!, group));
        }

        var counts = clips.GroupBy(c => c.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var empty = Directory.GetDirectories(full).Select(Path.GetFileName).Where(d => d is not null && !counts.ContainsKey(d)).Order(StringComparer.Ordinal).ToList();
        if (counts.Count < 2)
        {
            throw new InvalidDataException(
                $"{full}: a head needs at least two labels (sub-folders with audio files), found {counts.Count}" +
                (counts.Count == 1 ? $" ('{counts.Keys.Single()}')" : "") + (empty.Count > 0 ? $"; folders without audio: {string.Join(", ", empty)}" : ""));
        }

        var single = counts.Where(c => c.Value < 2).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        if (single.Count > 0)
        {
            throw new InvalidDataException(
                $"{full}: every label needs at least two clips (one to learn from and one to check it on); {string.Join(", ", single.Select(s => $"'{s}'"))} has only one");
        }

        return clips;
    }

    private static Dictionary<string, string> ReadGroups(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such groups file (CSV lines 'file,group').", path);
        }

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.Equals("file,group", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            int comma = line.LastIndexOf(',');
            if (comma <= 0 || comma == line.Length - 1)
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected 'file,group', got '{line}'");
            }

            string file = line[..comma].Trim().Replace('\\', '/');
            if (!groups.TryAdd(file, line[(comma + 1)..].Trim()))
            {
                throw new InvalidDataException($"{path}:{i + 1}: '{file}' is listed twice");
            }
        }

        return groups;
    }
}
