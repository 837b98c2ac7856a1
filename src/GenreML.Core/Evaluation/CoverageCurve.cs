namespace GenreML.Core.Evaluation;

/// <summary>One point of a coverage–accuracy curve: with this minimum confidence, how many clips are answered and how many of those are right.</summary>
/// <param name="MinConfidence">Clips whose top probability is at least this are answered.</param>
/// <param name="Answered">Clips answered.</param>
/// <param name="Total">Clips in all.</param>
/// <param name="Correct">Answered clips whose top genre is the true one.</param>
public sealed record CoveragePoint(double MinConfidence, int Answered, int Total, int Correct)
{
    /// <summary>Share of clips answered.</summary>
    public double Coverage => Total == 0 ? 0 : (double)Answered / Total;

    /// <summary>Accuracy on the answered clips; NaN when none is answered.</summary>
    public double Accuracy => Answered == 0 ? double.NaN : (double)Correct / Answered;
}

/// <summary>The coverage–accuracy curve: answer only when the top probability reaches a threshold, for thresholds 0, 0.05, … 0.95.</summary>
public static class CoverageCurve
{
    /// <summary>Thresholds between curve points.</summary>
    public const double Step = 0.05;

    /// <summary>The curve for clips given as (top probability, whether the top genre is right).</summary>
    public static IReadOnlyList<CoveragePoint> Compute(IReadOnlyList<(double Top, bool Right)> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        return Enumerable.Range(0, (int)Math.Round(1 / Step)).Select(k =>
        {
            double threshold = Math.Round(k * Step, 2);
            var answered = clips.Where(c => c.Top >= threshold).ToList();
            return new CoveragePoint(threshold, answered.Count, clips.Count, answered.Count(c => c.Right));
        }).ToArray();
    }
}
