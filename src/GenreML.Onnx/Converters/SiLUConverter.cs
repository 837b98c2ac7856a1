using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>SiLU → x · Sigmoid(x) (opset 17 has no SiLU operator).</summary>
public sealed class SiLUConverter : ModuleConverter<SiLU>
{
    /// <inheritdoc />
    protected override string Convert(SiLU module, ModuleConversionContext context)
    {
        string gate = context.Graph.AddNode("Sigmoid", context.Name("Sigmoid"), context.Input).Output;
        return context.Graph.AddNode("Mul", context.OutputName, context.Input, gate).Output;
    }
}
