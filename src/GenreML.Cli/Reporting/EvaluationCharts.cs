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
        return [confusion, classScores];
    }
}
