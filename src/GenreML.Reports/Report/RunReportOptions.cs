namespace GenreML.Reports.Report;

/// <summary>What <see cref="RunReportWriter"/> writes besides report.md and the PNG charts.</summary>
public sealed class RunReportOptions
{
    /// <summary>Also write report.html with every image embedded as base64, so the one file can be mailed. Default true.</summary>
    public bool WriteHtml { get; init; } = true;

    /// <summary>Also write SVG versions of the learning-curve, confusion-matrix and per-class charts. Default false.</summary>
    public bool WriteSvg { get; init; }

    /// <summary>How many of the most confident mistakes to list. Default 10; must be at least 1.</summary>
    public int MistakeCount { get; init; } = 10;

    /// <summary>Columns of the spectrogram grid. Default 2; must be at least 1.</summary>
    public int SpectrogramColumns { get; init; } = 2;

    internal void Validate()
    {
        if (MistakeCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MistakeCount), MistakeCount, "the report must list at least one mistake");
        }
        if (SpectrogramColumns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SpectrogramColumns), SpectrogramColumns, "the spectrogram grid needs at least one column");
        }
    }
}
