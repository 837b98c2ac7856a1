using GenreML.Core.Evaluation;
using GenreML.Reports.Data;

namespace GenreML.Reports.Report;

/// <summary>
/// Everything a run report shows. Only <see cref="Title"/> is required; a section (and its chart) is left out when
/// its data is empty, and the report says so.
/// </summary>
public sealed record RunReportData
{
    /// <summary>The report's heading, e.g. the run name.</summary>
    public required string Title { get; init; }

    /// <summary>Run settings in display order (name, value), e.g. ("epochs", "30").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    /// <summary>Clip counts per label for each dataset split.</summary>
    public IReadOnlyList<SplitCounts> DatasetCounts { get; init; } = [];

    /// <summary>Overall metrics in display order (name, value), e.g. ("accuracy", 0.81).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Metrics { get; init; } = [];

    /// <summary>Per-class precision, recall, F1 and support, in display order.</summary>
    public IReadOnlyList<ClassMetrics> ClassScores { get; init; } = [];

    /// <summary>The confusion matrix of the evaluated split, if any.</summary>
    public ConfusionData? Confusion { get; init; }

    /// <summary>Per-epoch training history, in epoch order.</summary>
    public IReadOnlyList<EpochPoint> Epochs { get; init; } = [];

    /// <summary>The epoch whose weights were kept; when null the learning-curve chart marks the best validation accuracy.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>Spectrograms to show, right and wrong.</summary>
    public IReadOnlyList<SpectrogramExample> Examples { get; init; } = [];

    /// <summary>All misclassified clips; the report lists the most confident ones.</summary>
    public IReadOnlyList<Mistake> Mistakes { get; init; } = [];
}
