using System.Globalization;
using System.Text;
using GenreML.Core.IO;
using GenreML.MLNet.Evaluation;
using GenreML.MLNet.Results;
using GenreML.MLNet.Scoring;

namespace GenreML.Cli.Commands.Evaluating;

/// <summary>The per-file outputs of <c>evaluate</c>: <c>predictions.csv</c> and the misclassified list of <c>confusion.md</c>.</summary>
internal sealed class EvaluationFiles(IReadOnlyList<string> labels)
{
    private readonly StringBuilder _csv = new StringBuilder("path,label,predicted,probability," + string.Join(',', labels) + ",error\n");
    private readonly List<(string Path, string Label, string Predicted, float Probability)> _misclassified = [];

    /// <summary>The predictions.csv header and one line per clip seen.</summary>
    public string PredictionsCsv => _csv.ToString();

    /// <summary>Records one clip.</summary>
    public void Add(ScoredClip clip)
    {
        string label = clip.Label > 0 ? labels[(int)clip.Label - 1] : "";
        if (!clip.Succeeded)
        {
            _csv.Append(Csv.Quote(EscapedPathText.ToText(clip.Path))).Append(',').Append(label).Append(",,,").Append(new string(',', labels.Count - 1)).Append(',').Append(Csv.Quote(clip.Error)).Append('\n');
            return;
        }

        string predicted = labels[(int)clip.PredictedLabel - 1];
        float probability = clip.Score[(int)clip.PredictedLabel - 1];
        _csv.Append(Csv.Quote(EscapedPathText.ToText(clip.Path))).Append(',').Append(label).Append(',').Append(predicted).Append(',').Append(Number(probability));
        foreach (float p in clip.Score)
        {
            _csv.Append(',').Append(Number(p));
        }

        _csv.Append(",\n");
        if (label.Length > 0 && label != predicted)
        {
            _misclassified.Add((clip.Path, label, predicted, probability));
        }
    }

    /// <summary>confusion.md: the evaluation report followed by the misclassified files.</summary>
    public string ConfusionMarkdown(GenreEvaluationResult result)
    {
        var text = new StringBuilder(EvaluationMarkdown.Report(result));
        text.Append("\n## Misclassified files (").Append(_misclassified.Count).Append(")\n\n");
        if (_misclassified.Count == 0)
        {
            return text.Append("None.\n").ToString();
        }

        text.Append("| file | label | predicted | probability |\n|---|---|---|---|\n");
        foreach (var (path, label, predicted, probability) in _misclassified)
        {
            text.Append("| ").Append(EscapedPath.ForDisplay(path).Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(label).Append(" | ").Append(predicted).Append(" | ").Append(Number(probability)).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Number(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
