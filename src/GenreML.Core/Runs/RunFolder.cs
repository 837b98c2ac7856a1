namespace GenreML.Core.Runs;

/// <summary>
/// A run folder (<c>runs/&lt;name&gt;/</c>) and the one list of its file names: what training, export, the report
/// and <c>evaluate</c> write and read there. Every path of a run file comes from here, never from a literal.
/// </summary>
public sealed class RunFolder
{
    /// <summary>The ONNX model with its card in the metadata.</summary>
    public const string ModelFile = "model.onnx";

    /// <summary>The model card as JSON, beside the model.</summary>
    public const string CardFile = "card.json";

    /// <summary>The figures of the run (training's <c>RunMetrics</c>, or <c>evaluate</c>'s result).</summary>
    public const string MetricsFile = "metrics.json";

    /// <summary>The clips of each part, <c>&lt;name&gt; train|valid|test</c> per line.</summary>
    public const string SplitFile = "split.txt";

    /// <summary>The training options the run used.</summary>
    public const string OptionsFile = "options.json";

    /// <summary>The kept epoch's weights.</summary>
    public const string BestWeightsFile = "best.weights";

    /// <summary>The last epoch's weights (for resume).</summary>
    public const string LastWeightsFile = "last.weights";

    /// <summary>The last epoch's moving average of the weights (for resume, when the average is on).</summary>
    public const string LastAverageFile = "last.average";

    /// <summary>The last epoch's optimiser state (for resume).</summary>
    public const string LastOptimizerFile = "last.optimizer";

    /// <summary>The resumable training state.</summary>
    public const string CheckpointFile = "checkpoint.json";

    /// <summary>Chart: training and validation loss and accuracy per epoch.</summary>
    public const string LearningCurvesChart = "learning_curves.png";

    /// <summary>Chart: the confusion matrix.</summary>
    public const string ConfusionMatrixChart = "confusion_matrix.png";

    /// <summary>Chart: per-class precision, recall and F1.</summary>
    public const string ClassScoresChart = "class_scores.png";

    /// <summary>Reliability diagram of calibrated probabilities (evaluate and calibrate).</summary>
    public const string ReliabilityChart = "reliability.png";

    /// <summary>Chart: example spectrograms.</summary>
    public const string SpectrogramsChart = "spectrograms.png";

    /// <summary>The run report as Markdown.</summary>
    public const string ReportMarkdownFile = "report.md";

    /// <summary>The run report as one self-contained HTML file.</summary>
    public const string ReportHtmlFile = "report.html";

    /// <summary><c>evaluate</c>'s metrics and confusion matrix as Markdown.</summary>
    public const string ConfusionMarkdownFile = "confusion.md";

    /// <summary>The run folder at <paramref name="path"/> (made absolute; not created).</summary>
    public RunFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Full path of <see cref="ModelFile"/>.</summary>
    public string Model => File(ModelFile);

    /// <summary>Full path of <see cref="CardFile"/>.</summary>
    public string Card => File(CardFile);

    /// <summary>Full path of <see cref="MetricsFile"/>.</summary>
    public string Metrics => File(MetricsFile);

    /// <summary>Full path of <see cref="SplitFile"/>.</summary>
    public string Split => File(SplitFile);

    /// <summary>Full path of <see cref="OptionsFile"/>.</summary>
    public string Options => File(OptionsFile);

    /// <summary>Full path of <see cref="BestWeightsFile"/>.</summary>
    public string BestWeights => File(BestWeightsFile);

    /// <summary>Full path of <see cref="LastWeightsFile"/>.</summary>
    public string LastWeights => File(LastWeightsFile);

    /// <summary>Full path of <see cref="LastAverageFile"/>.</summary>
    public string LastAverage => File(LastAverageFile);

    /// <summary>Full path of <see cref="LastOptimizerFile"/>.</summary>
    public string LastOptimizer => File(LastOptimizerFile);

    /// <summary>Full path of <see cref="CheckpointFile"/>.</summary>
    public string Checkpoint => File(CheckpointFile);

    /// <summary>Full path of the run file <paramref name="name"/> (one of this type's constants).</summary>
    public string File(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return System.IO.Path.Combine(Path, name);
    }

    /// <summary>The folder's path.</summary>
    public override string ToString() => Path;
}
