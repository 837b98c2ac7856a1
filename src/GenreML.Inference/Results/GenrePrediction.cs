namespace GenreML.Inference.Results;

/// <summary>
/// The genre of one clip: the mean of its windows' probabilities, calibrated with the card's temperature, and
/// whether that is an answer at all (<see cref="Status"/>).
/// </summary>
public sealed record GenrePrediction
{
    /// <summary>
    /// One of <see cref="Answers.ResultStatus"/>: <c>ok</c> when <see cref="Genre"/> is an answer; otherwise why it
    /// is not (<c>too_short</c>, <c>silence</c>, <c>not_music</c>, <c>uncertain</c>), and <see cref="Genre"/> is only the top guess.
    /// </summary>
    public required string Status { get; init; }

    /// <summary>The most probable genre (an answer only when <see cref="Status"/> is <c>ok</c>).</summary>
    public required string Genre { get; init; }

    /// <summary>The calibrated probability of <see cref="Genre"/> in [0, 1].</summary>
    public required float Confidence { get; init; }

    /// <summary>The model's probability that the clip is not music; null when its card has no not-music check.</summary>
    public double? NotMusicScore { get; init; }

    /// <summary>Every genre with its calibrated probability, most probable first (ties keep the card's label order).</summary>
    public required IReadOnlyList<GenreScore> Scores { get; init; }

    /// <summary>The clip's length.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>How many windows the clip was cut into.</summary>
    public required int WindowCount { get; init; }

    /// <summary>Per-window predictions in time order, when <see cref="GenreClassifierOptions.IncludeWindows"/> is set; otherwise null.</summary>
    public IReadOnlyList<WindowPrediction>? Windows { get; init; }

    /// <summary>
    /// The genre timeline (<see cref="GenreTimeline.Segments"/> of <see cref="Windows"/>): consecutive windows with the
    /// same top genre merged, when <see cref="GenreClassifierOptions.IncludeWindows"/> is set; otherwise null.
    /// The whole-clip answer (<see cref="Genre"/>) keeps the card's aggregation over all windows.
    /// </summary>
    public IReadOnlyList<GenreSegment>? Segments { get; init; }

    /// <summary>The probability of <paramref name="genre"/>; throws <see cref="KeyNotFoundException"/> for a label the model does not know.</summary>
    public float ProbabilityOf(string genre)
    {
        foreach (GenreScore score in Scores)
        {
            if (score.Genre == genre)
            {
                return score.Probability;
            }
        }

        throw new KeyNotFoundException($"'{genre}' is not one of the model's labels ({string.Join(", ", Scores.Select(s => s.Genre))}).");
    }
}
