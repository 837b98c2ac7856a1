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
    /// before them (default 1: one at a time on the reading thread, no overlap). Memory grows with this number, never
    /// with the number of files.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Windows sent to ONNX Runtime in one run; a batch takes windows of as many consecutive clips as it needs. Default 16.
    /// Memory grows with it (ONNX Runtime holds a whole batch's activations); a clip's answer does not depend on it beyond
    /// ONNX Runtime's rounding.
    /// </summary>
    public int WindowBatchSize { get; init; } = 16;

    /// <summary>
    /// Threads ONNX Runtime uses inside one run (its intra-op pool). Default 1: on a 2-core machine, one thread for the
    /// network and the others for featurising the next clips was measured fastest (see docs/results.md, "Scoring throughput").
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
