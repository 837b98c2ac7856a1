using GenreML.Reports.Charts;
using GenreML.Reports.Rendering;
using GenreML.Reports.Report.Document;

namespace GenreML.Reports.Report;

/// <summary>
/// Writes a run report into a folder: the charts as PNG (and SVG on request), report.md linking them relatively,
/// and optionally a self-contained report.html. Every file is written atomically (temporary file, then rename).
/// </summary>
public static class RunReportWriter
{
    /// <summary>File name of the learning-curve chart.</summary>
    public const string LearningCurvesFile = "learning_curves.png";

    /// <summary>File name of the confusion-matrix chart.</summary>
    public const string ConfusionMatrixFile = "confusion_matrix.png";

    /// <summary>File name of the per-class score chart.</summary>
    public const string ClassScoresFile = "class_scores.png";

    /// <summary>File name of the spectrogram grid.</summary>
    public const string SpectrogramsFile = "spectrograms.png";

    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFile = "report.md";

    /// <summary>File name of the HTML report.</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Renders the charts and writes the report into <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="ArgumentException">The title is empty, or chart data is invalid (the message says which).</exception>
    public static RunReportFiles Write(RunReportData data, string directory, RunReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new RunReportOptions();
        options.Validate();
        if (string.IsNullOrWhiteSpace(data.Title))
        {
            throw new ArgumentException("the run report needs a title", nameof(data));
        }
        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);

        var images = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var charts = new List<(string Caption, string FileName)>();
        var written = new List<string>();

        void Add(string caption, string fileName, byte[] png, Func<string>? svg)
        {
            images[fileName] = png;
            charts.Add((caption, fileName));
            written.Add(Save(folder, fileName, png));
            if (svg is not null && options.WriteSvg)
            {
                var svgName = Path.ChangeExtension(fileName, ".svg");
                var path = Path.Combine(folder, svgName);
                AtomicFile.WriteAllText(path, svg());
                written.Add(path);
            }
        }

        if (data.Epochs.Count > 0)
        {
            var model = LearningCurveChart.Build(data.Epochs, data.BestEpoch);
            var size = LearningCurveChart.DefaultSize;
            Add("Learning curves", LearningCurvesFile, ChartRenderer.ToPng(model, size), () => ChartRenderer.ToSvg(model, size));
        }
        if (data.Confusion is { } confusion)
        {
            var model = ConfusionMatrixChart.Build(confusion);
            var size = ConfusionMatrixChart.SuggestedSize(confusion.Labels.Count);
            Add("Confusion matrix", ConfusionMatrixFile, ChartRenderer.ToPng(model, size), () => ChartRenderer.ToSvg(model, size));
        }
        if (data.ClassScores.Count > 0)
        {
            var model = ClassScoresChart.Build(data.ClassScores);
            var size = ClassScoresChart.SuggestedSize(data.ClassScores.Count);
            Add("Per-class precision, recall and F1", ClassScoresFile, ChartRenderer.ToPng(model, size), () => ChartRenderer.ToSvg(model, size));
        }
        if (data.Examples.Count > 0)
        {
            Add("Spectrogram examples", SpectrogramsFile, SpectrogramChart.RenderGridPng(data.Examples, options.SpectrogramColumns), svg: null);
        }

        var document = RunReportDocument.Build(data, charts, options.MistakeCount);
        var markdownPath = Path.Combine(folder, MarkdownFile);
        AtomicFile.WriteAllText(markdownPath, MarkdownRenderer.Render(document));
        string? htmlPath = null;
        if (options.WriteHtml)
        {
            htmlPath = Path.Combine(folder, HtmlFile);
            AtomicFile.WriteAllText(htmlPath, HtmlRenderer.Render(document, images));
        }
        return new RunReportFiles(markdownPath, htmlPath, written);
    }

    private static string Save(string folder, string fileName, byte[] bytes)
    {
        var path = Path.Combine(folder, fileName);
        AtomicFile.WriteAllBytes(path, bytes);
        return path;
    }
}
