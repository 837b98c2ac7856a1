using GenreML.Inference.Cards;
using Microsoft.ML.OnnxRuntime;

namespace GenreML.Inference.Tests.Fixtures;

/// <summary>The committed tiny genre model (32 Mel bands, 64-frame windows, 10 labels) and variants of its card.</summary>
internal static class TinyModel
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Models", "tiny-genre.onnx");

    public static byte[] Bytes => File.ReadAllBytes(Path);

    /// <summary>The card stored in the committed model.</summary>
    public static ModelCard Card
    {
        get
        {
            using var session = new InferenceSession(Path);
            return ModelCard.FromJson(session.ModelMetadata.CustomMetadataMap[ModelCard.MetadataKey]);
        }
    }

    /// <summary>The model bytes with <paramref name="cardJson"/> as its card.</summary>
    public static byte[] WithCardJson(string cardJson) => OnnxMetadataEditor.WithMetadata(Bytes, (ModelCard.MetadataKey, cardJson));

    /// <summary>The model bytes with <paramref name="card"/> as its card.</summary>
    public static byte[] WithCard(ModelCard card) => WithCardJson(card.ToJson());
}
