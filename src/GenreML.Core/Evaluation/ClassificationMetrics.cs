namespace GenreML.Core.Evaluation;

/// <summary>
/// Single-label classification figures computed from true and predicted class indices (or from a confusion
/// matrix): accuracy, balanced accuracy (mean recall over the classes that occur in the truth), macro F1
/// (mean F1 over the classes that occur in the truth or in the predictions, as scikit-learn's
/// <c>f1_score(average="macro")</c>), per-class precision/recall/F1/support and the confusion matrix
/// (rows = true class, columns = predicted class); with probabilities also log-loss, the Brier score and the
/// expected calibration error with its reliability bins. Pure arithmetic, no ML framework: the one definition
/// of these figures that <c>train</c>, <c>bench training</c>, <c>evaluate</c> and <c>calibrate</c> all print.
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
        var inTruth = perClass.Where(c => c.Support > 0).ToList();
        BalancedAccuracy = inTruth.Count == 0 ? 0 : inTruth.Average(c => c.Recall);
        var occurring = perClass.Where((c, k) => c.Support > 0 || confusion.Sum(row => row[k]) > 0).ToList();
        MacroF1 = occurring.Count == 0 ? 0 : occurring.Average(c => c.F1);
    }

    /// <summary>Class names, index = class index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of examples scored.</summary>
    public int Count { get; }

    /// <summary>Fraction of examples whose predicted class is the true one.</summary>
    public double Accuracy { get; }

    /// <summary>Mean recall over the classes with at least one true example.</summary>
    public double BalancedAccuracy { get; }

    /// <summary>
    /// Mean F1 over the classes with at least one true or predicted example (scikit-learn's macro F1: a class
    /// predicted but never true counts with F1 0; a class absent from both is left out); 0 when there are no examples.
    /// </summary>
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

    /// <summary>The figures of a confusion matrix (<c>confusion[t][p]</c> examples of true class t predicted as p), with no log-loss.</summary>
    /// <exception cref="ArgumentException">The matrix is not square with one row per label, or a count is negative.</exception>
    public static ClassificationMetrics FromConfusion(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<int>> confusion)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(confusion);
        if (labels.Count == 0) throw new ArgumentException("at least one label is required", nameof(labels));
        if (confusion.Count != labels.Count)
            throw new ArgumentException($"the confusion matrix has {confusion.Count} rows, expected one per label ({labels.Count})", nameof(confusion));
        var copy = new int[labels.Count][];
        for (int t = 0; t < labels.Count; t++)
        {
            if (confusion[t].Count != labels.Count)
                throw new ArgumentException($"confusion row {t} has {confusion[t].Count} columns, expected {labels.Count}", nameof(confusion));
            if (confusion[t].Any(c => c < 0))
                throw new ArgumentException($"confusion row {t} holds a negative count", nameof(confusion));
            copy[t] = confusion[t].ToArray();
        }

        return new ClassificationMetrics(labels.ToArray(), copy, null, null, null);
    }
}
