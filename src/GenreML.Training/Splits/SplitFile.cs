using GenreML.Training.Data;

namespace GenreML.Training.Splits;

/// <summary>
/// Reads a split file: lines <c>&lt;name&gt; train|valid|test</c> where name is a clip's file name
/// without extension; blank lines and lines starting with '#' are skipped. Names the file lists but the
/// dataset lacks, and clips the file does not list, are reported in <see cref="SplitFileResult"/>
/// (those clips are left out of the run); a malformed line or a name listed twice is an error.
/// </summary>
public static class SplitFile
{
    /// <summary>Applies the split file at <paramref name="path"/> to <paramref name="dataset"/>.</summary>
    public static SplitFileResult Apply(Dataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!File.Exists(path)) throw new DatasetException($"{path}: split file does not exist");
        var parts = new Dictionary<string, SplitPart>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2)
                throw new DatasetException($"{path}:{i + 1}: expected '<name> train|valid|test', found '{line}'");
            SplitPart part = fields[1].ToLowerInvariant() switch
            {
                "train" => SplitPart.Train,
                "valid" or "validation" or "val" => SplitPart.Valid,
                "test" => SplitPart.Test,
                _ => throw new DatasetException($"{path}:{i + 1}: unknown part '{fields[1]}' (expected train, valid or test)"),
            };
            if (lineOf.TryGetValue(fields[0], out int first))
                throw new DatasetException($"{path}:{i + 1}: '{fields[0]}' is listed twice (first on line {first})");
            lineOf[fields[0]] = i + 1;
            parts[fields[0]] = part;
        }

        var byPart = Enum.GetValues<SplitPart>().ToDictionary(p => p, _ => new List<LabeledClip>());
        var unlisted = new List<LabeledClip>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clip in dataset.Clips)
        {
            names.Add(clip.Name);
            if (parts.TryGetValue(clip.Name, out var part)) byPart[part].Add(clip);
            else unlisted.Add(clip);
        }

        var unknown = parts.Keys.Where(n => !names.Contains(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var split = new DatasetSplit($"split file {Path.GetFullPath(path)}", byPart[SplitPart.Train], byPart[SplitPart.Valid], byPart[SplitPart.Test]);
        return new SplitFileResult(split, unknown, unlisted);
    }
}
