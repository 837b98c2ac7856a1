using GenreML.Inference.Cards;
using GenreML.Onnx.Export;
using GenreML.Onnx.FrontEnd;
using GenreML.Training.Models;
using static TorchSharp.torch;

namespace GenreML.Training.Export;

/// <summary>
/// Exports a trained network with GenreML's ONNX exporter, the card's JSON in the metadata so the file
/// alone is enough to classify audio; the card's normalisation is built into the graph. The exporter checks
/// the graph against the TorchSharp forward pass before writing.
/// </summary>
public sealed class OnnxModelExporter : IModelExporter
{
    /// <summary>Name of the clip-level model's input.</summary>
    public const string WaveformInput = ClipLevelModel.WaveformInput;

    /// <summary>Name of the clip-level model's per-window logits output.</summary>
    public const string WindowLogitsOutput = ClipLevelModel.WindowLogitsOutput;

    /// <summary>
    /// The window-level model: input <c>logmel [N, 1, bands, T]</c> in raw dB, outputs <c>logits</c> and
    /// <c>probabilities [N, labels]</c>. Fully convolutional networks get a dynamic frame axis; the others a fixed one.
    /// </summary>
    public void Export(nn.Module<Tensor, Tensor> model, ModelCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        OnnxExporter.Export(model, path, CommonOptions(card) with
        {
            DynamicFrames = model is CompactNet,
            InputName = card.InputName,
            GraphName = $"genreml_{card.Architecture}",
            DocString = $"GenreML {card.Architecture} genre classifier: {string.Join(", ", card.Labels)}",
        });
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
        ModelCard clipCard = ClipLevelModel.CardFor(card);
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
