using GenreML.Core.Evaluation;
using GenreML.Core.Runs;
using GenreML.MLNet.Evaluation;
using GenreML.Reports.Charts;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;

namespace GenreML.Cli.Reporting;

/// <summary>The charts of an <c>evaluate</c> run: confusion matrix, per-class precision, recall and F1, and the reliability diagram.</summary>
internal static class EvaluationCharts
{
    /// <summary>Writes <c>confusion_matrix.png</c>, <c>class_scores.png</c> and <c>reliability.png</c> into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(GenreEvaluationResult result, RunFolder folder)
    {
        string confusion = folder.File(RunFolder.ConfusionMatrixChart);
        ChartRenderer.SavePng(ConfusionMatrixChart.Build(ConfusionData.FromRows(result.Labels, result.ConfusionMatrix)), ConfusionMatrixChart.SuggestedSize(result.Labels.Count), confusion);
        IReadOnlyList<ClassMetrics> scores = result.PerClass;
        string classScores = folder.File(RunFolder.ClassScoresChart);
        ChartRenderer.SavePng(ClassScoresChart.Build(scores), ClassScoresChart.SuggestedSize(scores.Count), classScores);
        if (result.Answers is not { } answers)
        {
            return [confusion, classScores];
        }

        string reliability = folder.File(RunFolder.ReliabilityChart);
        var bins = answers.Reliability.Select(b => new ReliabilityChart.Point(b.MeanConfidence, b.Accuracy, b.Count)).ToList();
        ChartRenderer.SavePng(
            ReliabilityChart.Build([($"calibrated (ECE {answers.ExpectedCalibrationError:0.000})", bins)], subtitle: $"{result.Clips} clips, 10 bins"),
            new ChartSize(700, 600),
            reliability);
        return [confusion, classScores, reliability];
    }
}
