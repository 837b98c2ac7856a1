using GenreML.Inference.Batch;
using GenreML.Inference.Cards;
using GenreML.MLNet.Data;
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
        ModelCard? card = scoredClips.Schema.GetColumnOrNull(AudioColumns.WindowScores) is null ? null : scoredClips.Schema.GetGenreCard();
        return ScoredClipReader.Read(scoredClips).Select(clip => From(clip, labels, card));
    }

    /// <summary>The outcome for one scored clip: every genre ranked by <see cref="ClipAggregation.Rank"/>, or the clip's error.</summary>
    public static ClassificationOutcome From(ScoredClip clip, IReadOnlyList<string> labels) => From(clip, labels, null);

    /// <summary>
    /// The outcome for one scored clip; with the model's <paramref name="card"/> and the clip's
    /// <see cref="ScoredClip.WindowScores"/>, also its windows in time and its genre timeline (<see cref="GenreTimeline"/>).
    /// </summary>
    public static ClassificationOutcome From(ScoredClip clip, IReadOnlyList<string> labels, ModelCard? card)
    {
        ArgumentNullException.ThrowIfNull(clip);
        ArgumentNullException.ThrowIfNull(labels);
        if (!clip.Succeeded)
        {
            return new ClassificationOutcome { Path = clip.Path, Error = clip.Error };
        }

        GenreScore[] scores = ClipAggregation.Rank(labels, clip.Score);
        WindowPrediction[]? windows = card is not null && clip.WindowScores is { } rows
            ? GenreTimeline.Windows(card, rows.Chunk(labels.Count).ToArray(), TimeSpan.FromSeconds(clip.DurationSeconds))
            : null;
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
                Windows = windows,
                Segments = windows is null ? null : GenreTimeline.Segments(windows),
            },
        };
    }
}
