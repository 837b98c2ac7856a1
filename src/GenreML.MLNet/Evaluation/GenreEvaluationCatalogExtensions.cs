using GenreML.Core.Evaluation;
using GenreML.MLNet.Data;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Scoring;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Genre evaluation for <see cref="MulticlassClassificationCatalog"/>: <c>mlContext.MulticlassClassification.EvaluateGenres(...)</c>. In namespace <c>Microsoft.ML</c>, like ML.NET's own catalogs.</summary>
public static class GenreEvaluationCatalogExtensions
{
    /// <summary>
    /// Scores every clip of <paramref name="scoredClips"/> (the output of
    /// <see cref="GenreScoringTransformer"/> over a labelled source), records the clips that failed, and
    /// evaluates the rest: accuracy, balanced accuracy, macro F1 and per-genre figures from the confusion matrix
    /// by <see cref="ClassificationMetrics"/>, log-loss and top-k accuracy by ML.NET's <see cref="MulticlassClassificationCatalog.Evaluate"/>.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="scoredClips">Scored clips with a Label column (a key over the genres, or their names as text, as a saved and reloaded pipeline passes them on).</param>
    /// <param name="topK">k for top-k accuracy (default 3).</param>
    /// <param name="progress">Told the number of clips read so far, after each clip.</param>
    /// <param name="eachClip">Called with every clip as it is read (scored or failed), e.g. to write per-file predictions.</param>
    /// <exception cref="ArgumentOutOfRangeException">A required column (e.g. Label) is missing.</exception>
    /// <exception cref="ArgumentException">A column has the wrong type or vector size.</exception>
    /// <exception cref="InvalidOperationException">No clip could be evaluated.</exception>
    public static GenreEvaluationResult EvaluateGenres(this MulticlassClassificationCatalog catalog, IDataView scoredClips, int topK = 3, IProgress<int>? progress = null, Action<ScoredClip>? eachClip = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scoredClips);
        string[] labels = ScoredClipReader.Labels(scoredClips);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topK, labels.Length);
        if (scoredClips.Schema.GetColumnOrNull(AudioColumns.Label) is null)
        {
            throw new ArgumentOutOfRangeException(nameof(scoredClips), $"Column '{AudioColumns.Label}' not found: evaluation needs a labelled source (a <root>/<genre>/ folder or a manifest).");
        }

        var evaluated = new List<ScoredClip>();
        var failures = new List<ClipFailure>();
        int read = 0;
        foreach (ScoredClip clip in ScoredClipReader.Read(scoredClips))
        {
            eachClip?.Invoke(clip);
            if (!clip.Succeeded)
            {
                failures.Add(new ClipFailure(clip.Path, clip.Error));
            }
            else if (clip.Label == 0)
            {
                failures.Add(new ClipFailure(clip.Path, "the clip has no label"));
            }
            else
            {
                evaluated.Add(clip);
            }

            progress?.Report(++read);
        }

        if (evaluated.Count == 0)
        {
            throw new InvalidOperationException(read == 0
                ? "There is nothing to evaluate: the source has no audio files."
                : $"No clip could be evaluated: all {read} failed (first: {failures[0].Path}: {failures[0].Reason}).");
        }

        MulticlassClassificationMetrics metrics = catalog.Evaluate(
            new ScoredClipListView(ClipScoreSchema.Build(labels, labelled: true, cardJson: null), evaluated),
            AudioColumns.Label, AudioColumns.Score, AudioColumns.PredictedLabel, topKPredictionCount: topK);
        return ToResult(labels, evaluated.Count, topK, metrics, failures) with { Answers = AnswerQuality.From(labels, evaluated) };
    }

    private static GenreEvaluationResult ToResult(string[] labels, int clips, int topK, MulticlassClassificationMetrics metrics, List<ClipFailure> failures)
    {
        int[][] counts = metrics.ConfusionMatrix.Counts.Select(row => row.Select(c => (int)Math.Round(c)).ToArray()).ToArray();
        ClassificationMetrics figures = ClassificationMetrics.FromConfusion(labels, counts);
        var perClass = figures.PerClass.Select((c, i) => c with { LogLoss = metrics.PerClassLogLoss[i] }).ToArray();
        return new GenreEvaluationResult
        {
            Labels = labels,
            Clips = clips,
            MicroAccuracy = figures.Accuracy,
            MacroAccuracy = figures.BalancedAccuracy,
            MacroF1 = figures.MacroF1,
            LogLoss = metrics.LogLoss,
            LogLossReduction = metrics.LogLossReduction,
            TopK = topK,
            TopKAccuracy = metrics.TopKAccuracy,
            PerClass = perClass,
            ConfusionMatrix = counts,
            Failures = failures,
        };
    }
}
