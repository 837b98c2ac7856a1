using GenreML.Inference.Cards;

namespace GenreML.MLNet.Scoring;

/// <summary>Settings of <see cref="Microsoft.ML.GenreTransformsCatalogExtensions.ScoreGenres(Microsoft.ML.TransformsCatalog, GenreScoringOptions)"/>.</summary>
public sealed class GenreScoringOptions
{
    /// <summary>The ONNX model file (required).</summary>
    public required string ModelPath { get; init; }

    /// <summary>The card to use instead of the one in the model's metadata (e.g. a <c>card.json</c>); null (default) reads the metadata.</summary>
    public ModelCard? Card { get; init; }

    /// <summary>Text column with the audio file paths; default <c>"Path"</c>.</summary>
    public string PathColumnName { get; init; } = Data.AudioColumns.Path;

    /// <summary>Text column with genre names, used when the input has it; default <c>"Label"</c>.</summary>
    public string LabelColumnName { get; init; } = Data.AudioColumns.Label;

    /// <summary>
    /// Overrides the card's minimum calibrated confidence below which a clip's status is <c>uncertain</c>; 0 turns it off.
    /// Default null (the card's value).
    /// </summary>
    public double? MinConfidence { get; init; }

    /// <summary>
    /// Clips decoded and featurised at once on worker tasks, in order, while the network scores the windows of the clips
    /// before them, and window batches the network runs at once (default 1: everything in turn on the reading thread).
    /// Memory grows with this number, never with the number of files.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Windows sent to ONNX Runtime in one run; a batch takes windows of as many consecutive clips as it needs. Default 1:
    /// with the shipped model on a 2-core CPU, one window per run was measured fastest (20.3 clips/s against 18.3, 16.9
    /// and 17.5 for 2, 4 and 8) and smallest (119 MB peak against 181 MB for 8); see docs/results.md, "Scoring throughput".
    /// Memory grows with it (ONNX Runtime holds a whole batch's activations); a clip's answer does not depend on it beyond
    /// ONNX Runtime's rounding (1e-6).
    /// </summary>
    public int WindowBatchSize { get; init; } = 1;

    /// <summary>
    /// Threads ONNX Runtime uses inside one run (its intra-op pool). Default 1: parallelism comes from
    /// <see cref="Threads"/> (clips featurised and batches run at once); two intra-op threads were measured slower
    /// (10.4 clips/s against 15.4 on a 2-core machine shared with training), see docs/results.md, "Scoring throughput".
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>
    /// Adds the <see cref="Data.AudioColumns.WindowScores"/> column: every window's probabilities, from which
    /// <see cref="Results.GenrePredictions"/> builds each prediction's windows and genre timeline. Default false.
    /// </summary>
    public bool IncludeWindows { get; init; }

    /// <summary>
    /// Mel frames (bytes) a clip may keep from its first pass so that it is decoded only once; a longer clip is decoded
    /// twice and its windows are cut as they are scored, in bounded memory. Default
    /// <see cref="Audio.Features.LogMelStream.KeepBytes"/> (16 MiB, about 12 minutes of audio); 0 decodes every clip twice.
    /// </summary>
    public long SinglePassBytes { get; init; } = Audio.Features.LogMelStream.KeepBytes;
}
