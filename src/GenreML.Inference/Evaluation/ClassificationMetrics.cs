namespace GenreML.Inference.Evaluation;

/// <summary>
/// Single-label classification figures computed from true and predicted class indices:
/// accuracy, balanced accuracy (mean recall over the classes that occur in the truth), macro F1
/// (mean F1 over the same classes), per-class precision/recall/F1/support and the confusion matrix
/// (rows = true class, columns = predicted class); with probabilities also log-loss, the Brier score and the
/// expected calibration error. Pure arithmetic, no ML framework.
/// </summary>
public sealed class ClassificationMetrics
{
    /// <summary>Confidence bins of <see cref="ExpectedCalibrationError"/> and <see cref="Reliability"/>.</summary>
    public const int CalibrationBins = 10;

    private ClassificationMetrics(IReadOnlyList<string> labels, int[][] confusion, double? logLoss, double? brier, IReadOnlyList<ReliabilityBin>? reliability)
    {
        Labels = labels;
        Confusion = confusion;
        LogLoss = logLoss;
        Brier = brier;
        Reliability = reliability;
        ExpectedCalibrationError = reliability is null ? null : reliability.Sum(b => b.Count * Math.Abs(b.Accuracy - b.MeanConfidence)) / Math.Max(1, reliability.Sum(b => b.Count));
        Count = confusion.Sum(row => row.Sum());
        int correct = Enumerable.Range(0, labels.Count).Sum(k => confusion[k][k]);
        Accuracy = Count == 0 ? 0 : (double)correct / Count;

        var perClass = new List<ClassMetrics>(labels.Count);
        for (int k = 0; k < labels.Count; k++)
        {
            int support = confusion[k].Sum();
            int predicted = confusion.Sum(row => row[k]);
            int hit = confusion[k][k];
            double precision = predicted == 0 ? 0 : (double)hit / predicted;
            double recall = support == 0 ? 0 : (double)hit / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(labels[k], precision, recall, f1, support));
        }

        PerClass = perClass;
        var present = perClass.Where(c => c.Support > 0).ToList();
        BalancedAccuracy = present.Count == 0 ? 0 : present.Average(c => c.Recall);
        MacroF1 = present.Count == 0 ? 0 : present.Average(c => c.F1);
    }

    /// <summary>Class names, index = class index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of examples scored.</summary>
    public int Count { get; }

    /// <summary>Fraction of examples whose predicted class is the true one.</summary>
    public double Accuracy { get; }

    /// <summary>Mean recall over the classes with at least one true example.</summary>
    public double BalancedAccuracy { get; }

    /// <summary>Mean F1 over the classes with at least one true example.</summary>
    public double MacroF1 { get; }

    /// <summary>Mean negative log of the probability given to the true class, when probabilities were supplied.</summary>
    public double? LogLoss { get; }

    /// <summary>
    /// Brier score, when probabilities were supplied: the mean over examples of the summed squared difference between
    /// the probability row and the one-hot truth (0 is perfect, 2 the worst).
    /// </summary>
    public double? Brier { get; }

    /// <summary>
    /// Expected calibration error over <see cref="CalibrationBins"/> equal-width bins of the top probability, when
    /// probabilities were supplied: Σ (bin count / total) × |bin accuracy − bin mean confidence|.
    /// </summary>
    public double? ExpectedCalibrationError { get; }

    /// <summary>The reliability diagram's bins (top probability in [k/10, (k+1)/10), the last bin closed), when probabilities were supplied.</summary>
    public IReadOnlyList<ReliabilityBin>? Reliability { get; }

    /// <summary>Per-class figures, in label order.</summary>
    public IReadOnlyList<ClassMetrics> PerClass { get; }

    /// <summary>Counts: <c>Confusion[t][p]</c> examples of true class t predicted as p.</summary>
    public int[][] Confusion { get; }

    /// <summary>
    /// Computes the figures. <paramref name="probabilities"/>, when given, holds one row of
    /// <c>labels.Count</c> probabilities per example and adds <see cref="LogLoss"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, an index is outside the labels, or a probability row has the wrong length.</exception>
    public static ClassificationMetrics Compute(
        IReadOnlyList<string> labels,
        IReadOnlyList<int> truth,
        IReadOnlyList<int> predicted,
        IReadOnlyList<IReadOnlyList<float>>? probabilities = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (labels.Count == 0) throw new ArgumentException("at least one label is required", nameof(labels));
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions", nameof(predicted));
        if (probabilities is not null && probabilities.Count != truth.Count)
            throw new ArgumentException($"{truth.Count} true labels but {probabilities.Count} probability rows", nameof(probabilities));

        int n = labels.Count;
        var confusion = new int[n][];
        for (int k = 0; k < n; k++) confusion[k] = new int[n];
        double logLossSum = 0, brierSum = 0;
        var binCount = new int[CalibrationBins];
        var binCorrect = new int[CalibrationBins];
        var binConfidence = new double[CalibrationBins];
        for (int i = 0; i < truth.Count; i++)
        {
            int t = truth[i], p = predicted[i];
            if ((uint)t >= (uint)n) throw new ArgumentException($"true label index {t} at example {i} is outside 0..{n - 1}", nameof(truth));
            if ((uint)p >= (uint)n) throw new ArgumentException($"predicted index {p} at example {i} is outside 0..{n - 1}", nameof(predicted));
            confusion[t][p]++;
            if (probabilities is not null)
            {
                var row = probabilities[i];
                if (row.Count != n) throw new ArgumentException($"probability row {i} has {row.Count} values, expected {n}", nameof(probabilities));
                logLossSum -= Math.Log(Math.Max(row[t], 1e-15));
                float top = 0;
                for (int k = 0; k < n; k++)
                {
                    double d = row[k] - (k == t ? 1 : 0);
                    brierSum += d * d;
                    top = Math.Max(top, row[k]);
                }

                int bin = Math.Clamp((int)(top * CalibrationBins), 0, CalibrationBins - 1);
                binCount[bin]++;
                binConfidence[bin] += top;
                if (p == t) binCorrect[bin]++;
            }
        }

        bool scored = probabilities is not null && truth.Count > 0;
        double? logLoss = scored ? logLossSum / truth.Count : null;
        double? brier = scored ? brierSum / truth.Count : null;
        ReliabilityBin[]? reliability = scored
            ? Enumerable.Range(0, CalibrationBins).Select(b => new ReliabilityBin(
                (double)b / CalibrationBins, (double)(b + 1) / CalibrationBins, binCount[b],
                binCount[b] == 0 ? 0 : binConfidence[b] / binCount[b],
                binCount[b] == 0 ? 0 : (double)binCorrect[b] / binCount[b])).ToArray()
            : null;
        return new ClassificationMetrics(labels.ToArray(), confusion, logLoss, brier, reliability);
    }
}
