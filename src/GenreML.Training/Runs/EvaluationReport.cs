using GenreML.Core.Evaluation;
using GenreML.Training.Engine;

namespace GenreML.Training.Runs;

/// <summary>Final figures of the kept model on one part of the split, as stored in <c>metrics.json</c>.</summary>
public sealed record EvaluationReport
{
    /// <summary>Number of clips scored.</summary>
    public int Clips { get; init; }

    /// <summary>Number of windows scored.</summary>
    public int Windows { get; init; }

    /// <summary>Clip-level accuracy (window probabilities averaged per clip).</summary>
    public double ClipAccuracy { get; init; }

    /// <summary>Window-level accuracy (every window judged alone).</summary>
    public double WindowAccuracy { get; init; }

    /// <summary>Clip-level balanced accuracy.</summary>
    public double BalancedAccuracy { get; init; }

    /// <summary>Window-level balanced accuracy.</summary>
    public double WindowBalancedAccuracy { get; init; }

    /// <summary>Clip-level macro F1.</summary>
    public double MacroF1 { get; init; }

    /// <summary>Clip-level mean −log probability of the true label.</summary>
    public double? LogLoss { get; init; }

    /// <summary>Clip-level per-class precision, recall, F1 and support.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>Clip-level confusion matrix, rows = true label, columns = predicted, label order of the card.</summary>
    public required int[][] Confusion { get; init; }

    /// <summary>Every clip's prediction.</summary>
    public required IReadOnlyList<PredictionRecord> Predictions { get; init; }

    /// <summary>Builds the report from the clip predictions of <see cref="Evaluator.Predict"/>.</summary>
    internal static EvaluationReport From(IReadOnlyList<string> labels, IReadOnlyList<ClipPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        var clip = ClassificationMetrics.Compute(
            labels,
            predictions.Select(p => p.TrueIndex).ToArray(),
            predictions.Select(p => p.PredictedIndex).ToArray(),
            predictions.Select(p => (IReadOnlyList<float>)p.Probabilities).ToArray());
        var window = ClassificationMetrics.Compute(
            labels,
            predictions.SelectMany(p => p.WindowPredictions.Select(_ => p.TrueIndex)).ToArray(),
            predictions.SelectMany(p => p.WindowPredictions).ToArray());
        return new EvaluationReport
        {
            Clips = clip.Count,
            Windows = window.Count,
            ClipAccuracy = clip.Accuracy,
            WindowAccuracy = window.Accuracy,
            BalancedAccuracy = clip.BalancedAccuracy,
            WindowBalancedAccuracy = window.BalancedAccuracy,
            MacroF1 = clip.MacroF1,
            LogLoss = clip.LogLoss,
            PerClass = clip.PerClass,
            Confusion = clip.Confusion,
            Predictions = predictions.Select(p => new PredictionRecord(
                p.Name,
                p.Path,
                labels[p.TrueIndex],
                labels[p.PredictedIndex],
                p.Probabilities[p.PredictedIndex],
                labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (double)p.Probabilities[x.i]))).ToArray(),
        };
    }
}
