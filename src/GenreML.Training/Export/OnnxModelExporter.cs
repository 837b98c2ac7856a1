using GenreML.Inference.Cards;
using GenreML.Onnx.Export;
using GenreML.Training.Models;
using static TorchSharp.torch;

namespace GenreML.Training.Export;

/// <summary>
/// Exports a trained network with GenreML's ONNX exporter: input <c>logmel [N, 1, bands, T]</c> in raw dB
/// (the card's normalisation is built into the graph), outputs <c>logits</c> and <c>probabilities</c>, and
/// the card's JSON in the metadata, so the file alone is enough to classify audio. The exporter checks the
/// graph against the TorchSharp forward pass before writing. Fully convolutional networks get a dynamic
/// frame axis; the others a fixed one.
/// </summary>
public sealed class OnnxModelExporter : IModelExporter
{
    /// <inheritdoc />
    public void Export(nn.Module<Tensor, Tensor> model, ModelCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        OnnxExporter.Export(model, path, new OnnxExportOptions
        {
            MelBands = card.Features.MelBands,
            Frames = card.WindowFrames,
            DynamicFrames = model is CompactNet,
            InputName = card.InputName,
            LogitsName = card.LogitsOutput,
            ProbabilitiesName = card.ProbabilitiesOutput,
            NormalizationMean = card.Normalization.Mean,
            NormalizationStd = card.Normalization.Std,
            Metadata = new Dictionary<string, string> { [ModelCard.MetadataKey] = card.ToJson() },
            GraphName = $"genreml_{card.Architecture}",
            DocString = $"GenreML {card.Architecture} genre classifier: {string.Join(", ", card.Labels)}",
        });
    }
}
