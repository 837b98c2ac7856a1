namespace GenreML.MLNet.Data;

/// <summary>
/// Keeps the files of one split named in a split file (<c>&lt;name&gt; &lt;split&gt;</c> per line, whitespace
/// separated, name = file name without extension, the format of GTZAN's <c>split.txt</c>).
/// </summary>
internal sealed class SplitFilter
{
    private readonly HashSet<string> _names;

    private SplitFilter(HashSet<string> names) => _names = names;

    /// <summary>True when <paramref name="path"/>'s name (without extension) is in the split.</summary>
    public bool Keeps(string path) => _names.Contains(System.IO.Path.GetFileNameWithoutExtension(path));

    /// <summary>Reads <paramref name="splitFile"/> and keeps the names of <paramref name="split"/>.</summary>
    /// <exception cref="InvalidDataException">A line is malformed, or no line names the split.</exception>
    public static SplitFilter Load(string splitFile, string split)
    {
        if (!File.Exists(splitFile))
        {
            throw new FileNotFoundException($"Split file '{splitFile}' does not exist.", splitFile);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(splitFile))
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            string[] parts = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new InvalidDataException($"{splitFile} line {lineNumber}: expected '<name> <split>', got '{trimmed}'.");
            }

            seen.Add(parts[1]);
            if (string.Equals(parts[1], split, StringComparison.Ordinal))
            {
                names.Add(parts[0]);
            }
        }

        if (names.Count == 0)
        {
            throw new InvalidDataException($"{splitFile}: no clip belongs to split '{split}' (splits found: {string.Join(", ", seen)}).");
        }

        return new SplitFilter(names);
    }
}
