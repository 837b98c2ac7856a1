using GenreML.Audio.Features;
using GenreML.Training.Export;
using GenreML.Training.Runs;

namespace GenreML.Cli.Commands;

/// <summary>Connects training to the real front end and the ONNX exporter.</summary>
internal static class TrainingWiring
{
    /// <summary>
    /// The features every model is trained with: librosa's defaults (22 050 Hz, n_fft 2048, hop 512,
    /// 128 Slaney Mel bands) with dB relative to the clip's maximum, so a clip's loudness does not matter.
    /// They are recorded in the model card, so inference always computes the same.
    /// </summary>
    public static LogMelOptions Features { get; } = LogMelOptions.Librosa with { DbReference = DbReference.Max };

    /// <summary>The services a training run uses.</summary>
    public static TrainingServices Create() => new(new ClipFeaturizer(Features), new OnnxModelExporter());
}
