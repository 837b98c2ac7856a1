using GenreML.Onnx.Building;
using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>What a converter needs to convert one module: the module, its path, its input value and the graph.</summary>
public sealed class ModuleConversionContext
{
    internal ModuleConversionContext(OnnxGraphBuilder graph, OnnxExportOptions options, nn.Module module, string path, string input, IReadOnlyList<long> inputShape)
    {
        Graph = graph;
        Options = options;
        Module = module;
        Path = path;
        Input = input;
        InputShape = inputShape;
    }

    /// <summary>The graph being built.</summary>
    public OnnxGraphBuilder Graph { get; }

    /// <summary>The export options.</summary>
    public OnnxExportOptions Options { get; }

    /// <summary>The module to convert (in eval mode).</summary>
    public nn.Module Module { get; }

    /// <summary>The module's dotted path in the module tree, e.g. <c>features.block1.conv</c>.</summary>
    public string Path { get; }

    /// <summary>The name of the value the module reads.</summary>
    public string Input { get; }

    /// <summary>
    /// The shape of the module's input for an example batch (dimension 0 is the batch and is dynamic in the graph;
    /// the time axis is dynamic too when <see cref="OnnxExportOptions.DynamicFrames"/> is set).
    /// </summary>
    public IReadOnlyList<long> InputShape { get; }

    /// <summary>The name of the module's main output value and node: its path.</summary>
    public string OutputName => Path;

    /// <summary>A name for an intermediate node or value of this module, e.g. <c>features.act/Erf</c>.</summary>
    public string Name(string suffix) => $"{Path}/{suffix}";

    /// <summary>Adds a float32 or int64 parameter or buffer tensor as an initializer named <c>{Path}.{localName}</c>.</summary>
    public string Parameter(string localName, Tensor tensor, string? docString = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dtype is not (ScalarType.Float32 or ScalarType.Int64))
        {
            throw Unsupported($"its {localName} is {tensor.dtype}; only float32 models are exported (call model.to(float32) first).");
        }

        return Graph.AddInitializer($"{Path}.{localName}", tensor, docString);
    }

    /// <summary>Adds a float scalar constant named <c>{Path}/{localName}</c>.</summary>
    public string ScalarConstant(string localName, float value) => Graph.AddScalar(Name(localName), value);

    /// <summary>Adds an int64 vector constant named <c>{Path}/{localName}</c>.</summary>
    public string Int64Constant(string localName, params long[] values) => Graph.AddInitializer(Name(localName), values, [values.Length]);

    /// <summary>An <see cref="OnnxExportException"/> naming this module, its type and <paramref name="reason"/>.</summary>
    public OnnxExportException Unsupported(string reason) => new(Path, Module.GetType(), reason);
}
