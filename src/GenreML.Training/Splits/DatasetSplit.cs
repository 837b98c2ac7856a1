using System.Text;
using GenreML.Training.Data;

namespace GenreML.Training.Splits;

/// <summary>
/// Which clips train, validate and test a model. Track-level: a clip (with all its windows) is in one
/// part only. Written as <c>split.txt</c> lines <c>&lt;name&gt; train|valid|test</c>, the format
/// <see cref="SplitFile"/> reads, so a run can be reproduced.
/// </summary>
public sealed class DatasetSplit
{
    /// <summary>Creates the split from the clips of each part.</summary>
    public DatasetSplit(string description, IReadOnlyList<LabeledClip> train, IReadOnlyList<LabeledClip> valid, IReadOnlyList<LabeledClip> test)
    {
        Description = description;
        Train = train;
        Valid = valid;
        Test = test;
    }

    /// <summary>How the split was made, e.g. "stratified 70/15/15, seed 1" or the split file's path.</summary>
    public string Description { get; }

    /// <summary>Training clips.</summary>
    public IReadOnlyList<LabeledClip> Train { get; }

    /// <summary>Validation clips.</summary>
    public IReadOnlyList<LabeledClip> Valid { get; }

    /// <summary>Test clips (may be empty, e.g. with a train/valid-only split file).</summary>
    public IReadOnlyList<LabeledClip> Test { get; }

    /// <summary>The clips of <paramref name="part"/>.</summary>
    public IReadOnlyList<LabeledClip> Part(SplitPart part) => part switch
    {
        SplitPart.Train => Train,
        SplitPart.Valid => Valid,
        SplitPart.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The split as <c>split.txt</c> text: one <c>&lt;name&gt; &lt;part&gt;</c> line per clip, sorted by name.</summary>
    public string ToText()
    {
        var lines = new List<(string Name, string Part)>();
        foreach (SplitPart part in Enum.GetValues<SplitPart>())
        {
            lines.AddRange(Part(part).Select(c => (c.Name, PartName(part))));
        }

        var sb = new StringBuilder();
        foreach (var (name, part) in lines.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            sb.Append(name).Append(' ').Append(part).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The word a split file uses for <paramref name="part"/>: train, valid or test.</summary>
    public static string PartName(SplitPart part) => part.ToString().ToLowerInvariant();
}
