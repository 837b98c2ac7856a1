using GenreML.Inference.Cards;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.MLNet.Scoring;

/// <summary>
/// An ONNX genre model and its card, checked against each other: the card's input is
/// <c>[N, 1, Features.MelBands, WindowFrames]</c> float and its probabilities output is <c>[N, Labels.Count]</c>.
/// </summary>
public sealed class GenreModel
{
    private GenreModel(string path, ModelCard card)
    {
        Path = path;
        Card = card;
    }

    /// <summary>Full path of the .onnx file.</summary>
    public string Path { get; }

    /// <summary>The card the model is used with.</summary>
    public ModelCard Card { get; }

    /// <summary>Values per window: mel bands × window frames.</summary>
    public int WindowSize => Card.Features.MelBands * Card.WindowFrames;

    /// <summary>
    /// Opens <paramref name="modelPath"/>, reads the card from its metadata (<see cref="ModelCard.MetadataKey"/>)
    /// unless <paramref name="card"/> is given, and checks that the card describes the model's input and output.
    /// </summary>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="ModelCardException">The card is missing, malformed, or does not match the model; the message names the field.</exception>
    public static GenreModel Load(string modelPath, ModelCard? card = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        string full = System.IO.Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Model '{full}' does not exist.", full);
        }

        using var session = new InferenceSession(full);
        if (card is null)
        {
            if (!session.ModelMetadata.CustomMetadataMap.TryGetValue(ModelCard.MetadataKey, out string? json))
            {
                throw new ModelCardException(full, "$", $"the model has no '{ModelCard.MetadataKey}' metadata; pass the card (card.json) explicitly");
            }

            card = ModelCard.FromJson(json, $"{full} metadata");
        }
        else
        {
            card.Validate(full);
        }

        CheckInput(full, card, session);
        CheckOutput(full, card, session);
        return new GenreModel(full, card);
    }

    private static readonly string[] ReservedNames =
        [Data.AudioColumns.ClipIndex, Data.AudioColumns.Path, Data.AudioColumns.Label, Data.AudioColumns.Duration, Data.AudioColumns.Error];

    private static void CheckInput(string path, ModelCard card, InferenceSession session)
    {
        if (ReservedNames.Contains(card.InputName, StringComparer.Ordinal) || ReservedNames.Contains(card.ProbabilitiesOutput, StringComparer.Ordinal))
        {
            throw new ModelCardException(path, "inputName", $"the names {string.Join(", ", ReservedNames)} are the scoring pipeline's own columns and cannot name the model's input or probabilities output");
        }

        if (!session.InputMetadata.TryGetValue(card.InputName, out NodeMetadata? input))
        {
            throw new ModelCardException(path, "inputName", $"the model has no input '{card.InputName}' (inputs: {string.Join(", ", session.InputMetadata.Keys)})");
        }

        if (input.ElementType != typeof(float))
        {
            throw new ModelCardException(path, "inputName", $"input '{card.InputName}' holds {input.ElementType.Name}, expected float32");
        }

        int[] dims = input.Dimensions;
        if (dims.Length != 4 || (dims[1] > 0 && dims[1] != 1))
        {
            throw new ModelCardException(path, "inputName", $"input '{card.InputName}' has shape [{Shape(dims)}], expected [N, 1, mel bands, window frames]");
        }

        if (dims[2] > 0 && dims[2] != card.Features.MelBands)
        {
            throw new ModelCardException(path, "features.melBands", $"the card says {card.Features.MelBands} mel bands but input '{card.InputName}' has shape [{Shape(dims)}]");
        }

        if (dims[3] > 0 && dims[3] != card.WindowFrames)
        {
            throw new ModelCardException(path, "windowFrames", $"the card says {card.WindowFrames} frames per window but input '{card.InputName}' has shape [{Shape(dims)}]");
        }
    }

    private static void CheckOutput(string path, ModelCard card, InferenceSession session)
    {
        if (!session.OutputMetadata.TryGetValue(card.ProbabilitiesOutput, out NodeMetadata? output))
        {
            throw new ModelCardException(path, "probabilitiesOutput", $"the model has no output '{card.ProbabilitiesOutput}' (outputs: {string.Join(", ", session.OutputMetadata.Keys)})");
        }

        int[] dims = output.Dimensions;
        if (output.ElementType != typeof(float) || dims.Length != 2 || (dims[1] > 0 && dims[1] != card.Labels.Count))
        {
            throw new ModelCardException(path, "labels", $"the card has {card.Labels.Count} labels but output '{card.ProbabilitiesOutput}' is {output.ElementType.Name} [{Shape(dims)}]");
        }
    }

    private static string Shape(int[] dims) => string.Join(", ", dims.Select(d => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?"));
}
