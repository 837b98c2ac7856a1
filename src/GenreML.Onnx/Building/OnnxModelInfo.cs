namespace GenreML.Onnx.Building;

/// <summary>Model-level header fields written by <see cref="OnnxGraphBuilder.Build"/>.</summary>
public sealed record OnnxModelInfo
{
    /// <summary>ONNX IR version; 8 is what opset 17 came with and what ONNX Runtime 1.31 loads. Default 8.</summary>
    public long IrVersion { get; init; } = 8;

    /// <summary>Version of the default (<c>ai.onnx</c>) operator set. Default 17.</summary>
    public long Opset { get; init; } = 17;

    /// <summary>Producer name. Default <c>GenreML</c>.</summary>
    public string ProducerName { get; init; } = "GenreML";

    /// <summary>Producer version. Default: the informational version of this assembly.</summary>
    public string ProducerVersion { get; init; } = DefaultProducerVersion;

    /// <summary>The model's own version number. Default 1.</summary>
    public long ModelVersion { get; init; } = 1;

    /// <summary>An optional description of the model.</summary>
    public string? DocString { get; init; }

    /// <summary>The informational version of the GenreML.Onnx assembly.</summary>
    public static string DefaultProducerVersion { get; } =
        typeof(OnnxModelInfo).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
            .FirstOrDefault()?.InformationalVersion ?? "0.0.0";
}
