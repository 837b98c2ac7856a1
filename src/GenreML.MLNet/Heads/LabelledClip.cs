namespace GenreML.MLNet.Heads;

/// <summary>One clip of a user's labelled folder: its path, label (the first-level folder) and cross-validation group.</summary>
/// <param name="Path">Full path of the audio file.</param>
/// <param name="Label">The label: the name of the folder under the root that holds the file.</param>
/// <param name="Group">Clips of one group (e.g. one artist) always fall into the same cross-validation fold; the path when no groups were given.</param>
public sealed record LabelledClip(string Path, string Label, string Group);
