using GenreML.Training.Data;

namespace GenreML.Training.Splits;

/// <summary>The split a split file describes, and what did not match the dataset.</summary>
/// <param name="Split">The clips of each part.</param>
/// <param name="UnknownNames">Names the split file lists that no clip of the dataset has.</param>
/// <param name="UnlistedClips">Clips of the dataset the split file does not mention (left out of the run).</param>
public sealed record SplitFileResult(DatasetSplit Split, IReadOnlyList<string> UnknownNames, IReadOnlyList<LabeledClip> UnlistedClips);
