using GenreML.Inference.Results;

namespace GenreML.Tagging.Tests;

/// <summary>Rankings for tests.</summary>
internal static class Scores
{
    public static IReadOnlyList<GenreScore> Of(params (string Genre, float Probability)[] scores) =>
        scores.Select(s => new GenreScore(s.Genre, s.Probability)).ToArray();

    public static TagInput Input(string path, params (string Genre, float Probability)[] scores) => new(path, Of(scores));
}
