using System.Globalization;
using System.Text;
using GenreML.Core.Evaluation;

namespace GenreML.MLNet.Evaluation;

/// <summary>Renders a <see cref="GenreEvaluationResult"/> as markdown tables (for the terminal and <c>confusion.md</c>).</summary>
public static class EvaluationMarkdown
{
    /// <summary>The summary figures and the per-genre table (support, precision, recall, log-loss).</summary>
    public static string MetricsTable(GenreEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine("| metric | value |");
        text.AppendLine("|---|---:|");
        Row(text, "clips evaluated", result.Clips.ToString(CultureInfo.InvariantCulture));
        Row(text, "clips failed", result.Failures.Count.ToString(CultureInfo.InvariantCulture));
        Row(text, "accuracy (micro)", Number(result.MicroAccuracy));
        Row(text, "balanced accuracy (macro)", Number(result.MacroAccuracy));
        Row(text, "macro F1", Number(result.MacroF1));
        Row(text, $"top-{result.TopK} accuracy", Number(result.TopKAccuracy));
        Row(text, "log-loss", Number(result.LogLoss));
        Row(text, "log-loss reduction", Number(result.LogLossReduction));
        if (result.Answers is { } answers)
        {
            Row(text, "expected calibration error (10 bins)", Number(answers.ExpectedCalibrationError));
            Row(text, "Brier score", Number(answers.Brier));
            Row(text, "coverage (status ok)", Number(answers.Coverage));
            Row(text, "accuracy on answered clips", Number(answers.AnsweredAccuracy));
            Row(text, "statuses", string.Join(", ", answers.Statuses.Select(s => $"{s.Key} {s.Value}")));
        }

        text.AppendLine();
        text.AppendLine("| genre | clips | precision | recall | log-loss |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        for (int i = 0; i < result.PerClass.Count; i++)
        {
            ClassMetrics c = result.PerClass[i];
            text.Append(CultureInfo.InvariantCulture,
                $"| {c.Label} | {c.Support} | {Precision(result, i)} | {Recall(result, i)} | {(c.Support == 0 || c.LogLoss is not double logLoss ? "n/a" : Number(logLoss))} |").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>The confusion matrix: rows are true genres, columns predicted genres, with row totals and recall.</summary>
    public static string ConfusionMatrix(GenreEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append("| true \\ predicted | ").AppendJoin(" | ", result.Labels).AppendLine(" | total | recall |");
        text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", result.Labels.Count + 2))).AppendLine();
        for (int i = 0; i < result.Labels.Count; i++)
        {
            IReadOnlyList<int> row = result.ConfusionMatrix[i];
            text.Append("| ").Append(result.Labels[i]).Append(" | ")
                .AppendJoin(" | ", row.Select((count, j) => j == i ? $"**{count}**" : count.ToString(CultureInfo.InvariantCulture)))
                .Append(CultureInfo.InvariantCulture, $" | {row.Sum()} | {Recall(result, i)} |").AppendLine();
        }

        text.Append("| precision | ").AppendJoin(" | ", result.PerClass.Select((_, i) => Precision(result, i))).AppendLine(" | | |");
        return text.ToString();
    }

    /// <summary>The whole report for <c>confusion.md</c>: metrics, confusion matrix and the failed clips.</summary>
    public static string Report(GenreEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.AppendLine("# Evaluation").AppendLine().Append(MetricsTable(result)).AppendLine();
        text.AppendLine("## Confusion matrix").AppendLine().Append(ConfusionMatrix(result));
        if (result.Answers is { } answers)
        {
            text.AppendLine().AppendLine("## Coverage against accuracy").AppendLine();
            text.AppendLine("Answering only when the calibrated top probability reaches a threshold:").AppendLine();
            text.AppendLine("| min confidence | answered | coverage | accuracy on answered |");
            text.AppendLine("|---:|---:|---:|---:|");
            foreach (var point in answers.Curve)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {point.MinConfidence:0.00} | {point.Answered} of {point.Total} | {Number(point.Coverage)} | {(point.Answered == 0 ? "n/a" : Number(point.Accuracy))} |").AppendLine();
            }

            text.AppendLine().AppendLine("## Reliability (calibrated probabilities)").AppendLine();
            text.AppendLine("| top probability | clips | mean confidence | accuracy |");
            text.AppendLine("|---|---:|---:|---:|");
            foreach (var bin in answers.Reliability)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {bin.Low:0.0}–{bin.High:0.0} | {bin.Count} | {(bin.Count == 0 ? "n/a" : Number(bin.MeanConfidence))} | {(bin.Count == 0 ? "n/a" : Number(bin.Accuracy))} |").AppendLine();
            }
        }

        if (result.Failures.Count > 0)
        {
            text.AppendLine().AppendLine("## Clips not evaluated").AppendLine();
            foreach (ClipFailure failure in result.Failures)
            {
                text.Append("- `").Append(failure.Path).Append("`: ").AppendLine(failure.Reason);
            }
        }

        return text.ToString();
    }

    /// <summary>Recall of genre <paramref name="i"/>, or n/a when no evaluated clip is of that genre.</summary>
    private static string Recall(GenreEvaluationResult result, int i) =>
        result.PerClass[i].Support == 0 ? "n/a" : Number(result.PerClass[i].Recall);

    /// <summary>Precision of genre <paramref name="i"/>, or n/a when no clip was predicted as that genre.</summary>
    private static string Precision(GenreEvaluationResult result, int i) =>
        result.ConfusionMatrix.Sum(row => row[i]) == 0 ? "n/a" : Number(result.PerClass[i].Precision);

    private static void Row(StringBuilder text, string name, string value) => text.Append("| ").Append(name).Append(" | ").Append(value).AppendLine(" |");

    private static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
