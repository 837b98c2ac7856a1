namespace GenreML.Inference.Loading;

/// <summary>
/// The model GenreML ships (<c>onnx/genreml-gtzan.onnx</c>, GTZAN's ten genres), embedded in this assembly so that
/// <see cref="GenreClassifier.OpenDefault"/> needs no file: the model and the front-end code its card describes
/// always come in the same package version.
/// </summary>
internal static class ShippedModel
{
    /// <summary>The manifest resource name (set in GenreML.Inference.csproj).</summary>
    public const string ResourceName = "GenreML.Inference.genreml-gtzan.onnx";

    /// <summary>The name errors and warnings use for it.</summary>
    public const string SourceName = "the shipped model genreml-gtzan.onnx";

    /// <summary>The model's bytes.</summary>
    public static byte[] Read()
    {
        using Stream stream = typeof(ShippedModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"GenreML.Inference was built without its embedded resource {ResourceName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
