namespace GenreML.Onnx.Inspection;

/// <summary>A graph input or output: name, element type and dimensions (sizes or symbols such as <c>N</c>).</summary>
/// <param name="Name">The value name.</param>
/// <param name="ElementType">The element type, e.g. <c>float32</c>.</param>
/// <param name="Dimensions">Each dimension as its size or its symbol; <c>?</c> when unspecified.</param>
public sealed record OnnxValueSummary(string Name, string ElementType, IReadOnlyList<string> Dimensions)
{
    /// <summary>e.g. <c>logmel: float32[N, 1, 128, 130]</c>.</summary>
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", Dimensions)}]";
}
