namespace GenreML.MLNet.Scoring;

/// <summary>One row of a scored-clip view (<see cref="ClipScoreSchema"/>), read into memory.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Label">The true genre as a key (1-based index into the labels), 0 when unknown or unlabelled.</param>
/// <param name="Score">Calibrated mean window probabilities, one per label (NaN when the clip failed).</param>
/// <param name="PredictedLabel">The predicted genre as a key, 0 when the clip failed.</param>
/// <param name="DurationSeconds">Clip duration.</param>
/// <param name="Windows">Windows the clip was cut into.</param>
/// <param name="Error">Why the clip could not be scored; empty when it was.</param>
/// <param name="Status">One of <see cref="Inference.Answers.ResultStatus"/>; empty when the clip failed.</param>
/// <param name="WindowScores">Every window's probabilities, windows × labels, when the scorer was asked for them (<see cref="GenreScoringOptions.IncludeWindows"/>); else null.</param>
public sealed record ScoredClip(string Path, uint Label, float[] Score, uint PredictedLabel, double DurationSeconds, int Windows, string Error, string Status = "", float[]? WindowScores = null)
{
    /// <summary>True when the clip was scored.</summary>
    public bool Succeeded => Error.Length == 0;
}
