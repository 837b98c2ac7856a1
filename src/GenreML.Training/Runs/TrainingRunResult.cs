using GenreML.Inference.Cards;
using GenreML.Training.Features;

namespace GenreML.Training.Runs;

/// <summary>What a finished run produced.</summary>
/// <param name="OutputDirectory">The run folder.</param>
/// <param name="Card">The model card written as <c>card.json</c>.</param>
/// <param name="Metrics">The content of <c>metrics.json</c>.</param>
/// <param name="Failures">Files skipped because their features could not be computed.</param>
public sealed record TrainingRunResult(string OutputDirectory, ModelCard Card, RunMetrics Metrics, IReadOnlyList<FeatureFailure> Failures);
