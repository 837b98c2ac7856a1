using GenreML.Inference.Cards;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference.Loading;

/// <summary>Reads the model card stored in an ONNX model's metadata.</summary>
internal static class CardReader
{
    /// <summary>The validated card of <paramref name="session"/>'s model.</summary>
    /// <exception cref="ModelCardException">The metadata holds no card, or the card is malformed.</exception>
    public static ModelCard Read(InferenceSession session, string source)
    {
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
}
