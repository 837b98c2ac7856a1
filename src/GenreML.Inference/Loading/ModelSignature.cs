using GenreML.Inference.Cards;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference.Loading;

/// <summary>Checks that a model card fits the ONNX graph it sits in: input name and shape, output names and class count.</summary>
internal static class ModelSignature
{
    /// <summary>Throws <see cref="ModelCardException"/> naming the card field that disagrees with <paramref name="session"/>.</summary>
    public static void Check(ModelCard card, InferenceSession session, string source)
    {
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

    /// <summary>
    /// The width D of the card's embedding output <c>[N, D]</c>, or null when the model has no such output.
    /// Throws <see cref="ModelCardException"/> when the output exists but is not float32 <c>[N, D]</c> with a fixed D.
    /// </summary>
    public static int? EmbeddingWidth(ModelCard card, InferenceSession session, string source)
    {
        if (!session.OutputMetadata.TryGetValue(card.EmbeddingOutput, out NodeMetadata? output))
        {
            return null;
        }

        int[] dims = output.Dimensions;
        if (output.ElementType != typeof(float) || dims.Length != 2 || dims[1] <= 0)
        {
            throw new ModelCardException(source, "embeddingOutput", $"output '{card.EmbeddingOutput}' is {output.ElementType.Name} {Shape(dims)}, expected float32 [N, D] with a fixed D");
        }

        return dims[1];
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

    private static string Shape(int[] dims) => "[" + string.Join(", ", dims.Select(d => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")) + "]";
}
