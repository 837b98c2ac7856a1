using System.Globalization;
using GenreML.Inference.Cards;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference.Loading;

/// <summary>
/// The one contract between a GenreML ONNX model and its <see cref="ModelCard"/>: the card sits in the model's
/// <c>metadata_props</c> under <see cref="ModelCard.MetadataKey"/>, the graph has a float32 input named
/// <see cref="ModelCard.InputName"/> of shape <c>[N, 1, Features.MelBands, WindowFrames]</c> (any axis may be
/// dynamic), a float32 <see cref="ModelCard.ProbabilitiesOutput"/> <c>[N, Labels.Count]</c>, and, when present,
/// a <see cref="ModelCard.LogitsOutput"/> of the same shape. <see cref="GenreClassifier"/>, the ML.NET scorer and
/// training's export check all hold a model to this contract.
/// </summary>
public static class ModelContract
{
    /// <summary>
    /// Opens the model at <paramref name="modelPath"/>, reads its card from the metadata unless <paramref name="card"/>
    /// is given (then validates that one), and checks the card against the graph.
    /// </summary>
    /// <returns>The card the model is to be used with.</returns>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="InvalidDataException">ONNX Runtime cannot load the file as a model.</exception>
    /// <exception cref="ModelCardException">The card is missing, malformed, or does not fit the graph; the message names the field.</exception>
    public static ModelCard Load(string modelPath, ModelCard? card = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        string full = Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{full}: the model file does not exist.", full);
        }

        InferenceSession session;
        try
        {
            session = new InferenceSession(full);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InvalidDataException($"{full}: ONNX Runtime cannot load the model: {e.Message}", e);
        }

        using (session)
        {
            if (card is null)
            {
                card = ReadCard(session, full);
            }
            else
            {
                card.Validate(full);
            }

            Check(card, session, full);
            return card;
        }
    }

    /// <summary>The validated card stored in <paramref name="session"/>'s model metadata; <paramref name="source"/> names the model in errors.</summary>
    /// <exception cref="ModelCardException">The metadata holds no card, or the card is malformed.</exception>
    public static ModelCard ReadCard(InferenceSession session, string source)
    {
        ArgumentNullException.ThrowIfNull(session);
        IReadOnlyDictionary<string, string>? metadata = session.ModelMetadata.CustomMetadataMap;
        if (metadata is null || !metadata.TryGetValue(ModelCard.MetadataKey, out string? json))
        {
            throw new ModelCardException(
                source, "$", $"the model has no card: its metadata_props lack the key '{ModelCard.MetadataKey}' (export it with GenreML, or add the card JSON under that key)");
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ModelCardException(source, "$", $"the metadata entry '{ModelCard.MetadataKey}' is empty");
        }

        return ModelCard.FromJson(json, $"{source} (metadata '{ModelCard.MetadataKey}')");
    }

    /// <summary>Checks that <paramref name="card"/> fits <paramref name="session"/>'s graph: input name, type and shape, output names, types and class count.</summary>
    /// <exception cref="ModelCardException">A card field disagrees with the graph; <see cref="ModelCardException.Field"/> names it.</exception>
    public static void Check(ModelCard card, InferenceSession session, string source)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(session);
        if (!session.InputMetadata.TryGetValue(card.InputName, out NodeMetadata? input))
        {
            throw new ModelCardException(source, "inputName", $"the model has no input '{card.InputName}' (its inputs: {Names(session.InputMetadata)})");
        }

        if (input.ElementType != typeof(float))
        {
            throw new ModelCardException(source, "inputName", $"input '{card.InputName}' holds {input.ElementType.Name}, expected float32");
        }

        int[] expected = [-1, 1, card.Features.MelBands, card.WindowFrames];
        string[] fields = ["inputName", "inputName", "features.melBands", "windowFrames"];
        if (input.Dimensions.Length != expected.Length)
        {
            throw new ModelCardException(source, "inputName", $"input '{card.InputName}' has shape {Shape(input.Dimensions)}, expected [N, 1, {card.Features.MelBands}, {card.WindowFrames}]");
        }

        for (int axis = 1; axis < expected.Length; axis++)
        {
            int actual = input.Dimensions[axis];
            if (actual > 0 && actual != expected[axis])
            {
                throw new ModelCardException(
                    source, fields[axis],
                    $"input '{card.InputName}' has shape {Shape(input.Dimensions)}, but the card asks for [N, 1, {card.Features.MelBands}, {card.WindowFrames}] (axis {axis} differs)");
            }
        }

        CheckOutput(card, session, source, card.ProbabilitiesOutput, "probabilitiesOutput", required: true);
        CheckOutput(card, session, source, card.LogitsOutput, "logitsOutput", required: false);
    }

    private static void CheckOutput(ModelCard card, InferenceSession session, string source, string name, string field, bool required)
    {
        if (!session.OutputMetadata.TryGetValue(name, out NodeMetadata? output))
        {
            if (required)
            {
                throw new ModelCardException(source, field, $"the model has no output '{name}' (its outputs: {Names(session.OutputMetadata)})");
            }

            return;
        }

        int[] dims = output.Dimensions;
        if (output.ElementType != typeof(float) || dims.Length != 2)
        {
            throw new ModelCardException(source, field, $"output '{name}' is {output.ElementType.Name} {Shape(dims)}, expected float32 [N, {card.Labels.Count}]");
        }

        if (dims[1] > 0 && dims[1] != card.Labels.Count)
        {
            throw new ModelCardException(source, "labels", $"the card lists {card.Labels.Count} labels but output '{name}' has {dims[1]} classes");
        }
    }

    private static string Names(IReadOnlyDictionary<string, NodeMetadata> nodes) => string.Join(", ", nodes.Keys);

    private static string Shape(int[] dims) => "[" + string.Join(", ", dims.Select(d => d > 0 ? d.ToString(CultureInfo.InvariantCulture) : "?")) + "]";
}
