using GenreML.Inference.Cards;
using GenreML.Inference.Loading;
using GenreML.Onnx.Export;
using GenreML.Training.Models;
using static TorchSharp.torch;

namespace GenreML.Training.Export;

/// <summary>
/// Exports a trained network with GenreML's ONNX exporter, the card's JSON in the metadata so the file
/// alone is enough to classify audio; the card's normalisation is built into the graph. The exporter checks
/// the graph against the TorchSharp forward pass before writing, and the written window-level file is held to
/// the <see cref="ModelContract"/> every reader applies.
/// </summary>
public sealed class OnnxModelExporter : IModelExporter
{
    /// <summary>Name of the clip-level model's input.</summary>
    public const string WaveformInput = "waveform";

    /// <summary>Name of the clip-level model's per-window logits output.</summary>
    public const string WindowLogitsOutput = "window_logits";

    /// <summary>
    /// The window-level model: input <c>logmel [N, 1, bands, T]</c> in raw dB, outputs <c>logits</c> and
    /// <c>probabilities [N, labels]</c>. Architectures registered as fully convolutional (<see cref="Architecture.DynamicFrames"/>) get a dynamic frame axis; the others a fixed one.
    /// The written file is then read back through <see cref="ModelContract.Load"/>, so a model that a reader would refuse is never kept.
    /// </summary>
    /// <exception cref="ModelCardException">The written model does not keep the contract with its card.</exception>
    public void Export(nn.Module<Tensor, Tensor> model, ModelCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        OnnxExporter.Export(model, path, CommonOptions(card) with
        {
            DynamicFrames = ModelFactory.Get(card.Architecture).DynamicFrames,
            InputName = card.InputName,
            GraphName = $"genreml_{card.Architecture}",
            DocString = $"GenreML {card.Architecture} genre classifier: {string.Join(", ", card.Labels)}",
        });
        ModelContract.Load(path);
    }

    /// <summary>
    /// The clip-level model: input <c>waveform [1, samples]</c> (one whole mono clip at the card's sample rate);
    /// log-Mel, windowing as <c>SpectrogramWindows.Cut</c>, the network, softmax and the mean over windows in the
    /// graph; outputs <c>probabilities [1, labels]</c>, <c>window_probabilities</c> and <c>window_logits</c>.
    /// Runs in any ONNX Runtime; GenreClassifier reads window-level models only.
    /// </summary>
    public void ExportClipLevel(nn.Module<Tensor, Tensor> model, ModelCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        ModelCard clipCard = card with { InputName = WaveformInput, LogitsOutput = WindowLogitsOutput };
        OnnxExporter.Export(model, path, CommonOptions(clipCard) with
        {
            WaveformFrontEnd = clipCard.Features,
            ClipWindowHop = clipCard.WindowHop,
            WaveformInputName = clipCard.InputName,
            GraphName = $"genreml_{card.Architecture}_clip",
            DocString = $"GenreML {card.Architecture} clip-level genre classifier (waveform in, clip probabilities out): {string.Join(", ", card.Labels)}",
        });
    }

    private static OnnxExportOptions CommonOptions(ModelCard card) => new()
    {
        MelBands = card.Features.MelBands,
        Frames = card.WindowFrames,
        LogitsName = card.LogitsOutput,
        ProbabilitiesName = card.ProbabilitiesOutput,
        NormalizationMean = card.Normalization.Mean,
        NormalizationStd = card.Normalization.Std,
        Metadata = new Dictionary<string, string> { [ModelCard.MetadataKey] = card.ToJson() },
    };
}
