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
        int n = result.Labels.Count;
        var counts = new int[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                counts[i, j] = result.ConfusionMatrix[i][j];
            }
        }

        string confusion = folder.File(RunFolder.ConfusionMatrixChart);
        ChartRenderer.SavePng(ConfusionMatrixChart.Build(new ConfusionData(result.Labels, counts)), ConfusionMatrixChart.SuggestedSize(n), confusion);
        var scores = result.PerClass
            .Select(c => new ClassScores(c.Label, c.Precision, c.Recall, c.F1, c.Support))
            .ToArray();
        string classScores = folder.File(RunFolder.ClassScoresChart);
        ChartRenderer.SavePng(ClassScoresChart.Build(scores), ClassScoresChart.SuggestedSize(scores.Length), classScores);
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
