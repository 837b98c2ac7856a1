namespace GenreML.Reports.Report;

/// <summary>The files a run report consists of (full paths).</summary>
/// <param name="MarkdownPath">report.md.</param>
/// <param name="HtmlPath">report.html, or null when not requested.</param>
/// <param name="ChartPaths">Every chart image written (PNG, and SVG when requested), in report order.</param>
public sealed record RunReportFiles(string MarkdownPath, string? HtmlPath, IReadOnlyList<string> ChartPaths);
