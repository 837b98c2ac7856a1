using GenreML.Onnx.Export;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Onnx.Converters;

/// <summary>Softmax / LogSoftmax over <c>dim</c> → ONNX <c>Softmax</c> / <c>LogSoftmax</c> with axis = dim (opset ≥ 13 semantics).</summary>
public sealed class SoftmaxConverter : IModuleConverter
{
    /// <inheritdoc />
    public string Convert(ModuleConversionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (op, dim) = context.Module switch
        {
            Softmax s => ("Softmax", s.dim),
            LogSoftmax l => ("LogSoftmax", l.dim),
            _ => throw context.Unsupported("SoftmaxConverter converts Softmax and LogSoftmax only."),
        };
        int rank = context.InputShape.Count;
        if (dim < -rank || dim >= rank)
        {
            throw context.Unsupported($"dim {dim} is out of range for an input of rank {rank}.");
        }

        return context.Graph.AddNode(op, context.OutputName, context.Input).Int("axis", dim).Output;
    }
}
