namespace GenreML.Inference.Results;

/// <summary>The model's answer for one window of a clip, e.g. to see where a song turns into metal.</summary>
public sealed record WindowPrediction
{
    /// <summary>Where the window starts in the clip.</summary>
    public required TimeSpan Start { get; init; }

    /// <summary>Where the window ends in the clip (at most the clip's end).</summary>
    public required TimeSpan End { get; init; }

    /// <summary>The window's most probable genre.</summary>
    public required string Genre { get; init; }

    /// <summary>The probability of <see cref="Genre"/>.</summary>
    public required float Confidence { get; init; }

    /// <summary>Probabilities in the model card's label order.</summary>
    public required IReadOnlyList<float> Probabilities { get; init; }
}
