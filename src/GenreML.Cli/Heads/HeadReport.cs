using System.Globalization;
using System.Text;
using GenreML.MLNet.Heads;

namespace GenreML.Cli.Heads;

/// <summary>The markdown report of a head: clips per label, cross-validation figures and the confusion matrix.</summary>
internal static class HeadReport
{
    public static string Markdown(EmbeddedClips data, IReadOnlyList<string> labels, HeadCrossValidation? cv)
    {
        var text = new StringBuilder();
        var counts = data.Clips.GroupBy(c => c.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        string perLabel = string.Join(", ", labels.Select(l => $"{l} {counts.GetValueOrDefault(l)}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"clips: {data.Clips.Count} embedded, {data.Failures.Count} could not be read; {perLabel}");
        text.AppendLine();
        if (cv is null)
        {
            text.AppendLine("no cross-validation: fewer than two groups");
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{cv.Folds}-fold cross-validation{(cv.Grouped ? " (clips of one group kept in one fold)" : "")} of the head with L2 = {cv.L2:G} (the candidate with the lowest cross-validated log-loss, so the figures are slightly optimistic), ML.NET multiclass metrics, mean over folds:");
        text.AppendLine();
        text.AppendLine("| metric | value |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| accuracy (micro) | {cv.MicroAccuracy:0.000} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| balanced accuracy (macro) | {cv.MacroAccuracy:0.000} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| log-loss | {cv.LogLoss:0.000} |");
        text.AppendLine();
        text.AppendLine("confusion matrix of the held-out clips (rows: actual, columns: predicted):");
        text.AppendLine();
        text.AppendLine("| actual \\ predicted | " + string.Join(" | ", labels) + " |");
        text.AppendLine("|---|" + string.Concat(labels.Select(_ => "---:|")));
        for (int a = 0; a < labels.Count; a++)
        {
            text.AppendLine($"| {labels[a]} | " + string.Join(" | ", Enumerable.Range(0, labels.Count).Select(p => cv.Confusion[a, p].ToString(CultureInfo.InvariantCulture))) + " |");
        }

        return text.ToString();
    }
}
