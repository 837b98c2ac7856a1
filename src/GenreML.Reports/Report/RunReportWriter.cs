using GenreML.Core.Evaluation;
using GenreML.Core.Runs;
using GenreML.Core.IO;
using GenreML.Reports.Charts;
using GenreML.Reports.Rendering;
using GenreML.Reports.Report.Document;
using OxyPlot;

namespace GenreML.Reports.Report;

/// <summary>
/// Writes a run report into a folder: the charts as PNG (and SVG on request), report.md linking them relatively,
/// and optionally a self-contained report.html. Every file is written atomically (temporary file, then rename).
/// </summary>
public static class RunReportWriter
{
    /// <summary>
    /// Renders the charts and writes the report into <paramref name="directory"/> (created if missing).
    /// Everything is rendered in memory first, so invalid data fails before any file is written.
    /// </summary>
    /// <exception cref="ArgumentException">The title is empty, or chart or mistake data is invalid (the message says which).</exception>
    public static RunReportFiles Write(RunReportData data, string directory, RunReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new RunReportOptions();
        options.Validate();
        Validate(data);

        var charts = RenderCharts(data, options);
        var document = RunReportDocument.Build(data, charts.Select(c => (c.Caption, c.FileName)).ToArray(), options.MistakeCount);
        var markdown = MarkdownRenderer.Render(document);
        var html = options.WriteHtml
            ? HtmlRenderer.Render(document, charts.ToDictionary(c => c.FileName, c => c.Png, StringComparer.Ordinal))
            : null;

        var folder = Path.GetFullPath(directory);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var chart in charts)
        {
            var pngPath = Path.Combine(folder, chart.FileName);
            AtomicFile.WriteAllBytes(pngPath, chart.Png);
            written.Add(pngPath);
            if (chart.Svg is not null)
            {
                var svgPath = Path.Combine(folder, Path.ChangeExtension(chart.FileName, ".svg"));
                AtomicFile.WriteAllText(svgPath, chart.Svg);
                written.Add(svgPath);
            }
        }
        var markdownPath = Path.Combine(folder, RunFolder.ReportMarkdownFile);
        AtomicFile.WriteAllText(markdownPath, markdown);
        string? htmlPath = null;
        if (html is not null)
        {
            htmlPath = Path.Combine(folder, RunFolder.ReportHtmlFile);
            AtomicFile.WriteAllText(htmlPath, html);
        }
        return new RunReportFiles(markdownPath, htmlPath, written);
    }

    private static void Validate(RunReportData data)
    {
        if (string.IsNullOrWhiteSpace(data.Title))
        {
            throw new ArgumentException("the run report needs a title", nameof(data));
        }
        foreach (var mistake in data.Mistakes)
        {
            ArgumentNullException.ThrowIfNull(mistake, nameof(data));
            if (!(mistake.Confidence >= 0 && mistake.Confidence <= 1))
            {
                throw new ArgumentException(
                    $"mistake '{mistake.File}': confidence must be within [0, 1], got {mistake.Confidence}", nameof(data));
            }
        }
    }

    private static List<RenderedChart> RenderCharts(RunReportData data, RunReportOptions options)
    {
        var charts = new List<RenderedChart>();
        void Add(string caption, string fileName, PlotModel model, ChartSize size) => charts.Add(new RenderedChart(
            caption, fileName, ChartRenderer.ToPng(model, size), options.WriteSvg ? ChartRenderer.ToSvg(model, size) : null));

        if (data.Epochs.Count > 0)
        {
            Add("Learning curves", RunFolder.LearningCurvesChart, LearningCurveChart.Build(data.Epochs, data.BestEpoch), LearningCurveChart.DefaultSize);
        }
        if (data.Confusion is { } confusion)
        {
            Add("Confusion matrix", RunFolder.ConfusionMatrixChart, ConfusionMatrixChart.Build(confusion), ConfusionMatrixChart.SuggestedSize(confusion.Labels.Count));
        }
        if (data.ClassScores.Count > 0)
        {
            Add("Per-class precision, recall and F1", RunFolder.ClassScoresChart, ClassScoresChart.Build(data.ClassScores),
                ClassScoresChart.SuggestedSize(data.ClassScores.Count));
        }
        if (data.Examples.Count > 0)
        {
            // A grid of bitmaps: no SVG (it would embed the same pixels, only larger).
            charts.Add(new RenderedChart(
                "Spectrogram examples", RunFolder.SpectrogramsChart, SpectrogramChart.RenderGridPng(data.Examples, options.SpectrogramColumns), Svg: null));
        }
        return charts;
    }

    /// <summary>A chart rendered in memory, waiting to be written.</summary>
    private sealed record RenderedChart(string Caption, string FileName, byte[] Png, string? Svg);
}
