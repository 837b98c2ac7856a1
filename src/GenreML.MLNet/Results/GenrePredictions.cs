using GenreML.Inference.Batch;
using GenreML.Inference.Results;
using GenreML.MLNet.Scoring;
using Microsoft.ML;

namespace GenreML.MLNet.Results;

/// <summary>
/// Turns scored clips into the embeddable library's <see cref="ClassificationOutcome"/>s, so a batch scored
/// through ML.NET yields the same <see cref="GenrePrediction"/> as <c>GenreClassifier.ClassifyMany</c>.
/// </summary>
public static class GenrePredictions
{
    /// <summary>
    /// Streams one outcome per row of <paramref name="scoredClips"/> (scoring happens as the sequence is
    /// enumerated; a file that fails yields an outcome with <see cref="ClassificationOutcome.Error"/> and the rest go on).
    /// </summary>
    /// <param name="scoredClips">The output of <see cref="GenreScoringTransformer.Transform"/>.</param>
    public static IEnumerable<ClassificationOutcome> Read(IDataView scoredClips)
    {
        ArgumentNullException.ThrowIfNull(scoredClips);
        string[] labels = ScoredClipReader.Labels(scoredClips);
        return ScoredClipReader.Read(scoredClips).Select(clip => From(clip, labels));
    }

    /// <summary>The outcome for one scored clip: every genre ranked by <see cref="ClipAggregation.Rank"/>, or the clip's error.</summary>
    public static ClassificationOutcome From(ScoredClip clip, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(labels);
        if (!clip.Succeeded)
        {
            return new ClassificationOutcome { Path = clip.Path, Error = clip.Error };
        }

        GenreScore[] scores = ClipAggregation.Rank(labels, clip.Score);
        return new ClassificationOutcome
        {
            Path = clip.Path,
            Prediction = new GenrePrediction
            {
                Status = clip.Status,
                Genre = scores[0].Genre,
                Confidence = scores[0].Probability,
                Scores = scores,
                Duration = TimeSpan.FromSeconds(clip.DurationSeconds),
                WindowCount = clip.Windows,
            },
        };
    }
}
