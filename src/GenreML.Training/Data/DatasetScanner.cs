namespace GenreML.Training.Data;

/// <summary>
/// Finds labelled audio either in a folder laid out <c>&lt;root&gt;/&lt;genre&gt;/**/&lt;file&gt;</c>
/// (labels = sub-folder names) or in a CSV manifest of <c>path,label</c> lines (header optional,
/// relative paths resolved against the manifest's folder).
/// </summary>
public static class DatasetScanner
{
    /// <summary>File extensions treated as audio (lower case, with dot).</summary>
    public static IReadOnlySet<string> AudioExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".au", ".snd", ".mp3", ".flac", ".ogg", ".opus", ".m4a",
    };

    /// <summary>Scans a folder or, when <paramref name="dataPath"/> is a file, reads it as a CSV manifest.</summary>
    public static Dataset Scan(string dataPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        if (Directory.Exists(dataPath)) return ScanFolder(dataPath);
        if (File.Exists(dataPath)) return ReadManifest(dataPath);
        throw new DatasetException($"{dataPath}: no such folder or manifest file");
    }

    /// <summary>Scans <c>&lt;root&gt;/&lt;genre&gt;/</c> recursively for audio files.</summary>
    public static Dataset ScanFolder(string root)
    {
        root = Path.GetFullPath(root);
        var genreDirs = Directory.GetDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        if (genreDirs.Count == 0)
            throw new DatasetException($"{root}: no genre sub-folders (expected <root>/<genre>/<audio files>)");

        var clips = new List<LabeledClip>();
        var labels = new List<string>();
        foreach (var dir in genreDirs)
        {
            string label = Path.GetFileName(dir);
            var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => AudioExtensions.Contains(Path.GetExtension(f)))
                .ToList();
            if (files.Count == 0)
                throw new DatasetException($"{dir}: genre folder '{label}' holds no audio files ({string.Join(" ", AudioExtensions)})");
            labels.Add(label);
            clips.AddRange(files.Select(f => new LabeledClip(f, label)));
        }

        if (labels.Count < 2)
            throw new DatasetException($"{root}: only one genre folder ('{labels[0]}'); at least two are needed");
        return new Dataset(root, labels, clips);
    }

    /// <summary>Reads a CSV manifest of <c>path,label</c> lines; blank lines and lines starting with '#' are skipped.</summary>
    public static Dataset ReadManifest(string manifestPath)
    {
        manifestPath = Path.GetFullPath(manifestPath);
        string baseDir = Path.GetDirectoryName(manifestPath)!;
        var clips = new List<LabeledClip>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] lines = File.ReadAllLines(manifestPath);
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int comma = line.LastIndexOf(',');
            if (comma < 0)
                throw new DatasetException($"{manifestPath}:{lineNo}: expected 'path,label' but found no comma");
            string rawPath = Unquote(line[..comma].Trim());
            string label = Unquote(line[(comma + 1)..].Trim());
            if (clips.Count == 0 && seen.Count == 0 && IsHeader(rawPath, label)) continue;
            if (rawPath.Length == 0)
                throw new DatasetException($"{manifestPath}:{lineNo}: empty path");
            if (label.Length == 0)
                throw new DatasetException($"{manifestPath}:{lineNo}: empty label for '{rawPath}'");
            string full = Path.GetFullPath(Path.IsPathRooted(rawPath) ? rawPath : Path.Combine(baseDir, rawPath));
            if (seen.TryGetValue(full, out int first))
                throw new DatasetException($"{manifestPath}:{lineNo}: '{rawPath}' is listed twice (first on line {first})");
            seen[full] = lineNo;
            if (!File.Exists(full))
                throw new DatasetException($"{manifestPath}:{lineNo}: file '{full}' does not exist");
            clips.Add(new LabeledClip(full, label));
        }

        var labels = clips.Select(c => c.Label).Distinct(StringComparer.Ordinal).ToList();
        if (labels.Count < 2)
            throw new DatasetException($"{manifestPath}: {labels.Count} distinct label(s); at least two are needed");
        return new Dataset(manifestPath, labels, clips);
    }

    private static bool IsHeader(string path, string label) =>
        string.Equals(path, "path", StringComparison.OrdinalIgnoreCase) && string.Equals(label, "label", StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : s;
}
