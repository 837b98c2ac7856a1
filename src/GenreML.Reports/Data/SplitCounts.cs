namespace GenreML.Reports.Data;

/// <summary>How many clips of each label one dataset split holds.</summary>
/// <param name="Split">The split's name, e.g. "train", "validation", "test".</param>
/// <param name="PerLabel">Clip count per label; labels missing here are reported as 0.</param>
public sealed record SplitCounts(string Split, IReadOnlyDictionary<string, int> PerLabel);
