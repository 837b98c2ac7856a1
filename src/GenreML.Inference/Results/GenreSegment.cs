namespace GenreML.Inference.Results;

/// <summary>A stretch of a recording whose consecutive windows share one most probable genre (a genre timeline entry).</summary>
/// <param name="Start">Where the first window of the stretch starts.</param>
/// <param name="End">Where the next stretch starts (for the last one: where its last window ends).</param>
/// <param name="Genre">The genre of every window of the stretch.</param>
/// <param name="Probability">The mean probability of <paramref name="Genre"/> over those windows.</param>
public sealed record GenreSegment(TimeSpan Start, TimeSpan End, string Genre, float Probability);
