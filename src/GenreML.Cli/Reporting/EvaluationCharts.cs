using GenreML.Core.Evaluation;
using GenreML.Core.Runs;
using GenreML.MLNet.Evaluation;
using GenreML.Reports.Charts;
using GenreML.Reports.Data;
using GenreML.Reports.Rendering;

namespace GenreML.Cli.Reporting;

/// <summary>The charts of an <c>evaluate</c> run: confusion matrix and per-class precision, recall and F1.</summary>
internal static class EvaluationCharts
{
    /// <summary>Writes <c>confusion_matrix.png</c> and <c>class_scores.png</c> into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(GenreEvaluationResult result, RunFolder folder)
    {
        string confusion = folder.File(RunFolder.ConfusionMatrixChart);
        ChartRenderer.SavePng(ConfusionMatrixChart.Build(ConfusionData.FromRows(result.Labels, result.ConfusionMatrix)), ConfusionMatrixChart.SuggestedSize(result.Labels.Count), confusion);
        IReadOnlyList<ClassMetrics> scores = result.PerClass;
        string classScores = folder.File(RunFolder.ClassScoresChart);
        ChartRenderer.SavePng(ClassScoresChart.Build(scores), ClassScoresChart.SuggestedSize(scores.Count), classScores);
        return [confusion, classScores];
    }
}
