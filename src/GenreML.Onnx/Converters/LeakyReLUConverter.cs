using GenreML.Onnx.Export;
using TorchSharp.Modules;

namespace GenreML.Onnx.Converters;

/// <summary>LeakyReLU → ONNX <c>LeakyRelu</c> with alpha = negative_slope.</summary>
public sealed class LeakyReLUConverter : ModuleConverter<LeakyReLU>
{
    /// <inheritdoc />
    protected override string Convert(LeakyReLU module, ModuleConversionContext context) =>
        context.Graph.AddNode("LeakyRelu", context.OutputName, context.Input).Float("alpha", (float)module.negative_slope).Output;
}
