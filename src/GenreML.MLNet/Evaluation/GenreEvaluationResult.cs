using System.Text.Json;
using System.Text.Json.Serialization;
using GenreML.Core.Evaluation;

namespace GenreML.MLNet.Evaluation;

/// <summary>
/// The outcome of evaluating a genre model on labelled clips: accuracy, balanced accuracy, macro F1 and the
/// per-genre precision, recall and F1 from GenreML's one <see cref="ClassificationMetrics"/> (the figures
/// <c>train</c> prints), log-loss and top-k accuracy from ML.NET's multiclass evaluator, the confusion
/// matrix, and the clips that could not be evaluated. Serialises to <c>metrics.json</c> with <see cref="ToJson"/>.
/// </summary>
public sealed record GenreEvaluationResult
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Genres in the model's output order (rows and columns of <see cref="ConfusionMatrix"/>).</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Clips evaluated (failures excluded).</summary>
    public required int Clips { get; init; }

    /// <summary>Accuracy over all clips (<see cref="ClassificationMetrics.Accuracy"/>; ML.NET calls it MicroAccuracy).</summary>
    public required double MicroAccuracy { get; init; }

    /// <summary>Mean recall over the genres with clips, i.e. balanced accuracy (<see cref="ClassificationMetrics.BalancedAccuracy"/>; ML.NET calls it MacroAccuracy).</summary>
    public required double MacroAccuracy { get; init; }

    /// <summary>Mean log-loss of the true genre's probability.</summary>
    public required double LogLoss { get; init; }

    /// <summary>Relative log-loss improvement over predicting the class frequencies (1 is perfect, ≤ 0 no better).</summary>
    public required double LogLossReduction { get; init; }

    /// <summary>The k of <see cref="TopKAccuracy"/>.</summary>
    public required int TopK { get; init; }

    /// <summary>Share of clips whose true genre is among the k highest scores.</summary>
    public required double TopKAccuracy { get; init; }

    /// <summary>Per-genre precision, recall, F1, support and (from ML.NET) log-loss, in label order.</summary>
    public required IReadOnlyList<ClassMetrics> PerClass { get; init; }

    /// <summary>Counts: row = true genre, column = predicted genre, in label order.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix { get; init; }

    /// <summary>Calibration, statuses, coverage and the coverage–accuracy curve of the evaluated clips.</summary>
    public AnswerQuality? Answers { get; init; }

    /// <summary>Clips that could not be evaluated, with the reason.</summary>
    public required IReadOnlyList<ClipFailure> Failures { get; init; }

    /// <summary>Macro F1 as <see cref="ClassificationMetrics.MacroF1"/> defines it (over the genres true or predicted).</summary>
    public required double MacroF1 { get; init; }

    /// <summary>The result as indented camel-case JSON (NaN written as "NaN").</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a result written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The JSON is not a result.</exception>
    public static GenreEvaluationResult FromJson(string json) =>
        JsonSerializer.Deserialize<GenreEvaluationResult>(json, Json) ?? throw new JsonException("The JSON is null, not an evaluation result.");
}
