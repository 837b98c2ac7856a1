using GenreML.Training.Engine;

namespace GenreML.Training.Runs;

/// <summary>One training run's inputs.</summary>
public sealed record TrainingRequest
{
    /// <summary>A folder <c>&lt;root&gt;/&lt;genre&gt;/…</c> or a CSV manifest.</summary>
    public required string DataPath { get; init; }

    /// <summary>The run folder all outputs go to.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Hyper-parameters.</summary>
    public TrainingOptions Options { get; init; } = TrainingOptions.DefaultPreset;

    /// <summary>A split file (<c>&lt;name&gt; train|valid|test</c>); null makes a stratified 70/15/15 split seeded with <see cref="TrainingOptions.Seed"/>.</summary>
    public string? SplitFile { get; init; }

    /// <summary>Exchange the train and valid parts (the second fold of a two-fold cross-validation on a train/valid split file).</summary>
    public bool SwapTrainValid { get; init; }

    /// <summary>
    /// Train on the train and valid parts together, with no validation: a fixed <see cref="TrainingOptions.Epochs"/>,
    /// no early stopping, and the last epoch is kept. For a final model once cross-validation has chosen the settings.
    /// </summary>
    public bool MergeValidIntoTrain { get; init; }

    /// <summary>Feature cache folder; null uses <see cref="Features.FeatureCache.DefaultDirectory"/>, empty disables caching.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Continue the run in <see cref="OutputDirectory"/> after its last finished epoch (its <c>split.txt</c> is reused).</summary>
    public bool Resume { get; init; }

    /// <summary>The command line, recorded in the model card.</summary>
    public string? CommandLine { get; init; }

    /// <summary>
    /// A run folder whose kept weights the network starts from (fine-tuning, <c>train --init</c>): every layer, and the
    /// classifier too when the labels are the same; its input normalisation is kept. Null: random initial weights.
    /// </summary>
    public string? InitFrom { get; init; }
}
