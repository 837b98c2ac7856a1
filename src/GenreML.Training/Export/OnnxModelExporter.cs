using GenreML.Inference.Cards;
using GenreML.Inference.Loading;
using GenreML.Onnx.Building;
using GenreML.Onnx.Export;
using GenreML.Onnx.FrontEnd;
using GenreML.Onnx.Proto;
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
    public const string WaveformInput = ClipLevelModel.WaveformInput;

    /// <summary>Name of the clip-level model's per-window logits output.</summary>
    public const string WindowLogitsOutput = ClipLevelModel.WindowLogitsOutput;

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
        ModelCard clipCard = ClipCardFor(card);
        OnnxExporter.Export(model, path, CommonOptions(clipCard) with
        {
            WaveformFrontEnd = clipCard.Features,
            ClipWindowHop = clipCard.WindowHop,
            WaveformInputName = clipCard.InputName,
            GraphName = $"genreml_{card.Architecture}_clip",
            DocString = $"GenreML {card.Architecture} clip-level genre classifier (waveform in, clip probabilities out): {string.Join(", ", card.Labels)}",
        });
    }

    /// <summary>
    /// Writes to <paramref name="path"/> the clip-level model made from the window-level GenreML model at
    /// <paramref name="windowModelPath"/> by putting the waveform front end its card describes in front of its graph
    /// (<see cref="ClipModelComposer"/>); no weights or run folder needed. Returns the new model's card.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a GenreML window-level model the front end can be composed with; the message says why.</exception>
    /// <exception cref="ModelCardException">Its card is malformed.</exception>
    public static ModelCard ComposeClipLevel(string windowModelPath, string path)
    {
        ModelProto windowModel = OnnxModelFile.Read(windowModelPath);
        string cardJson = OnnxMetadata.Get(windowModel, ModelCard.MetadataKey)
            ?? throw new InvalidDataException($"{windowModelPath}: no GenreML model card in its metadata ('{ModelCard.MetadataKey}'), so there are no front-end settings to build.");
        ModelCard card = ModelCard.FromJson(cardJson, windowModelPath);
        ModelCard clipCard = ClipCardFor(card);
        var window = new WindowModelInterface(card.Features, card.WindowFrames, card.WindowHop, card.InputName, card.LogitsOutput, card.ProbabilitiesOutput, card.Labels.Count,
            (card.Calibration ?? CalibrationSettings.Default).Temperature);
        ModelProto clip = ClipModelComposer.Compose(windowModel, window, new Dictionary<string, string> { [ModelCard.MetadataKey] = clipCard.ToJson() }, windowModelPath);
        OnnxModelFile.Write(clip, path);
        return clipCard;
    }

    /// <summary>The card of the clip-level model made from a window-level model with <paramref name="card"/>: same labels and features, waveform input.</summary>
    public static ModelCard ClipCardFor(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card with { InputName = WaveformInput, LogitsOutput = WindowLogitsOutput };
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
