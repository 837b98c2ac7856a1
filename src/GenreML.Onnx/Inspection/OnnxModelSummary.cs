namespace GenreML.Onnx.Inspection;

/// <summary>What an <c>.onnx</c> file contains, as reported by <see cref="OnnxModelInspector"/>.</summary>
public sealed record OnnxModelSummary
{
    /// <summary>The ONNX IR version.</summary>
    public required long IrVersion { get; init; }

    /// <summary>Operator set versions by domain (<c>""</c> is the default <c>ai.onnx</c> domain).</summary>
    public required IReadOnlyDictionary<string, long> Opsets { get; init; }

    /// <summary>Producer name and version, e.g. <c>GenreML 0.1.0</c>.</summary>
    public required string Producer { get; init; }

    /// <summary>The graph name.</summary>
    public required string GraphName { get; init; }

    /// <summary>Graph inputs that are not initializers.</summary>
    public required IReadOnlyList<OnnxValueSummary> Inputs { get; init; }

    /// <summary>Graph outputs.</summary>
    public required IReadOnlyList<OnnxValueSummary> Outputs { get; init; }

    /// <summary>Number of nodes.</summary>
    public required int NodeCount { get; init; }

    /// <summary>Node count per operator type, ordered by operator name.</summary>
    public required IReadOnlyDictionary<string, int> OperatorHistogram { get; init; }

    /// <summary>Number of initializers.</summary>
    public required int InitializerCount { get; init; }

    /// <summary>Total number of elements over all initializers (the parameter count).</summary>
    public required long ParameterCount { get; init; }

    /// <summary>The model's <c>metadata_props</c>.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
}
