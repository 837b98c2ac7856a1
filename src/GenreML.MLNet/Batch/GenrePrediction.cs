using System.Text.Json.Serialization;

namespace GenreML.MLNet.Batch;

/// <summary>The verdict on one file of a batch: the top genres, or why the file could not be scored.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Genre">The most probable genre; null when the file failed.</param>
/// <param name="Probability">Its calibrated probability; NaN when the file failed.</param>
/// <param name="TopGenres">The k most probable genres, most probable first (empty when the file failed).</param>
/// <param name="TopProbabilities">Their probabilities.</param>
/// <param name="DurationSeconds">Clip duration (0 when the file failed).</param>
/// <param name="Error">Why the file could not be scored; null when it was.</param>
/// <param name="Status">One of <see cref="Inference.Answers.ResultStatus"/> (<c>ok</c> only when <paramref name="Genre"/> is an answer); null when the file failed.</param>
public sealed record GenrePrediction(
    string Path,
    string? Status,
    string? Genre,
    float Probability,
    IReadOnlyList<string> TopGenres,
    IReadOnlyList<float> TopProbabilities,
    double DurationSeconds,
    string? Error)
{
    /// <summary>True when the file was scored.</summary>
    [JsonIgnore]
    public bool Succeeded => Error is null;
}
