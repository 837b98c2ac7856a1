using GenreML.Inference.Answers;
using GenreML.Core.Evaluation;
using GenreML.MLNet.Scoring;

namespace GenreML.MLNet.Evaluation;

/// <summary>
/// How honest the evaluated answers are: calibration (expected calibration error over 10 bins, Brier score and the
/// reliability bins of the calibrated clip probabilities), how many clips got each status, coverage (the share
/// answered, status <c>ok</c>) with the accuracy on those, and the coverage–accuracy curve over confidence thresholds.
/// </summary>
public sealed record AnswerQuality
{
    /// <summary>Expected calibration error of the calibrated probabilities (10 equal bins of the top probability).</summary>
    public required double ExpectedCalibrationError { get; init; }

    /// <summary>Brier score of the calibrated probabilities (mean summed squared error against the one-hot truth).</summary>
    public required double Brier { get; init; }

    /// <summary>The reliability diagram's bins.</summary>
    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }

    /// <summary>Clips per status (every status of <see cref="ResultStatus.All"/>, zeros included).</summary>
    public required IReadOnlyDictionary<string, int> Statuses { get; init; }

    /// <summary>Share of evaluated clips whose status is <c>ok</c>.</summary>
    public required double Coverage { get; init; }

    /// <summary>Accuracy on the clips whose status is <c>ok</c>; NaN when none is.</summary>
    public required double AnsweredAccuracy { get; init; }

    /// <summary>Coverage and accuracy if clips were answered whenever their top probability reaches each threshold.</summary>
    public required IReadOnlyList<CoveragePoint> Curve { get; init; }

    /// <summary>Computes the figures for labelled, successfully scored clips (<see cref="ScoredClip.Label"/> &gt; 0).</summary>
    /// <exception cref="ArgumentException">There are no clips, or one is unlabelled or failed.</exception>
    public static AnswerQuality From(IReadOnlyList<string> labels, IReadOnlyList<ScoredClip> clips)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(clips);
        if (clips.Count == 0 || clips.Any(c => !c.Succeeded || c.Label == 0))
            throw new ArgumentException("answer quality needs at least one clip, each scored and labelled", nameof(clips));
        var truth = clips.Select(c => (int)c.Label - 1).ToList();
        var predicted = clips.Select(c => (int)c.PredictedLabel - 1).ToList();
        var metrics = ClassificationMetrics.Compute(labels, truth, predicted, clips.Select(c => (IReadOnlyList<float>)c.Score).ToList());
        var ok = clips.Where(c => c.Status == ResultStatus.Ok).ToList();
        return new AnswerQuality
        {
            ExpectedCalibrationError = metrics.ExpectedCalibrationError!.Value,
            Brier = metrics.Brier!.Value,
            Reliability = metrics.Reliability!,
            Statuses = ResultStatus.All.ToDictionary(s => s, s => clips.Count(c => c.Status == s), StringComparer.Ordinal),
            Coverage = (double)ok.Count / clips.Count,
            AnsweredAccuracy = ok.Count == 0 ? double.NaN : ok.Count(c => c.PredictedLabel == c.Label) / (double)ok.Count,
            Curve = CoverageCurve.Compute(clips.Select(c => ((double)c.Score.Max(), c.PredictedLabel == c.Label)).ToList()),
        };
    }
}
