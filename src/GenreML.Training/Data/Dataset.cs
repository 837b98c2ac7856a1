namespace GenreML.Training.Data;

/// <summary>A labelled set of clips: labels sorted ordinally, clips sorted by path, clip names unique.</summary>
public sealed class Dataset
{
    /// <summary>Wraps the clips; throws <see cref="DatasetException"/> when a clip name repeats or a label is unknown.</summary>
    public Dataset(string source, IReadOnlyList<string> labels, IEnumerable<LabeledClip> clips)
    {
        Source = source;
        Labels = labels.OrderBy(l => l, StringComparer.Ordinal).ToArray();
        Clips = clips.OrderBy(c => c.Path, StringComparer.Ordinal).ToArray();
        var known = new HashSet<string>(Labels, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var clip in Clips)
        {
            if (!known.Contains(clip.Label))
                throw new DatasetException($"{source}: clip '{clip.Path}' has label '{clip.Label}' that is not among the labels");
            if (!names.TryAdd(clip.Name, clip.Path))
                throw new DatasetException($"{source}: two clips share the name '{clip.Name}' ('{names[clip.Name]}' and '{clip.Path}'); names must be unique so splits can refer to them");
        }
    }

    /// <summary>Where the data came from (a folder or a manifest path).</summary>
    public string Source { get; }

    /// <summary>Genre names, sorted ordinally; the index is the class index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The clips, sorted by path.</summary>
    public IReadOnlyList<LabeledClip> Clips { get; }

    /// <summary>Class index of <paramref name="label"/>.</summary>
    public int IndexOf(string label)
    {
        for (int i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label, StringComparison.Ordinal)) return i;
        }

        throw new ArgumentException($"unknown label '{label}'", nameof(label));
    }

    /// <summary>Number of clips per label, every label listed (0 when absent).</summary>
    public IReadOnlyDictionary<string, int> CountsPerLabel(IEnumerable<LabeledClip>? clips = null)
    {
        var counts = Labels.ToDictionary(l => l, _ => 0, StringComparer.Ordinal);
        foreach (var clip in clips ?? Clips) counts[clip.Label]++;
        return counts;
    }
}
