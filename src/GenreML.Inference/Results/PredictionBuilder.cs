using GenreML.Inference.Answers;
using GenreML.Inference.Cards;

namespace GenreML.Inference.Results;

/// <summary>
/// Combines window probabilities into a <see cref="GenrePrediction"/> by the card's aggregation rule (the mean),
/// then calibrates them and decides the status with <see cref="ClipVerdict"/>.
/// </summary>
internal static class PredictionBuilder
{
    public static GenrePrediction Build(ModelCard card, float[][] windowProbabilities, TimeSpan duration, bool includeWindows, ClipEvidence evidence, double? minConfidence)
    {
        float[] clip = ClipAggregation.Mean(windowProbabilities);
        ClipVerdict verdict = ClipVerdict.Decide(card, evidence, clip, windowProbabilities, minConfidence);
        GenreScore[] scores = ClipAggregation.Rank(card.Labels, verdict.Probabilities);
        WindowPrediction[]? windows = includeWindows ? GenreTimeline.Windows(card, windowProbabilities, duration) : null;
        return new GenrePrediction
        {
            Status = verdict.Status,
            NotMusicScore = verdict.NotMusicScore,
            Genre = scores[0].Genre,
            Confidence = scores[0].Probability,
            Scores = scores,
            Duration = duration,
            WindowCount = windowProbabilities.Length,
            Windows = windows,
            Segments = windows is null ? null : GenreTimeline.Segments(windows),
        };
    }
}
