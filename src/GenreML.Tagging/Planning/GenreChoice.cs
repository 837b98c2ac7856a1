using GenreML.Inference.Results;

namespace GenreML.Tagging.Planning;

/// <summary>Which of the model's genres to write: the top <see cref="Top"/> at or above <see cref="MinConfidence"/>, renamed by <see cref="Map"/>.</summary>
public sealed record GenreChoice
{
    /// <summary>The default <see cref="MinConfidence"/>: below an even chance the model's first genre is not written.</summary>
    public const float DefaultMinConfidence = 0.5f;

    /// <summary>At most this many genres, most probable first (default 1).</summary>
    public int Top { get; init; } = 1;

    /// <summary>Only genres whose probability is at least this (default <see cref="DefaultMinConfidence"/>).</summary>
    public float MinConfidence { get; init; } = DefaultMinConfidence;

    /// <summary>Label → user's name.</summary>
    public GenreMap Map { get; init; } = GenreMap.Identity;

    /// <summary>The names to write for <paramref name="ranking"/> (most probable first), without duplicates; empty when none qualifies.</summary>
    public IReadOnlyList<string> Choose(IReadOnlyList<GenreScore> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var names = new List<string>();
        foreach (GenreScore score in ranking.OrderByDescending(s => s.Probability).Take(Top))
        {
            if (score.Probability >= MinConfidence && Map.NameOf(score.Genre) is { } name && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
