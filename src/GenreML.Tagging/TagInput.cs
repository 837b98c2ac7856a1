using GenreML.Inference.Results;

namespace GenreML.Tagging;

/// <summary>One file to tag and what the model said about it.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Ranking">The genres with their probabilities (any order; the most probable are chosen).</param>
/// <param name="NotTaggedBecause">Why the file must not be tagged whatever its ranking (it could not be scored, or the model's answer was not a genre, e.g. silence); null to tag it.</param>
public sealed record TagInput(string Path, IReadOnlyList<GenreScore> Ranking, string? NotTaggedBecause = null);
